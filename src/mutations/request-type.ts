// Request types with lead times (docs/domain/lead-times.md), edited per
// workspace. The rules of a valid type are the domain's (requestTypeProblems):
// the desk refuses a bad type before queuing it, the server again on arrival.
import { z } from 'zod';
import { LEAD_TIME_UNITS, MAX_LEAD_DAYS, MAX_PARAM, requestTypeProblems } from '../domain/lead-times';
import type { RequestTypeRecord } from '../protocol/records';
import { defineMutation } from './define';
import { text } from './fields';

export const REQUEST_TYPE_NAME_MAX = 200;
export const REQUEST_TYPE_NOTE_MAX = 1000;

// Bounds wide enough for the domain to name the rule a value breaks (a negative minimum, a typo of 9000 days).
const days = z
  .number()
  .int('Lead times are whole numbers of days.')
  .min(-MAX_LEAD_DAYS)
  .max(MAX_LEAD_DAYS * 100);

const band = z.strictObject({
  from: z
    .number()
    .int()
    .min(-MAX_PARAM)
    .max(MAX_PARAM * 10),
  to: z
    .number()
    .int()
    .min(-MAX_PARAM)
    .max(MAX_PARAM * 10)
    .nullable(),
  minDays: days,
  maxDays: days.nullable(),
});

export const upsertRequestType = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      name: text().trim().max(REQUEST_TYPE_NAME_MAX, `Shorten the name to ${REQUEST_TYPE_NAME_MAX} characters.`),
      unit: z.enum(LEAD_TIME_UNITS),
      minDays: days,
      maxDays: days.nullable(),
      parameter: z
        .strictObject({
          label: text().trim().max(REQUEST_TYPE_NAME_MAX, `Shorten the parameter's label to ${REQUEST_TYPE_NAME_MAX} characters.`),
          bands: z.array(band).max(20, 'Use at most 20 bands.'),
        })
        .nullable(),
      note: text().trim().max(REQUEST_TYPE_NOTE_MAX, `Shorten the note to ${REQUEST_TYPE_NOTE_MAX} characters.`),
      position: z.number().int().min(0).max(1_000_000),
    })
    .superRefine((a, issues) => {
      for (const message of requestTypeProblems(a)) issues.addIssue({ code: 'custom', message, input: a });
    }),
  target: (a) => ({ entity: 'request_type', id: a.id }),
  names: () => {},
  apply: (row, { args: a }) => {
    // Editing keeps a type archived or not as it was; archiving is its own mutation.
    const archived = row !== null && 'archived' in row ? row.archived : false;
    const type: RequestTypeRecord = {
      id: a.id,
      name: a.name,
      unit: a.unit,
      minDays: a.minDays,
      maxDays: a.maxDays,
      parameter: a.parameter,
      note: a.note,
      position: a.position,
      archived,
    };
    return type;
  },
});

/** Archived, not deleted: tickets that name the type keep its name and lead time; it is no longer offered for new ones. */
export const archiveRequestType = defineMutation({
  args: z.strictObject({ id: z.uuid(), archived: z.boolean() }),
  target: (a) => ({ entity: 'request_type', id: a.id }),
  names: () => {},
  apply: (row, { args: a }) => (row && 'archived' in row ? { ...row, archived: a.archived } : row),
});
