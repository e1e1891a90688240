// The time panel's form as plain values, and the entry it describes: the
// person gives a start and either an end or a duration in minutes.
import { DateTime } from 'luxon';
import type { WorkCause, WorkType } from '../../domain/time-entries';
import type { TimeEntryDraft } from '../../data/time-repository';

export interface TimeForm {
  /** `datetime-local` values, in this computer's zone. */
  start: string;
  end: string;
  /** Minutes; used when `end` is empty. */
  duration: string;
  workType: WorkType;
  cause: WorkCause;
  note: string;
}

/** An instant as a `datetime-local` value in this computer's zone. */
export function toLocalInput(iso: string): string {
  return DateTime.fromISO(iso).toLocal().toFormat("yyyy-MM-dd'T'HH:mm");
}

export function emptyTimeForm(now: Date): TimeForm {
  return { start: toLocalInput(now.toISOString()), end: '', duration: '', workType: 'included', cause: 'none', note: '' };
}

/** The entry the form describes, or what to fix first. */
export function draftFromForm(ticketId: string, form: TimeForm): { ok: true; draft: TimeEntryDraft } | { ok: false; message: string } {
  const start = DateTime.fromISO(form.start);
  if (!form.start || !start.isValid) return { ok: false, message: 'Enter when the work started.' };
  let end: DateTime;
  if (form.end) {
    end = DateTime.fromISO(form.end);
    if (!end.isValid) return { ok: false, message: 'Enter when the work ended as a date and time, or leave it empty and give a duration.' };
  } else {
    const minutes = Number(form.duration);
    if (form.duration.trim() === '' || !Number.isFinite(minutes))
      return { ok: false, message: 'Enter when the work ended, or its duration in minutes.' };
    end = start.plus({ minutes });
  }
  return {
    ok: true,
    draft: {
      ticketId,
      startedAt: start.toUTC().toISO()!,
      endedAt: end.toUTC().toISO()!,
      workType: form.workType,
      cause: form.cause,
      note: form.note,
    },
  };
}
