import { forwardRef, useId, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import { useServices } from '../services';

export type EditorKind = 'public_reply' | 'internal_note';

export interface NoteEditorHandle {
  start(kind: EditorKind): void;
}

const EMPTY = 'Write something first: the note is empty, so nothing was added.';

/** Internal notes and public replies; a public reply is the ticket's first response. */
export const NoteEditor = forwardRef<NoteEditorHandle, { ticketId: string }>(function NoteEditor({ ticketId }, ref) {
  const { repos } = useServices();
  const [kind, setKind] = useState<EditorKind>('internal_note');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = { body: useId(), error: useId() };
  useImperativeHandle(ref, () => ({
    start: (k) => {
      setKind(k);
      textRef.current?.focus();
    },
  }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setSaved(null);
    // Refused here, before anything is queued; the mutation's schema refuses it again on the server.
    if (body.trim() === '') {
      setError(EMPTY);
      textRef.current?.focus();
      return;
    }
    try {
      await repos.tickets.addNote(ticketId, kind, body);
      setBody('');
      setError(null);
      setSaved(kind === 'public_reply' ? 'Reply added.' : 'Note added.');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form className="note-editor" onSubmit={submit} aria-label="Add a note or reply">
      <fieldset>
        <legend>Kind</legend>
        <label>
          <input type="radio" name={`kind-${ticketId}`} checked={kind === 'internal_note'} onChange={() => setKind('internal_note')} />{' '}
          Internal note <kbd>i</kbd>
        </label>
        <label>
          <input type="radio" name={`kind-${ticketId}`} checked={kind === 'public_reply'} onChange={() => setKind('public_reply')} /> Public
          reply <kbd>r</kbd>
        </label>
      </fieldset>
      <label htmlFor={ids.body}>{kind === 'public_reply' ? 'Reply to the customer' : 'Internal note (staff only)'}</label>
      <textarea
        id={ids.body}
        ref={textRef}
        value={body}
        rows={3}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? ids.error : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{kind === 'public_reply' ? 'Send reply' : 'Add note'}</button>{' '}
      <span className="muted" role="status">
        {saved}
      </span>
    </form>
  );
});
