import { sql, type Kysely } from 'kysely';

// The audit log (docs/domain/audit.md): one row per change to a synced row,
// hash-chained per workspace so a changed, missing or reordered entry, or a cut
// tail, is detectable. The chain's text format is defined HERE, once, by
// audit_canonical and audit_hash, and documented in docs/domain/audit.md for
// outside verifiers; appending (changes.ts) and verifying (audit/verify.ts)
// both call these functions, so they cannot disagree.
//
// before/after are text, not jsonb: the hash covers the exact text stored, and
// verifying never depends on how a jsonb value prints. An entry of a ticket holds
// its record twice (before and after, with the SLA history): entries up to a
// page stay uncompressed in line (toast_tuple_target), as compressing each one
// inside the push's tenant lock cost more than the space saved is worth.
//
// The tenant row keeps the chain's head (audit_seq, audit_head), updated by
// the same statement that appends, under the tenant lock that orders changes.
// audit_prev_head is the head before that statement's entries: PostgreSQL < 18
// cannot RETURN a row's old values, and the statement needs it to chain its
// entries. audit_floor_seq / audit_floor_hash: the first entry kept after a
// purge, and the hash its prev_hash must equal (the genesis value until then).
export const AUDIT_GENESIS = '0'.repeat(64);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table tenants
    add column audit_seq bigint not null default 0,
    add column audit_head text not null default ${sql.lit(AUDIT_GENESIS)},
    add column audit_prev_head text not null default ${sql.lit(AUDIT_GENESIS)},
    add column audit_floor_seq bigint not null default 1,
    add column audit_floor_hash text not null default ${sql.lit(AUDIT_GENESIS)}`.execute(db);
  await sql`create table audit_log (
    tenant_id uuid not null,
    seq bigint not null,
    at timestamptz not null,
    performed_at timestamptz,
    actor_id uuid,
    action text not null,
    entity text not null,
    entity_id uuid,
    client_id uuid,
    before text,
    after text,
    prev_hash text not null,
    hash text not null,
    primary key (tenant_id, seq)
  ) with (toast_tuple_target = 8160)`.execute(db);
  await sql`create index audit_log_client on audit_log (tenant_id, client_id, seq)`.execute(db);
  await sql`create index audit_log_actor on audit_log (tenant_id, actor_id, seq)`.execute(db);

  // Each field as <octets>:<text>, or '-' for null, each followed by '|': no
  // text can be read as another field or shift the boundary between two.
  // Declared stable, not immutable: to_char and convert_to are stable, and PostgreSQL inlines a SQL function
  // only when its body is no more volatile than declared (inlined, verifying costs no function calls).
  await sql`create function audit_field(v text) returns text language sql stable parallel safe
    as $$ select case when v is null then '-|' else octet_length(v)::text || ':' || v || '|' end $$`.execute(db);
  await sql`create function audit_time(v timestamptz) returns text language sql stable parallel safe
    as $$ select to_char(v at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$`.execute(db);
  await sql`create function audit_canonical(tenant_id uuid, seq bigint, at timestamptz, performed_at timestamptz, actor_id uuid,
      action text, entity text, entity_id uuid, client_id uuid, before text, after text) returns text language sql stable parallel safe
    as $$ select 'switchboard-audit-v1|' || audit_field(tenant_id::text) || audit_field(seq::text) || audit_field(audit_time(at))
      || audit_field(audit_time(performed_at)) || audit_field(actor_id::text) || audit_field(action) || audit_field(entity)
      || audit_field(entity_id::text) || audit_field(client_id::text) || audit_field(before) || audit_field(after) $$`.execute(db);
  await sql`create function audit_hash(prev_hash text, canonical text) returns text language sql stable parallel safe
    as $$ select encode(sha256(convert_to(prev_hash || canonical, 'UTF8')), 'hex') $$`.execute(db);
  // audit_chain(start, canonical ORDER BY seq): the running hash, as an aggregate (the last) or a window (each entry's).
  // PL/pgSQL, not SQL: an aggregate's step is never inlined, and a SQL function runs the executor on each call
  // (measured: it more than doubled PostgreSQL's CPU per pushed mutation); PL/pgSQL evaluates the expression directly.
  await sql`create function audit_chain_step(state text, start text, canonical text) returns text language plpgsql stable parallel safe
    as $$ begin return encode(sha256(convert_to(coalesce(state, start) || canonical, 'UTF8')), 'hex'); end $$`.execute(db);
  await sql`create aggregate audit_chain(text, text) (sfunc = audit_chain_step, stype = text)`.execute(db);

  // Retention in the database itself, whatever the application does: entries
  // are never rewritten, and none younger than 3 years is deleted or truncated.
  await sql`create function audit_log_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        raise exception 'audit_log entries cannot be changed (seq %)', old.seq using errcode = 'integrity_constraint_violation';
      end if;
      if tg_op = 'TRUNCATE' then
        raise exception 'audit_log cannot be truncated; purge entries older than 3 years instead' using errcode = 'integrity_constraint_violation';
      end if;
      if old.at > now() - interval '3 years' then
        raise exception 'audit_log entry % is younger than 3 years (recorded %) and cannot be deleted', old.seq, old.at
          using errcode = 'integrity_constraint_violation';
      end if;
      return old;
    end $$`.execute(db);
  await sql`create trigger audit_log_guard before update or delete on audit_log for each row execute function audit_log_guard()`.execute(
    db,
  );
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_guard()`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table audit_log`.execute(db);
  await sql`drop function audit_log_guard()`.execute(db);
  await sql`drop aggregate audit_chain(text, text)`.execute(db);
  await sql`drop function audit_chain_step(text, text, text)`.execute(db);
  await sql`drop function audit_hash(text, text)`.execute(db);
  await sql`drop function audit_canonical(uuid, bigint, timestamptz, timestamptz, uuid, text, text, uuid, uuid, text, text)`.execute(db);
  await sql`drop function audit_time(timestamptz)`.execute(db);
  await sql`drop function audit_field(text)`.execute(db);
  await sql`alter table tenants drop column audit_seq, drop column audit_head, drop column audit_prev_head,
    drop column audit_floor_seq, drop column audit_floor_hash`.execute(db);
}
