import type { Kysely } from 'kysely';

// The snapshot reads the change log kind by kind in sequence order. By id (the
// primary key) it read the heap in random order: 6.2 s for a 457,751-row
// workspace on PGlite, against 3.9 s along this index.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('changes_tenant_entity_seq').on('changes').columns(['tenant_id', 'entity', 'seq']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('changes_tenant_entity_seq').execute();
}
