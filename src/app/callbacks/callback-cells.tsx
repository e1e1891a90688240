// How a callback's promise and number are shown wherever callbacks are listed.
import { dueIn, formatInZone } from '../../domain/callbacks';
import { formatPhone } from '../../domain/phone';
import type { CallbackRecord } from '../../protocol/records';

/** The number as a tel: link, with its extension for the dialler. */
export function CallbackNumber({ callback }: { callback: Pick<CallbackRecord, 'number' | 'extension'> }) {
  const href = `tel:${callback.number}${callback.extension ? `;ext=${callback.extension}` : ''}`;
  return <a href={href}>{formatPhone(callback.number, callback.extension)}</a>;
}

/** "Tue 4 Mar, 14:10 CST (America/Chicago) — in 25 min"; an overdue one says so in words and with an icon, not by colour only. */
export function PromisedBy({ callback, now }: { callback: Pick<CallbackRecord, 'promisedBy' | 'timeZone'>; now: number }) {
  const due = dueIn(callback.promisedBy, now);
  return (
    <span className={due.overdue ? 'callback-due overdue' : 'callback-due'}>
      <time dateTime={callback.promisedBy}>{formatInZone(callback.promisedBy, callback.timeZone)}</time>{' '}
      <span className="callback-relative" data-testid="callback-due">
        {due.overdue && <span aria-hidden="true">⚠ </span>}
        {due.overdue ? `Overdue: ${due.text}` : due.text}
      </span>
    </span>
  );
}
