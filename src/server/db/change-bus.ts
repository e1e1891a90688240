// Tells every server instance that a tenant has new changes, so each can poke its SSE clients.
// The writing transaction always NOTIFYs (sync/changes.ts); PostgreSQL delivers it at commit to
// every instance LISTENing on the database. PGlite is one process: an in-process emitter after commit.
import { EventEmitter } from 'node:events';
import pg from 'pg';

export const CHANGES_CHANNEL = 'switchboard_changes';

export type ChangeListener = (tenantId: string, seq: number) => void;

export interface ChangeBus {
  /** Called after a writing transaction commits. */
  afterCommit(tenantId: string, seq: number): void;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

class Listeners {
  readonly #emitter = new EventEmitter().setMaxListeners(0);
  emit(tenantId: string, seq: number) {
    this.#emitter.emit('change', tenantId, seq);
  }
  subscribe(listener: ChangeListener) {
    this.#emitter.on('change', listener);
    return () => void this.#emitter.off('change', listener);
  }
}

export function inProcessChangeBus(): ChangeBus {
  const listeners = new Listeners();
  return {
    afterCommit: (tenantId, seq) => listeners.emit(tenantId, seq),
    subscribe: (listener) => listeners.subscribe(listener),
    close: async () => {},
  };
}

/**
 * LISTENs on a dedicated connection (a pooled one would drop the LISTEN when
 * returned). Reconnects after a failure; while it is down, clients still catch
 * up on their next poke or their own periodic pull.
 */
export async function postgresChangeBus(connectionString: string, onError: (error: Error) => void): Promise<ChangeBus> {
  const listeners = new Listeners();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      const [tenantId, seq] = (message.payload ?? '').split(':');
      if (tenantId && seq) listeners.emit(tenantId, Number(seq));
    });
    next.on('error', (error) => {
      onError(error);
      void next.end().catch(() => {});
      if (client === next) client = null;
      if (!closed) retry = setTimeout(() => void connect().catch(onError), 1000);
    });
    await next.connect();
    await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    client = next;
  };
  await connect();

  return {
    // The NOTIFY sent inside the transaction reaches this instance too.
    afterCommit: () => {},
    subscribe: (listener) => listeners.subscribe(listener),
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
