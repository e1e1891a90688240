// A fake desk: its own device id and outbox sequence, talking to the server over inject().
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { PROTOCOL_HEADERS } from './harness';
import {
  decodePullPage,
  decodeSnapshotPage,
  type SnapshotPage,
  type Mutation,
  type MutationArgs,
  type MutationName,
  type PullResponse,
  type PushResponse,
  type PushResult,
} from '../../src/protocol';

export { uuidv7 };

export class Desk {
  /** Mutable: a test may push under another desk's device id. */
  clientId = `desk-${randomUUID()}`;
  seq = 0;
  constructor(
    readonly app: FastifyInstance,
    public token: string,
  ) {}

  /** Next mutation in this desk's outbox (not sent). */
  mutation<N extends MutationName>(name: N, args: MutationArgs[N], performedAt = new Date().toISOString()): Mutation {
    return { clientId: this.clientId, seq: ++this.seq, name, args, performedAt } as Mutation;
  }

  private get headers(): Record<string, string> {
    return { ...PROTOCOL_HEADERS, authorization: `Bearer ${this.token}` };
  }

  async push(mutations: Mutation[]): Promise<{ status: number; body: PushResponse }> {
    const res = await this.pushRaw(mutations);
    return { status: res.statusCode, body: res.json() };
  }

  /** The response as it came, headers included. */
  pushRaw(mutations: Mutation[]) {
    return this.app.inject({ method: 'POST', url: '/api/sync/push', headers: this.headers, payload: { mutations } });
  }

  /** Queues and pushes one mutation, expecting a 200; returns its result. */
  async apply<N extends MutationName>(name: N, args: MutationArgs[N], performedAt?: string): Promise<PushResult> {
    const { status, body } = await this.push([this.mutation(name, args, performedAt)]);
    if (status !== 200) throw new Error(`push failed ${status}: ${JSON.stringify(body)}`);
    return body.results[0]!;
  }

  async snapshot(after: string | null, limit: number): Promise<{ status: number; body: SnapshotPage }> {
    const query = after === null ? `limit=${limit}` : `limit=${limit}&after=${encodeURIComponent(after)}`;
    const res = await this.app.inject({ method: 'GET', url: `/api/sync/snapshot?${query}`, headers: this.headers });
    return { status: res.statusCode, body: res.statusCode === 200 ? decodeSnapshotPage(res.json()) : res.json() };
  }

  async pull(cursor: number, limit?: number): Promise<{ status: number; body: PullResponse }> {
    const query = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`;
    const res = await this.app.inject({ method: 'GET', url: `/api/sync/pull?${query}`, headers: this.headers });
    // The wire page, decoded as the console decodes it; an error body stays as it came.
    return { status: res.statusCode, body: res.statusCode === 200 ? decodePullPage(res.json()) : res.json() };
  }
}

export function newTicketArgs(clientId: string, overrides: Partial<MutationArgs['createTicket']> = {}): MutationArgs['createTicket'] {
  return {
    id: uuidv7(),
    clientId,
    title: 'Printer offline at front desk',
    description: 'Power cycled already.',
    priority: 'high',
    channel: 'phone',
    assigneeId: null,
    ...overrides,
  };
}
