// Every mutation a desk can make, by name: the one list the protocol, the
// desk's outbox and the server's handler map (src/server/mutations/index.ts,
// which must have a handler for each name or fail to compile) derive from.
// Adding a mutation: write its definition beside its kind, add it here, and
// write its server handler.
import type { z } from 'zod';
import type { ApplyContext, Applied, MutationDefinition, NamedIds, RowRef, SyncedRow } from './define';
import { deleteContact, upsertContact } from './contact';
import { addNote } from './note';
import { createTicket, setStatus, updateTicket } from './ticket';
import { logTime } from './time-entry';
import { acknowledgeEscalation, escalateTicket } from './escalation';
import { closeTicket, reopenTicket } from './ticket-closing';
import { archiveRequestType, upsertRequestType } from './request-type';
import { upsertClient } from './client';
import { confirmRequest, declineApproval, recordApproval, requestApproval } from './approval-request';
import { logCall } from './call';
import { cancelCallback, completeCallback, promiseCallback } from './callback';
import {
  cancelVisit,
  checkInVisit,
  checkOutVisit,
  recordVisitPayment,
  recordVisitWork,
  requestVisit,
  requestVisitTime,
  scheduleVisit,
} from './visit';

export const mutations = {
  createTicket,
  updateTicket,
  setStatus,
  addNote,
  upsertContact,
  deleteContact,
  logTime,
  escalateTicket,
  acknowledgeEscalation,
  closeTicket,
  reopenTicket,
  upsertRequestType,
  archiveRequestType,
  upsertClient,
  requestApproval,
  confirmRequest,
  recordApproval,
  declineApproval,
  logCall,
  promiseCallback,
  completeCallback,
  cancelCallback,
  requestVisit,
  recordVisitPayment,
  scheduleVisit,
  checkInVisit,
  checkOutVisit,
  requestVisitTime,
  recordVisitWork,
  cancelVisit,
};

export type MutationName = keyof typeof mutations;
export const MUTATION_NAMES = Object.keys(mutations) as MutationName[];
export type MutationArgs = { [N in MutationName]: z.output<(typeof mutations)[N]['args']> };

/** The same definitions, seen through their names, so a name and its arguments stay paired (no casts). */
type Definitions = { [N in MutationName]: MutationDefinition<z.ZodType<MutationArgs[N]>> };
const definitions: Definitions = mutations;

/** A mutation as the desk records and applies it. */
export type LocalMutation<N extends MutationName = MutationName> = { [K in N]: { name: K; args: MutationArgs[K]; performedAt: string } }[N];

export function mutationTarget<N extends MutationName>(m: { name: N; args: MutationArgs[N] }): RowRef {
  return definitions[m.name].target(m.args);
}

/** A row the mutation changes and how: its target first, then the rows of `also`. */
export interface RowEffect {
  ref: RowRef;
  apply(row: SyncedRow | null): SyncedRow | null;
}

export function mutationEffects<N extends MutationName>(m: { name: N } & Applied<MutationArgs[N]>, ctx: ApplyContext): RowEffect[] {
  const d = definitions[m.name];
  const effects: RowEffect[] = [{ ref: d.target(m.args), apply: (row) => d.apply(row, m, ctx) }];
  for (const side of d.also ?? []) {
    const ref = side.target(m.args);
    if (ref) effects.push({ ref, apply: (row) => side.apply(row, m, ctx) });
  }
  return effects;
}

export function addNamedIds<N extends MutationName>(m: { name: N; args: MutationArgs[N] }, into: NamedIds): void {
  definitions[m.name].names(m.args, into);
}

export function applyMutation<N extends MutationName>(
  row: SyncedRow | null,
  m: { name: N } & Applied<MutationArgs[N]>,
  ctx: ApplyContext,
): SyncedRow | null {
  return definitions[m.name].apply(row, m, ctx);
}

export type ParsedArgs<N extends MutationName> = { ok: true; args: MutationArgs[N] } | { ok: false; field: string; message: string };

/** Checks a mutation's arguments with its schema; the first problem names its field. */
export function parseMutationArgs<N extends MutationName>(name: N, args: unknown): ParsedArgs<N> {
  const parsed = definitions[name].args.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, field: issue.path.map(String).join('.'), message: issue.message };
}

export { BODY_MAX, text } from './fields';
export { approvalSetting } from './time-entry';
export type { ApplyContext, NamedIds, RowRef, SyncedEntity, SyncedRow } from './define';
