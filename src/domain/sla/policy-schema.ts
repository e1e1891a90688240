// The shape of a policy, checked with zod. Cross-field rules (overlapping
// windows, unknown priorities, holiday references) live in policy-checks.ts;
// parseSlaPolicy runs both and reports every issue at once.
import { z } from 'zod';
import { PRIORITY_SCHEMES } from '../priority-schemes';
import { TICKET_STATUSES } from '../ticket';
import { parseIsoDate, parseTimeOfDay } from './civil-date';
import { WEEKDAYS } from './policy-types';

const timeOfDay = z.string().superRefine((v, ctx) => {
  if (parseTimeOfDay(v) === null) ctx.addIssue({ code: 'custom', message: `'${v}' is not a time of day: write HH:MM, 00:00 to 24:00` });
});

const isoDate = z.string().superRefine((v, ctx) => {
  if (parseIsoDate(v) === null) ctx.addIssue({ code: 'custom', message: `'${v}' is not a date: write YYYY-MM-DD` });
});

const name = z.string().trim().min(1, 'give it a name');
const weekday = z.enum(WEEKDAYS, { error: `expected a weekday: ${WEEKDAYS.join(', ')}` });
const window = z.strictObject({ from: timeOfDay, to: timeOfDay });
const partial = z.strictObject({ from: timeOfDay, to: timeOfDay });

const holidayRule = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('fixed'),
      name,
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
      closed: partial.optional(),
    }),
    z.strictObject({
      kind: z.literal('nth-weekday'),
      name,
      month: z.number().int().min(1).max(12),
      weekday,
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)], {
        error: 'nth is 1 to 5, or -1 for the last',
      }),
      closed: partial.optional(),
    }),
    z.strictObject({ kind: z.literal('relative'), name, of: name, days: z.number().int().min(-366).max(366), closed: partial.optional() }),
  ],
  { error: "a holiday rule's kind is 'fixed', 'nth-weekday' or 'relative'" },
);

export const calendarSchema = z.strictObject({
  timeZone: z.string(),
  week: z.strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(window).optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<z.ZodArray<typeof window>>
    >,
  ),
  businessDayMinutes: z.number().int().positive().max(1440).optional(),
  holidays: z
    .strictObject({
      region: z
        .strictObject({
          country: z.string().min(2),
          state: z.string().min(1).optional(),
          types: z
            .array(z.enum(['public', 'bank', 'optional', 'school', 'observance']))
            .min(1)
            .optional(),
          only: z.array(name).optional(),
          substitutes: z.boolean().optional(),
        })
        .optional(),
      rules: z.array(holidayRule).optional(),
      closures: z.array(z.strictObject({ name, date: isoDate, closed: partial.optional() })).optional(),
    })
    .optional(),
});

const UNITS = ['business-minutes', 'business-hours', 'business-days', 'wall-minutes', 'wall-hours'] as const;

const duration = z.union(
  [
    z.strictObject({ unit: z.enum(UNITS), value: z.number().positive().finite() }),
    z.strictObject({ unit: z.literal('next-business-day') }),
  ],
  { error: `a duration is { unit, value } with unit one of ${UNITS.join(', ')}, or { unit: 'next-business-day' }` },
);

export const targetSchema = z.strictObject({ target: duration, limit: duration.optional() });

const priorityTargets = z.strictObject({
  // Optional here so the missing target is reported in the team's words by policy-checks.
  firstResponse: targetSchema.optional(),
  resolution: targetSchema.optional(),
  afterHours: z.strictObject({ firstResponse: targetSchema.optional(), resolution: targetSchema.optional() }).optional(),
});

const status = z.enum(TICKET_STATUSES, { error: `expected a ticket status: ${TICKET_STATUSES.join(', ')}` });

export const policySchema = z.strictObject({
  id: name,
  name,
  prioritySchemeId: z.enum(Object.keys(PRIORITY_SCHEMES) as [keyof typeof PRIORITY_SCHEMES], {
    error: `expected a priority scheme: ${Object.keys(PRIORITY_SCHEMES).join(', ')}`,
  }),
  calendar: calendarSchema,
  pauseStatuses: z.strictObject({ firstResponse: z.array(status).optional(), resolution: z.array(status).optional() }).optional(),
  priorities: z.record(z.string(), priorityTargets),
});

export type PolicyShape = z.infer<typeof policySchema>;
