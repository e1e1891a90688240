import { z } from 'zod';
import type { Channel, IpcArg } from '../../src/bridge/channels';

// What each channel accepts, as narrow as the contract allows. Strict
// objects, so a renderer cannot smuggle extra fields into a handler. The
// mapped type makes a bridge call without a schema, or a schema that parses
// to something other than the call's argument, fail to compile.

export type IpcSchemas = { readonly [C in Channel]: z.ZodType<IpcArg<C>> };

const account = z.string().trim().min(1, 'an account name is required').max(200, 'an account name is at most 200 characters');

export const ipcSchemas = {
  'app:info': z.undefined({ error: 'app:info takes no argument' }),
  'notifications:show': z.strictObject({
    title: z.string().min(1, 'a notification needs a title').max(200),
    body: z.string().max(2000),
  }),
  'credentials:backend': z.undefined({ error: 'credentials:backend takes no argument' }),
  'credentials:get': z.strictObject({ account }),
  'credentials:set': z.strictObject({
    account,
    secret: z.string().min(1, 'an empty secret is not stored; delete the account instead').max(16_384),
  }),
  'credentials:delete': z.strictObject({ account }),
  'links:openExternal': z.strictObject({ url: z.string().min(1).max(2048) }),
  'slaAlerts:notify': z.strictObject({
    title: z.string().min(1, 'a notification needs a title').max(200),
    body: z.string().max(2000),
    ticketId: z.uuid('ticketId must be the id of the ticket the notification opens'),
  }),
  'slaAlerts:setBadgeCount': z.strictObject({
    count: z.number().int('the badge count is a whole number of tickets').min(0).max(1_000_000),
  }),
  'callLinks:next': z.undefined({ error: 'callLinks:next takes no argument' }),
  'invoices:savePdf': z.strictObject({
    // Only offered in the save dialog, but a bare name keeps a page from steering the dialog into another folder.
    suggestedName: z
      .string()
      .max(120, 'the suggested file name is at most 120 characters')
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9 ._-]*\.pdf$/,
        'the suggested file name is a bare name of letters, digits, spaces, dots, dashes and underscores ending in .pdf (no folders)',
      )
      .refine((name) => !name.includes('..'), 'the suggested file name may not contain ".."'),
  }),
} satisfies IpcSchemas;
