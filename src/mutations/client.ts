// Creating and editing a client's service record (docs/domain/clients.md).
// Every message names the rule broken and what to do; the server runs the same
// schema again and adds the rules only its rows can answer (permission, the
// workspace, the client's tickets and contacts).
import { geoPointProblem, TRAVEL_ZONES } from '../domain/travel';
import { z } from 'zod';
import { AFTER_HOURS_BILLING, MAX_RATE_CENTS, type Client } from '../domain/client';
import { PRIORITY_SCHEMES, type PrioritySchemeId } from '../domain/priority-schemes';
import { checkSlaPolicy, WEEKDAYS } from '../domain/sla';
import { parseTimeOfDay } from '../domain/sla/civil-date';
import { isValidTimeZone } from '../domain/sla/zone-time';
import { defineMutation } from './define';
import { text } from './fields';

const SCHEME_IDS = Object.keys(PRIORITY_SCHEMES) as [PrioritySchemeId, ...PrioritySchemeId[]];

const timeZone = (what: string) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (!isValidTimeZone(v))
        ctx.addIssue({ code: 'custom', message: `${what}: '${v}' is not a known IANA time zone; choose one such as America/Chicago.` });
    });

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
const cents = (what: string) =>
  z
    .number({ error: `${what}: enter an amount in dollars and cents.` })
    .int(`${what}: amounts are whole cents; round to the cent.`)
    .positive(`${what} must be more than $0.00: enter the contract's rate.`)
    .max(MAX_RATE_CENTS, `${what} is above ${dollars(MAX_RATE_CENTS)}: check the amount (was it entered in cents?).`);

const timeOfDay = (what: string) =>
  z.string().superRefine((v, ctx) => {
    if (parseTimeOfDay(v) === null)
      ctx.addIssue({ code: 'custom', message: `${what}: '${v}' is not a time of day; write HH:MM, 00:00 to 24:00.` });
  });

export const siteSchema = z.strictObject({
  id: z.uuid(),
  name: text().trim().min(1, 'Name each site (e.g. "Main office").').max(200, 'Shorten the site name to 200 characters.'),
  address: text().trim().max(500, 'Shorten the address to 500 characters.'),
  timeZone: timeZone("The site's time zone"),
  /** Optional so desks of protocol 5 and earlier still send sites without them. */
  travelZone: z.enum(TRAVEL_ZONES, { message: `Choose the site's travel zone: ${TRAVEL_ZONES.join(', ')}.` }).optional(),
  location: z
    .strictObject({ latitude: z.number(), longitude: z.number() })
    .superRefine((p, ctx) => {
      const problem = geoPointProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: `The site's location: ${problem}` });
    })
    .nullable()
    .optional(),
});

/** A full SLA policy, checked by the SLA engine's own policy checker; its first issue is the message. */
const customPolicy = z.unknown().transform((value, ctx) => {
  const checked = checkSlaPolicy(value);
  if (checked.ok) return checked.policy;
  for (const issue of checked.issues)
    ctx.addIssue({
      code: 'custom',
      message: `The custom SLA policy does not validate: ${issue.path ? `${issue.path}: ` : ''}${issue.message}.`,
    });
  return z.NEVER;
});

export const maintenanceWindowSchema = z
  .strictObject({
    weekdays: z
      .array(z.enum(WEEKDAYS, { error: `Maintenance window: weekdays are ${WEEKDAYS.join(', ')}.` }))
      .min(1, 'Maintenance window: choose at least one weekday, or set no window.'),
    from: timeOfDay('Maintenance window start'),
    to: timeOfDay('Maintenance window end'),
  })
  .superRefine((w, ctx) => {
    const from = parseTimeOfDay(w.from);
    const to = parseTimeOfDay(w.to);
    if (from !== null && to !== null && to <= from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Maintenance window: it ends (${w.to}) before it starts (${w.from}); a window cannot cross midnight, so end it at 24:00.`,
      });
  });

export const upsertClient = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      name: text().trim().min(1, "Enter the client's name.").max(200, 'Shorten the client name to 200 characters.'),
      timeZone: timeZone("The client's time zone"),
      prioritySchemeId: z.enum(SCHEME_IDS, { error: `Choose a priority scheme: ${SCHEME_IDS.join(', ')}.` }),
      sites: z.array(siteSchema).min(1, 'A client needs at least one site: add its main office.').max(200),
      customPolicy: customPolicy.nullable(),
      contract: z.strictObject({
        hourlyRateCents: cents('The hourly rate'),
        onsiteBaseFeeCents: cents('The onsite base fee'),
        afterHoursBillable: z.enum(AFTER_HOURS_BILLING, { error: `After-hours billing is one of: ${AFTER_HOURS_BILLING.join(', ')}.` }),
        afterHoursRateCents: cents('The after-hours rate').nullable(),
      }),
      maintenanceWindow: maintenanceWindowSchema.nullable(),
      onboarding: z.strictObject({
        afterHoursContactIds: z.array(z.uuid()).max(50),
        authorizationPreferences: text().trim().max(5_000, 'Shorten the authorization preferences to 5,000 characters.'),
        notes: text().trim().max(20_000, 'Shorten the onboarding notes to 20,000 characters.'),
      }),
    })
    .superRefine((c, ctx) => {
      const ids = new Set<string>();
      c.sites.forEach((s, i) => {
        if (ids.has(s.id.toLowerCase()))
          ctx.addIssue({ code: 'custom', path: ['sites', i, 'id'], message: `Two sites share the id ${s.id}; remove one of them.` });
        ids.add(s.id.toLowerCase());
      });
      const policy = c.customPolicy as { prioritySchemeId?: string } | null;
      if (policy && policy.prioritySchemeId !== c.prioritySchemeId)
        ctx.addIssue({
          code: 'custom',
          path: ['customPolicy', 'prioritySchemeId'],
          message: `The custom SLA policy is for the ${policy.prioritySchemeId} scheme but the client uses ${c.prioritySchemeId}: set its prioritySchemeId to ${c.prioritySchemeId} and give targets for ${PRIORITY_SCHEMES[c.prioritySchemeId].levels.map((l) => l.key).join(', ')}, so the client's tickets keep valid priorities.`,
        });
    }),
  target: (a) => ({ entity: 'client', id: a.id }),
  names: (a, into) => {
    into.clients.push(a.id);
  },
  apply: (_row, { args }) => {
    const client: Client = { ...args, customPolicy: args.customPolicy ?? null };
    return client;
  },
});
