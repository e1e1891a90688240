// Desks for the simulation: each its own Dexie database, one or more tabs
// (repositories + engine) on it, a controllable link, and a clock that may be wrong.
import type { FastifyInstance } from 'fastify';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine';
import type { OpenDatabase } from '../../src/server/db/open-database';
import { contactRecord, noteRecord, ticketRecord } from '../../src/server/changes/records';
import type { SyncStatus } from '../../src/sync/sync-status';
import type { TestWorkspace } from '../server/harness';
import { BASE_URL, Link } from './network';

export interface Tab {
  repos: Repositories;
  engine: SyncEngine;
}

export class SimDesk {
  readonly dbName = `desk-${crypto.randomUUID()}`;
  readonly link: Link;
  readonly tabs: Tab[] = [];
  token: string | null;
  /** The protocol the next tab opened (kill() opens one) speaks; undefined: this build's. */
  protocolVersion: number | undefined;

  constructor(
    private readonly app: FastifyInstance,
    token: string,
    random: () => number,
    /** How wrong this desk's clock is. */
    readonly skewMs = 0,
    tabs = 1,
    /** Changes per pull or snapshot page; small ones make a download come in many parts. */
    private readonly pullLimit?: number,
  ) {
    this.token = token;
    this.link = new Link(app, random);
    for (let i = 0; i < tabs; i++) this.tabs.push(this.openTab());
  }

  readonly now = (): Date => new Date(Date.now() + this.skewMs);

  private openTab(): Tab {
    const repos = createRepositories(this.dbName);
    const engine = createSyncEngine({
      store: repos.sync,
      baseUrl: BASE_URL,
      getToken: () => this.token,
      fetch: this.link.fetch,
      eventSource: null,
      events: null,
      auto: false,
      now: this.now,
      pullLimit: this.pullLimit,
      protocolVersion: this.protocolVersion,
    });
    engine.start();
    return { repos, engine };
  }

  get tab(): Tab {
    return this.tabs[0]!;
  }

  /** The process dies: engine and repositories vanish mid-whatever; a fresh tab opens on the same store. */
  kill(index = 0): void {
    const old = this.tabs[index]!;
    old.engine.stop();
    old.repos.close();
    this.tabs[index] = this.openTab();
  }

  async syncAll(): Promise<void> {
    await Promise.all(this.tabs.map((t) => t.engine.syncNow()));
  }

  close(): void {
    for (const t of this.tabs) {
      t.engine.stop();
      t.repos.close();
    }
  }

  async local() {
    const snap = await this.tab.repos.sync.snapshot();
    return snap;
  }
}

/** The server's rows of one tenant, as records a desk holds. */
export async function serverState(database: OpenDatabase, tenantId: string) {
  const { db } = database;
  const [tickets, contacts, notes, mutations] = await Promise.all([
    db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('notes').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('client_mutations').select(['client_id', 'seq', 'result']).where('tenant_id', '=', tenantId).execute(),
  ]);
  return {
    tickets: sortById(tickets.map(ticketRecord)),
    contacts: sortById(contacts.map(contactRecord)),
    notes: sortById(notes.map(noteRecord)),
    mutations,
  };
}

export function sortById<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Resolves with the engine's status once it passes `test` (now or on a later change). */
export function statusWhere(engine: SyncEngine, test: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const off = engine.status.subscribe((s) => {
      if (!test(s)) return;
      resolve(s);
      // subscribe() calls back before it returns `off`.
      queueMicrotask(() => off());
    });
  });
}

/** A new-ticket draft for the workspace's four-tier client. */
export const ticketDraft = (ws: TestWorkspace, title = 'Phones down at main office') => ({
  clientId: ws.clients['four-tier'],
  title,
  description: 'No dial tone',
  priority: 'high',
  channel: 'phone',
  assigneeId: null,
});
