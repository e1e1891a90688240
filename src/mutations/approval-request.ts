// Approval requests for billable work (docs/domain/contacts-and-approvals.md,
// "Approval requests"). The desk checks each step against the rows it holds
// before queuing it (src/data/approval-repository.ts); the server checks again
// against its own and decides the status itself.
import { z } from 'zod';
import {
  APPROVAL_STATUSES,
  BILLABLE_TRIGGERS,
  CONTACT_CHANNELS,
  MAX_CENTS,
  MAX_MINUTES,
  statusAfterConfirmation,
  WORK_KINDS,
  type ApprovalStatus,
} from '../domain/approval-requests';
import { REQUEST_KINDS } from '../domain/contact-authorization';
import { WORK_CAUSES } from '../domain/time-entries';
import type { ApprovalRequestRecord } from '../protocol/records';
import { defineMutation, type SyncedRow } from './define';
import { BODY_MAX, text } from './fields';

const minutes = z
  .number()
  .int('Enter whole minutes.')
  .min(1, 'Enter at least one minute, or leave the hours empty.')
  .max(MAX_MINUTES, `Enter at most ${MAX_MINUTES / 60} hours; split larger work into several requests.`)
  .nullable();
const cents = z
  .number()
  .int('Enter the amount in whole cents.')
  .min(1, 'Enter an amount of at least one cent, or leave the amount empty.')
  .max(MAX_CENTS, `Enter at most $${(MAX_CENTS / 100).toLocaleString('en-US')}; split larger work into several requests.`)
  .nullable();
const callerText = (max: number) => text().trim().max(max).nullable();

export const requestApproval = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      ticketId: z.uuid(),
      clientId: z.uuid(),
      /** One of the client's contacts; null for a caller not on the list (then callerName is required). */
      requesterContactId: z.uuid().nullable(),
      callerName: callerText(200),
      callerPhone: callerText(40),
      kind: z.enum(REQUEST_KINDS),
      work: z.enum(WORK_KINDS),
      cause: z.enum(WORK_CAUSES),
      onsite: z.boolean(),
      afterHours: z.boolean(),
      description: text().trim().min(1, 'Describe the work to approve: the description is empty.').max(BODY_MAX),
      estimateMinutes: minutes,
      estimateCents: cents,
      /**
       * The desk's reading of its own rows, for its prediction only: the
       * server computes the triggers and the status from its rows and stores its own.
       */
      triggers: z.array(z.enum(BILLABLE_TRIGGERS)).max(BILLABLE_TRIGGERS.length),
      status: z.enum(['awaiting_confirmation', 'awaiting_approval']),
    })
    .superRefine((a, ctx) => {
      // A caller not on the list asking for included work is held for confirmation only, with nothing to estimate.
      const confirmationOnly = a.requesterContactId === null && a.triggers.length === 0;
      if (a.estimateMinutes === null && a.estimateCents === null && !confirmationOnly)
        ctx.addIssue({ code: 'custom', path: ['estimateMinutes'], message: 'Enter the estimate: the hours, the amount, or both.' });
      if (a.requesterContactId === null && !a.callerName)
        ctx.addIssue({
          code: 'custom',
          path: ['callerName'],
          message: "Choose the requester from the client's contacts, or enter the caller's name.",
        });
    }),
  target: (a) => ({ entity: 'approval_request', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.ticketId);
    into.clients.push(a.clientId);
  },
  apply: (row, { args: a, performedAt }, ctx) => {
    if (row) return row;
    const request: ApprovalRequestRecord = {
      id: a.id,
      ticketId: a.ticketId,
      clientId: a.clientId,
      requesterContactId: a.requesterContactId,
      callerName: a.requesterContactId === null ? a.callerName : null,
      callerPhone: a.requesterContactId === null ? a.callerPhone || null : null,
      kind: a.kind,
      work: a.work,
      cause: a.cause,
      onsite: a.onsite,
      afterHours: a.afterHours,
      triggers: a.triggers,
      description: a.description,
      estimateMinutes: a.estimateMinutes,
      estimateCents: a.estimateCents,
      status: a.status,
      confirmedBy: null,
      confirmedVia: null,
      confirmedAt: null,
      confirmationTakenBy: null,
      approvedBy: null,
      approvedVia: null,
      approvedAt: null,
      approvedMinutes: null,
      approvedCents: null,
      approvalTakenBy: null,
      declineReason: null,
      declinedAt: null,
      declineTakenBy: null,
      createdBy: ctx.actorId ?? '',
      createdAt: performedAt,
    };
    return request;
  },
});

function requestIn(row: SyncedRow | null, status: readonly ApprovalStatus[]): ApprovalRequestRecord | null {
  return row && 'estimateCents' in row && status.includes(row.status) ? row : null;
}

export const confirmRequest = defineMutation({
  args: z.strictObject({ id: z.uuid(), contactId: z.uuid(), via: z.enum(CONTACT_CHANNELS) }),
  target: (a) => ({ entity: 'approval_request', id: a.id }),
  names: () => {},
  apply: (row, { args, performedAt }, ctx) => {
    const request = requestIn(row, ['awaiting_confirmation']);
    if (!request) return row;
    return {
      ...request,
      status: statusAfterConfirmation(request),
      confirmedBy: args.contactId,
      confirmedVia: args.via,
      confirmedAt: performedAt,
      confirmationTakenBy: ctx.actorId ?? '',
    };
  },
});

export const recordApproval = defineMutation({
  args: z
    .strictObject({ id: z.uuid(), contactId: z.uuid(), via: z.enum(CONTACT_CHANNELS), approvedMinutes: minutes, approvedCents: cents })
    .refine((a) => a.approvedMinutes !== null || a.approvedCents !== null, {
      path: ['approvedMinutes'],
      message: 'Enter the hours or the amount approved.',
    }),
  target: (a) => ({ entity: 'approval_request', id: a.id }),
  names: () => {},
  apply: (row, { args, performedAt }, ctx) => {
    const request = requestIn(row, ['awaiting_approval']);
    if (!request) return row;
    return {
      ...request,
      status: 'approved',
      approvedBy: args.contactId,
      approvedVia: args.via,
      approvedAt: performedAt,
      approvedMinutes: args.approvedMinutes,
      approvedCents: args.approvedCents,
      approvalTakenBy: ctx.actorId ?? '',
    };
  },
});

export const declineApproval = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    reason: text().trim().min(1, 'Say why the request is declined: the reason is empty.').max(BODY_MAX),
  }),
  target: (a) => ({ entity: 'approval_request', id: a.id }),
  names: () => {},
  apply: (row, { args, performedAt }, ctx) => {
    const request = requestIn(
      row,
      APPROVAL_STATUSES.filter((s) => s !== 'approved' && s !== 'declined'),
    );
    if (!request) return row;
    return { ...request, status: 'declined', declineReason: args.reason, declinedAt: performedAt, declineTakenBy: ctx.actorId ?? '' };
  },
});
