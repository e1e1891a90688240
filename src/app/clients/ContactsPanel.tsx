// Placeholder so the client page compiles: the contacts helper replaces it with the real panel.
import { useMemo } from 'react';
import { CONTACT_ROLE_LABELS } from '../../protocol/records';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';

export function ContactsPanel({ clientId }: { clientId: string }) {
  const { repos } = useServices();
  const data = useLive(useMemo(() => repos.clients.live(), [repos]));
  const contacts = (data?.contacts ?? []).filter((c) => c.clientId === clientId);
  return (
    <section aria-labelledby="contacts-heading" data-testid="contacts-panel">
      <h2 id="contacts-heading">Contacts</h2>
      {contacts.length === 0 ? (
        <p className="empty">No contacts yet.</p>
      ) : (
        <ul>
          {contacts.map((c) => (
            <li key={c.id}>
              {c.name} — {CONTACT_ROLE_LABELS[c.role] ?? c.role}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
