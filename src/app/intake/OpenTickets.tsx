// The caller's and their client's open tickets, the caller's first: a call
// about one of them is added to it instead of opening a duplicate
// (docs/domain/phone-intake.md, "Call log").
import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { STATUS_LABELS, type Client, type Ticket } from '../../domain/ticket';

type WithCaller = Ticket & { intake?: { callerContactId: string | null } | null };

/** Open tickets of the client, the caller's own first, then the most recently changed. */
export function openTicketsFor(tickets: readonly Ticket[], clientId: string, contactId: string | null): Ticket[] {
  const mine = (t: Ticket) => contactId !== null && (t as WithCaller).intake?.callerContactId === contactId;
  return tickets
    .filter((t) => t.clientId === clientId && t.status !== 'closed')
    .sort((a, b) => Number(mine(b)) - Number(mine(a)) || (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, 8);
}

export function OpenTickets({
  tickets,
  client,
  contactId,
  chosenId,
  onChoose,
}: {
  tickets: readonly Ticket[];
  client: Client;
  contactId: string | null;
  chosenId: string | null;
  onChoose(id: string | null): void;
}) {
  if (tickets.length === 0) return null;
  const levels = PRIORITY_SCHEMES[client.prioritySchemeId].levels;
  return (
    <section className="intake-open-tickets" aria-labelledby="intake-open-heading" data-testid="intake-open-tickets">
      <h2 id="intake-open-heading">Open tickets of {client.name}: is the call about one of them?</h2>
      <ul>
        {tickets.map((t) => (
          <li key={t.id}>
            <label className="radio">
              <input
                type="radio"
                name="intake-existing-ticket"
                checked={chosenId === t.id}
                onChange={() => onChoose(t.id)}
                data-testid="existing-ticket"
              />
              {t.title} · {levels.find((l) => l.key === t.priority)?.label ?? t.priority} · {STATUS_LABELS[t.status]}
              {contactId !== null && (t as WithCaller).intake?.callerContactId === contactId ? ' · this caller' : ''}
            </label>
          </li>
        ))}
        <li>
          <label className="radio">
            <input type="radio" name="intake-existing-ticket" checked={chosenId === null} onChange={() => onChoose(null)} />
            No: a new ticket
          </label>
        </li>
      </ul>
    </section>
  );
}
