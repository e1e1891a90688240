// Request types with lead times (docs/domain/lead-times.md): kept by those with
// leadtime.manage, checked again here against the domain's rules whatever the desk did.
import { requestTypeProblems } from '../../domain/lead-times';
import type { ChangeWrite } from '../changes/changes';
import { requestTypeRecord } from '../changes/records';
import { MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';

export async function findRequestType(ctx: MutationContext, id: string) {
  const row = await ctx.trx
    .selectFrom('request_types')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.tenantId)
    .executeTakeFirst();
  if (!row)
    throw new MutationRejected('not_found', `Request type ${id} does not exist in this workspace; choose a request type from the list.`);
  return row;
}

export const upsertRequestType: MutationHandler<'upsertRequestType'> = async (ctx, args) => {
  requireRole(ctx, 'leadtime.manage');
  const problems = requestTypeProblems(args);
  if (problems.length > 0)
    throw new MutationRejected('invalid_request_type', `Request type "${args.name}" not saved: ${problems.join(' ')}`);
  const values = {
    name: args.name,
    unit: args.unit,
    min_days: args.minDays,
    max_days: args.maxDays,
    parameter: args.parameter === null ? null : JSON.stringify(args.parameter),
    note: args.note,
    position: args.position,
  };
  const row = await ctx.trx
    .insertInto('request_types')
    .values({ id: args.id, tenant_id: ctx.tenantId, ...values })
    // Only a type of the caller's own workspace may be overwritten.
    .onConflict((oc) => oc.column('id').doUpdateSet(values).where('request_types.tenant_id', '=', ctx.tenantId))
    .returningAll()
    .executeTakeFirst();
  if (!row)
    throw new MutationRejected(
      'conflict',
      `Request type id ${args.id} cannot be used here. Nothing was changed; add the request type again, which gives it a new id.`,
    );
  return [{ entity: 'request_type', id: row.id, op: 'upsert', data: requestTypeRecord(row) } satisfies ChangeWrite];
};

export const archiveRequestType: MutationHandler<'archiveRequestType'> = async (ctx, args) => {
  requireRole(ctx, 'leadtime.manage');
  const current = await findRequestType(ctx, args.id);
  if (current.archived === args.archived) return [];
  const row = await ctx.trx
    .updateTable('request_types')
    .set({ archived: args.archived })
    .where('id', '=', current.id)
    .where('tenant_id', '=', ctx.tenantId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return [{ entity: 'request_type', id: row.id, op: 'upsert', data: requestTypeRecord(row) }];
};
