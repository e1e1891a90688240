// One field for the caller's number or name, with the matches under it
// (docs/domain/phone-intake.md, "Finding the caller"). Keyboard: ArrowDown/Up
// move through the matches, Enter picks one (or, with the caller picked, goes
// on to the title).
import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import type { CallerMatch } from '../../domain/caller-lookup';
import { CONTACT_ROLE_LABELS } from '../../domain/contact-authorization';
import { formatPhone } from '../../domain/phone';
import type { CallerDirectory } from './caller-index';

export function CallerSearch({
  inputRef,
  query,
  matches,
  directory,
  pickedName,
  problem,
  onQuery,
  onPick,
  onDone,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  matches: readonly CallerMatch[];
  directory: CallerDirectory | undefined;
  /** The caller picked, shown instead of the list. */
  pickedName: string | null;
  problem: string | undefined;
  onQuery(text: string): void;
  onPick(match: CallerMatch): void;
  /** Enter with nothing left to pick: on to the next field. */
  onDone(): void;
}) {
  const id = useId();
  const [active, setActive] = useState(0);
  const showList = pickedName === null && matches.length > 0;
  const current = Math.min(active, matches.length - 1);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && showList) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp' && showList) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (showList) onPick(matches[current]!);
      else onDone();
    }
  }

  return (
    <div className={problem ? 'field invalid caller-search' : 'field caller-search'}>
      <label htmlFor={`${id}-input`}>Caller: number or name</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${id}-opt-${current}` : undefined}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? `${id}-error` : `${id}-status`}
        value={query}
        onChange={(e) => {
          setActive(0);
          onQuery(e.target.value);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        data-testid="caller-query"
      />
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p id={`${id}-status`} className="muted" aria-live="polite" data-testid="caller-status">
        {pickedName !== null
          ? `Caller: ${pickedName}.`
          : !directory
            ? 'Reading the contacts…'
            : query.trim() === ''
              ? 'Type or paste the number, the last 4 digits, or a name.'
              : matches.length === 0
                ? 'No contact matches: a new caller. Choose their client below.'
                : `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}: ↑ ↓ to move, Enter to pick.`}
      </p>
      <ul id={`${id}-list`} role="listbox" aria-label="Matching contacts" className="caller-matches" hidden={!showList}>
        {showList &&
          matches.map((m, i) => {
            const contact = directory?.contacts.get(m.contactId);
            const client = directory?.clients.get(m.clientId);
            return (
              <li
                key={m.contactId}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  onPick(m);
                }}
                data-testid="caller-match"
              >
                <strong>{contact?.name ?? 'Unknown contact'}</strong>
                <span>{contact ? CONTACT_ROLE_LABELS[contact.role] : ''}</span>
                <span>{client?.name ?? ''}</span>
                <span>{m.number ? formatPhone(m.number, null) : (contact?.emails[0] ?? '')}</span>
              </li>
            );
          })}
      </ul>
    </div>
  );
}
