// Working one callback: what happened on the call (done), or why it is
// cancelled. Enter in the outcome records it as done; nothing is saved while
// the text is empty, and a callback another desk closed meanwhile is refused
// with who closed it and when.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CALLBACK_REASON_MAX } from '../../domain/calls';
import type { CallbackRecord } from '../../protocol/records';
import { useServices } from '../services';

export function WorkCallbackForm({
  callback,
  onDone,
  onClose,
  onOpenTicket,
}: {
  callback: CallbackRecord;
  onDone(message: string): void;
  onClose(): void;
  onOpenTicket?(ticketId: string): void;
}) {
  const { repos } = useServices();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function record(kind: 'done' | 'cancel') {
    setError(null);
    try {
      if (kind === 'done') await repos.callbacks.complete(callback.id, text);
      else await repos.callbacks.cancel(callback.id, text);
      onDone(kind === 'done' ? `Called back ${callback.callerName}.` : `Cancelled the callback to ${callback.callerName}.`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setError(message.replace(/^(outcome|reason): /, ''));
    }
  }

  // The console's single-key shortcuts stay out of the form; Escape leaves it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
    e.stopPropagation();
  };

  return (
    <form
      className="callback-work"
      aria-label={`Work the callback to ${callback.callerName}`}
      data-testid="work-callback-form"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void record('done');
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-outcome`}>What happened (or why it is cancelled)</label>
        <input
          ref={input}
          id={`${id}-outcome`}
          value={text}
          maxLength={CALLBACK_REASON_MAX}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert" data-testid="work-callback-error">
            {error}
          </p>
        )}
      </div>
      <div className="modal-actions">
        <button type="submit" className="primary">
          Done: called back
        </button>
        <button type="button" onClick={() => void record('cancel')}>
          Cancel the callback
        </button>
        {callback.ticketId && onOpenTicket && (
          <button type="button" onClick={() => onOpenTicket(callback.ticketId!)}>
            Open the ticket
          </button>
        )}
        <button type="button" onClick={onClose}>
          Back to the list
        </button>
      </div>
    </form>
  );
}
