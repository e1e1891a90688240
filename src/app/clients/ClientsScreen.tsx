import { useDeferredValue, useMemo, useState } from 'react';
import type { Client } from '../../domain/client';
import { can } from '../../domain/staff-permissions';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useMyRole } from '../session/use-can';
import { ClientPage } from './ClientPage';
import { buildNameIndex, nameEntries, type NameHit } from './name-index';

/** Clients shown with no query; more are one search away. */
const LIST_LIMIT = 200;

/** Find a client (or a contact, and so their client), then read and edit its service record. */
export function ClientsScreen() {
  const { repos } = useServices();
  const data = useLive(useMemo(() => repos.clients.live(), [repos]));
  const role = useMyRole();
  // Unknown (not signed in, local only): the desk lets them edit, as the repository does.
  const canEdit = role === undefined || can(role, 'client.manage');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [selected, setSelected] = useState<Client | null>(null);
  const index = useMemo(() => (data ? buildNameIndex(nameEntries(data.clients, data.contacts)) : null), [data]);
  const clientById = useMemo(() => new Map((data?.clients ?? []).map((c) => [c.id, c])), [data]);
  const hits: NameHit[] = useMemo(() => {
    if (!index || !data) return [];
    if (deferred.trim() === '')
      return data.clients.slice(0, LIST_LIMIT).map((c) => ({ kind: 'client', id: c.id, clientId: c.id, name: c.name, prefix: true }));
    return index.search(deferred);
  }, [index, data, deferred]);
  // The page edits the saved record; after a save the live list brings the new one.
  const current = selected ? (clientById.get(selected.id) ?? selected) : null;
  const contacts = data?.contacts ?? [];

  return (
    <section className="clients" aria-labelledby="clients-heading" data-testid="clients-screen">
      <div className="screen-header">
        <h1 id="clients-heading">Clients</h1>
        <button type="button" onClick={() => setSelected(repos.clients.draft())}>
          New client
        </button>
      </div>
      <div className="clients-layout">
        <div className="clients-list">
          <label htmlFor="client-search">Find a client or contact</label>
          <input
            id="client-search"
            type="search"
            autoFocus
            value={query}
            placeholder="Part of a name"
            aria-controls="client-results"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const first = hits[0] && clientById.get(hits[0].clientId);
              if (e.key === 'Enter' && first) setSelected(first);
            }}
          />
          <ul id="client-results" aria-label="Clients found" data-testid="client-results">
            {hits.map((h) => {
              const client = clientById.get(h.clientId);
              return (
                <li key={`${h.kind}:${h.id}`}>
                  <button
                    type="button"
                    className="link"
                    aria-current={current?.id === h.clientId ? 'true' : undefined}
                    onClick={() => client && setSelected(client)}
                  >
                    {h.kind === 'client' ? h.name : `${h.name} (contact) — ${client?.name ?? 'unknown client'}`}
                  </button>
                </li>
              );
            })}
          </ul>
          {hits.length === 0 && data && (
            <p className="empty">{deferred.trim() ? 'No client or contact has that in its name.' : 'No clients yet.'}</p>
          )}
        </div>
        {current ? (
          <ClientPage key={current.id} client={current} contacts={contacts} isNew={!clientById.has(current.id)} canEdit={canEdit} />
        ) : (
          <p className="empty">Choose a client, or create one.</p>
        )}
      </div>
    </section>
  );
}
