// The caller lookup index the intake screen searches (src/domain/caller-lookup.ts),
// built from the contacts on this desk and rebuilt when they change, so it is
// ready before the phone rings (docs/domain/phone-intake.md, "Finding the caller").
//
// One directory per desk, not per screen: it is read and indexed once (50,000
// contacts take a few hundred ms to read and index) and kept while the console
// runs, so opening the intake screen finds it ready. When contacts change the
// previous index keeps answering until the new one is built; changes that come
// in a burst (a sync) are built once, after the burst.
import { useSyncExternalStore } from 'react';
import { buildCallerIndex, type CallerIndex } from '../../domain/caller-lookup';
import type { Client } from '../../domain/ticket';
import type { ClientsAndContacts } from '../../data/client-repository';
import type { Repositories } from '../../data/repositories';
import type { ContactRecord } from '../../protocol/records';
import { useServices } from '../services';

export interface CallerDirectory {
  index: CallerIndex;
  clients: ReadonlyMap<string, Client>;
  contacts: ReadonlyMap<string, ContactRecord>;
}

/** A change to the contacts waits this long for more before the index is rebuilt. */
const REBUILD_AFTER_MS = 200;

export function buildCallerDirectory(data: ClientsAndContacts): CallerDirectory {
  return {
    index: buildCallerIndex(
      data.contacts.map((c) => ({ contactId: c.id, clientId: c.clientId, name: c.name, phones: c.phones, emails: c.emails })),
    ),
    clients: new Map(data.clients.map((c) => [c.id, c])),
    contacts: new Map(data.contacts.map((c) => [c.id, c])),
  };
}

class DirectoryHolder {
  private current: CallerDirectory | undefined;
  private latest: ClientsAndContacts | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(repos: Repositories) {
    // Kept for the console's lifetime: the repositories live as long.
    repos.clients.live().subscribe({
      next: (data) => this.changed(data),
      error: (err) => console.error('caller directory: contacts unreadable', err),
    });
  }

  readonly get = (): CallerDirectory | undefined => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(data: ClientsAndContacts): void {
    this.latest = data;
    // The first read is built at once (nothing to answer with before it); later ones after the burst settles.
    if (this.current === undefined) this.build();
    else {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.build(), REBUILD_AFTER_MS);
    }
  }

  private build(): void {
    const data = this.latest;
    if (!data) return;
    this.latest = null;
    const started = performance.now();
    this.current = buildCallerDirectory(data);
    // For the benchmarks: when the index is ready, over how many contacts, and how long building it took.
    performance.mark('caller-directory:built', { detail: { contacts: data.contacts.length, ms: performance.now() - started } });
    for (const listener of this.listeners) listener();
  }
}

const holders = new WeakMap<Repositories, DirectoryHolder>();

function holderFor(repos: Repositories): DirectoryHolder {
  let holder = holders.get(repos);
  if (!holder) {
    holder = new DirectoryHolder(repos);
    holders.set(repos, holder);
  }
  return holder;
}

/** Starts reading and indexing the desk's contacts now (at start-up), so the first call finds the index ready. */
export function warmCallerDirectory(repos: Repositories): void {
  holderFor(repos);
}

/** The directory as it is now (undefined until first built), outside React. */
export function callerDirectoryOf(repos: Repositories): CallerDirectory | undefined {
  return holderFor(repos).get();
}

/** Undefined until the desk's clients and contacts are read and indexed. */
export function useCallerDirectory(): CallerDirectory | undefined {
  const { repos } = useServices();
  const holder = holderFor(repos);
  return useSyncExternalStore(holder.subscribe, holder.get);
}
