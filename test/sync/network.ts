// A network the test controls, between a desk's engine and the in-process
// server (fastify inject). Faults are decided by a seeded generator, so a
// failing run replays exactly.
import type { FastifyInstance } from 'fastify';
import type { FetchLike } from '../../src/sync/http-transport';

export type Fault = 'none' | 'offline' | 'drop-request' | 'drop-response' | 'duplicate' | 'delay';

export const BASE_URL = 'http://switchboard.test';

export interface NetworkStats {
  requests: number;
  delivered: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
}

export class Link {
  fault: Fault = 'none';
  /** Chance (0..1) that the fault hits a given request; the rest go through cleanly. */
  rate = 0.5;
  readonly stats: NetworkStats = { requests: 0, delivered: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0 };

  constructor(
    /** The server at the other end; a test swaps it to update the server under a desk. */
    public app: FastifyInstance,
    private readonly random: () => number,
  ) {}

  heal(): void {
    this.fault = 'none';
  }

  readonly fetch: FetchLike = async (input, init) => {
    this.stats.requests++;
    const hit = this.fault !== 'none' && (this.fault === 'offline' || this.random() < this.rate);
    const fault = hit ? this.fault : 'none';
    if (fault === 'offline' || fault === 'drop-request') {
      this.stats.droppedRequests++;
      throw new TypeError('Failed to fetch');
    }
    if (fault === 'delay') await new Promise((resolve) => setTimeout(resolve, Math.floor(this.random() * 20)));
    const deliver = () => this.deliver(input, init);
    if (fault === 'duplicate') {
      // The same request arrives twice (a retrying proxy); both run against the server, concurrently.
      this.stats.duplicated++;
      const [first] = await Promise.all([deliver(), deliver()]);
      return first;
    }
    const response = await deliver();
    if (fault === 'drop-response') {
      // The server committed; the desk never hears about it.
      this.stats.droppedResponses++;
      throw new TypeError('network connection was lost');
    }
    return response;
  };

  private async deliver(input: string, init: RequestInit): Promise<Response> {
    const url = new URL(input);
    const res = await this.app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: init.headers as Record<string, string>,
      payload: init.body as string | undefined,
    });
    this.stats.delivered++;
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    return new Response(res.body, { status: res.statusCode, headers });
  }
}
