// The caller lookup index the intake screen searches (src/domain/caller-lookup.ts),
// built from the contacts on this desk and rebuilt when they change, so it is
// ready before the phone rings.
import { useMemo } from 'react';
import { buildCallerIndex, type CallerIndex } from '../../domain/caller-lookup';
import type { Client } from '../../domain/ticket';
import type { ContactRecord } from '../../protocol/records';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';

export interface CallerDirectory {
  index: CallerIndex;
  clients: ReadonlyMap<string, Client>;
  contacts: ReadonlyMap<string, ContactRecord>;
}

/** Undefined until the desk's clients and contacts are read. */
export function useCallerDirectory(): CallerDirectory | undefined {
  const { repos } = useServices();
  const data = useLive(useMemo(() => repos.clients.live(), [repos]));
  return useMemo(() => {
    if (!data) return undefined;
    const index = buildCallerIndex(
      data.contacts.map((c) => ({ contactId: c.id, clientId: c.clientId, name: c.name, phones: c.phones, emails: c.emails })),
    );
    return {
      index,
      clients: new Map(data.clients.map((c) => [c.id, c])),
      contacts: new Map(data.contacts.map((c) => [c.id, c])),
    };
  }, [data]);
}
