// Callbacks (docs/domain/phone-intake.md, "Callbacks"): every open callback,
// earliest promise first, each promise shown in the caller's zone and as time
// left or overdue. j/k or the arrows move, Enter works the selected one.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { useNavStore } from '../shell/nav-store';
import { CallbackNumber, PromisedBy } from './callback-cells';
import { WorkCallbackForm } from './WorkCallbackForm';

const NEXT = new Set(['j', 'ArrowDown']);
const PREVIOUS = new Set(['k', 'ArrowUp']);

export function CallbacksScreen() {
  const { repos } = useServices();
  const openLive = useMemo(() => repos.callbacks.liveOpen(), [repos]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const open = useLive(openLive);
  const reference = useLive(referenceLive);
  const openTicket = useNavStore((s) => s.openTicket);
  const now = useNow(30_000);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const callbacks = open ?? [];
  // The selection follows the list: a callback closed elsewhere gives way to the next in order.
  const index = Math.max(
    0,
    callbacks.findIndex((c) => c.id === selectedId),
  );
  const selected = callbacks[index] ?? null;
  const workingOn = callbacks.find((c) => c.id === working) ?? null;

  useEffect(() => list.current?.focus(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (workingOn || callbacks.length === 0) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const move = NEXT.has(e.key) ? 1 : PREVIOUS.has(e.key) ? -1 : 0;
    if (move !== 0) {
      setSelectedId(callbacks[Math.min(callbacks.length - 1, Math.max(0, index + move))]!.id);
    } else if (e.key === 'Enter' && selected && !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) {
      setMessage(null);
      setWorking(selected.id);
    } else return;
    // These keys are the list's here, not the queue's (the console's j/k/Enter move and open tickets).
    e.preventDefault();
    e.stopPropagation();
  };

  const clientName = (id: string) => reference?.clients.find((c) => c.id === id)?.name ?? 'Unknown client';

  return (
    <section className="escalations callbacks" aria-labelledby="callbacks-heading" data-testid="callbacks-screen">
      <div className="screen-header">
        <h1 id="callbacks-heading">Callbacks</h1>
        <span className="muted">Open callbacks, earliest promise first. j/k or arrows to move, Enter to work one.</span>
      </div>
      {message && (
        <p role="status" data-testid="callbacks-message">
          {message}
        </p>
      )}
      {workingOn && (
        <WorkCallbackForm
          key={workingOn.id}
          callback={workingOn}
          onDone={(text) => {
            setMessage(text);
            setWorking(null);
            list.current?.focus();
          }}
          onClose={() => {
            setWorking(null);
            list.current?.focus();
          }}
          onOpenTicket={openTicket}
        />
      )}
      <div
        ref={list}
        className="callbacks-list"
        tabIndex={0}
        role="region"
        aria-label="Open callbacks list"
        onKeyDown={onKeyDown}
        data-testid="callbacks-list"
      >
        {open === undefined ? null : callbacks.length === 0 ? (
          <p className="empty">No callbacks are waiting.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Promised by</th>
                <th scope="col">Who</th>
                <th scope="col">Number</th>
                <th scope="col">Client</th>
                <th scope="col">Reason</th>
                <th scope="col">Ticket</th>
              </tr>
            </thead>
            <tbody>
              {callbacks.map((c) => {
                const isSelected = c.id === selected?.id;
                return (
                  <tr
                    key={c.id}
                    className={isSelected ? 'selected' : undefined}
                    aria-current={isSelected ? 'true' : undefined}
                    data-testid="callback-row"
                    onClick={() => setSelectedId(c.id)}
                    onDoubleClick={() => setWorking(c.id)}
                  >
                    <td>
                      <PromisedBy callback={c} now={now} />
                    </td>
                    <td>{c.callerName}</td>
                    <td>
                      <CallbackNumber callback={c} />
                    </td>
                    <td>{clientName(c.clientId)}</td>
                    <td>{c.reason}</td>
                    <td>
                      {c.ticketId ? (
                        <button type="button" className="link" onClick={() => openTicket(c.ticketId!)}>
                          Open ticket
                        </button>
                      ) : (
                        'None'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {selected && !workingOn && (
        <p className="muted">
          Selected: {selected.callerName}.{' '}
          <button type="button" onClick={() => setWorking(selected.id)}>
            Work this callback
          </button>
        </p>
      )}
    </section>
  );
}
