// The client page's Callbacks section: the client's open callbacks in promise
// order, then its most recently closed ones with what happened, and a button
// to promise one (docs/domain/phone-intake.md, "Callbacks").
import { useMemo, useState } from 'react';
import { formatInZone } from '../../domain/callbacks';
import type { Client } from '../../domain/ticket';
import type { ContactRecord } from '../../protocol/records';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { useCan } from '../session/use-can';
import { CallbackNumber, PromisedBy } from './callback-cells';
import { PromiseCallbackDialog } from './PromiseCallbackDialog';

export function ClientCallbacks({ client, contacts }: { client: Client; contacts: readonly ContactRecord[] }) {
  const { repos } = useServices();
  const source = useMemo(() => repos.callbacks.liveForClient(client.id), [repos, client.id]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const callbacks = useLive(source);
  const reference = useLive(referenceLive);
  const now = useNow(30_000);
  const mayPromise = useCan('callback.manage');
  const [promising, setPromising] = useState(false);
  const staffName = (id: string | null) => reference?.staff.find((s) => s.id === id)?.name ?? 'someone';
  const zone = client.sites[0]?.timeZone ?? client.timeZone;

  return (
    <section aria-labelledby="client-callbacks-heading" className="client-section client-callbacks" data-testid="client-callbacks">
      <h2 id="client-callbacks-heading">Callbacks</h2>
      {mayPromise && (
        <button type="button" onClick={() => setPromising(true)}>
          Promise a callback
        </button>
      )}
      {callbacks && callbacks.open.length === 0 && <p className="empty">No open callbacks.</p>}
      {callbacks && callbacks.open.length > 0 && (
        <table className="data-table">
          <caption>Open, earliest promise first</caption>
          <thead>
            <tr>
              <th scope="col">Promised by</th>
              <th scope="col">Who</th>
              <th scope="col">Number</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {callbacks.open.map((c) => (
              <tr key={c.id} data-testid="client-callback-open">
                <td>
                  <PromisedBy callback={c} now={now} />
                </td>
                <td>{c.callerName}</td>
                <td>
                  <CallbackNumber callback={c} />
                </td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {callbacks && callbacks.closed.length > 0 && (
        <table className="data-table">
          <caption>Recently closed</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Reason</th>
              <th scope="col">Result</th>
              <th scope="col">Closed</th>
            </tr>
          </thead>
          <tbody>
            {callbacks.closed.map((c) => (
              <tr key={c.id} data-testid="client-callback-closed">
                <td>{c.callerName}</td>
                <td>{c.reason}</td>
                <td>
                  <strong>{c.status === 'done' ? 'Done' : 'Cancelled'}</strong>: {c.outcome}
                </td>
                <td>
                  {staffName(c.closedBy)}
                  {c.closedAt ? `, ${formatInZone(c.closedAt, c.timeZone)}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {promising && (
        <PromiseCallbackDialog
          clientId={client.id}
          contactId={null}
          callerName=""
          number=""
          ticketId={null}
          defaultTimeZone={zone}
          contacts={contacts.filter((c) => c.clientId === client.id)}
          onClose={() => setPromising(false)}
        />
      )}
    </section>
  );
}
