// Visits (docs/domain/onsite-visits.md): every onsite visit on this desk under
// the stage it is at — awaiting approval, awaiting prepayment, to schedule,
// scheduled, onsite, completed, cancelled — with the selected one's detail
// beside the lists. j/k or the arrows move, Enter opens the detail.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { statusOfIn } from '../../data/visit-repository';
import { formatCents } from '../../domain/money';
import { describeSlot } from '../../domain/visit-schedule';
import { visitQuote, VISIT_STAGE_LABELS } from '../../domain/visits';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { VisitDetail } from './VisitDetail';
import { flatRows, groupVisits, moveSelection } from './visit-groups';
import { useVisitsStore } from './visits-store';

const NEXT = new Set(['j', 'ArrowDown']);
const PREVIOUS = new Set(['k', 'ArrowUp']);

export function VisitsScreen({ onOpenInvoice }: { onOpenInvoice?(visitId: string): void }) {
  const { repos } = useServices();
  const data = useLive(useMemo(() => repos.visits.liveAll(), [repos]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const selectedId = useVisitsStore((s) => s.selectedId);
  const select = useVisitsStore((s) => s.select);
  const list = useRef<HTMLDivElement>(null);
  const detail = useRef<HTMLDivElement>(null);
  const statusOf = useMemo(() => statusOfIn(data?.approvals ?? new Map()), [data]);
  const groups = useMemo(() => groupVisits(data?.visits ?? [], statusOf), [data, statusOf]);
  const rows = useMemo(() => flatRows(groups), [groups]);
  const selected = rows.find((r) => r.visit.id === selectedId) ?? null;
  const clients = reference?.clients ?? [];
  const staff = reference?.staff ?? [];

  useEffect(() => list.current?.focus(), []);
  // A visit opened from a ticket is scrolled into view.
  useEffect(() => {
    if (selectedId) list.current?.querySelector(`[data-visit-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, rows.length]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || rows.length === 0) return;
    const move = NEXT.has(e.key) ? 1 : PREVIOUS.has(e.key) ? -1 : 0;
    if (move !== 0) select(moveSelection(rows, selectedId, move));
    else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      if (!selected) select(rows[0]!.visit.id);
      detail.current?.focus();
    } else return;
    // These keys are the list's here, not the queue's (the console's j/k/Enter move and open tickets).
    e.preventDefault();
    e.stopPropagation();
  };

  const siteOf = (clientId: string, siteId: string) => {
    const client = clients.find((c) => c.id === clientId);
    return { client, site: client?.sites.find((s) => s.id === siteId) };
  };

  return (
    <section className="escalations visits" aria-labelledby="visits-heading" data-testid="visits-screen">
      <div className="screen-header">
        <h1 id="visits-heading">Visits</h1>
        <span className="muted">Onsite visits by stage. j/k or arrows to move, Enter to open the selected one.</span>
      </div>
      <div className="visits-layout">
        <div
          ref={list}
          className="visits-list"
          tabIndex={0}
          role="region"
          aria-label="Visits by stage"
          onKeyDown={onKeyDown}
          data-testid="visits-list"
        >
          {data === undefined ? null : rows.length === 0 ? (
            <p className="empty">No onsite visits yet: request one from a ticket (Shift+V on an open ticket).</p>
          ) : (
            groups.map(({ group, rows: groupRows }) => (
              <section key={group.id} aria-labelledby={`visits-group-${group.id}`} data-testid={`visits-group-${group.id}`}>
                <h2 id={`visits-group-${group.id}`}>
                  {group.label} <span className="count">{groupRows.length}</span>
                </h2>
                {groupRows.length === 0 ? (
                  <p className="muted">None.</p>
                ) : (
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">Client and site</th>
                        <th scope="col">Stage</th>
                        <th scope="col">When</th>
                        <th scope="col">Total</th>
                      </tr>
                    </thead>
                    <tbody>
                      {groupRows.map(({ visit, stage }) => {
                        const { client, site } = siteOf(visit.clientId, visit.siteId);
                        const isSelected = visit.id === selected?.visit.id;
                        return (
                          <tr
                            key={visit.id}
                            data-visit-id={visit.id}
                            className={isSelected ? 'selected' : undefined}
                            aria-current={isSelected ? 'true' : undefined}
                            data-testid="visit-row"
                            onClick={() => select(visit.id)}
                          >
                            <td>
                              {client?.name ?? 'Unknown client'}, {site?.name ?? 'unknown site'}
                              <div className="muted">{visit.scope}</div>
                            </td>
                            <td>{VISIT_STAGE_LABELS[stage]}</td>
                            <td>
                              {visit.startsAt && visit.endsAt
                                ? describeSlot(visit.startsAt, visit.endsAt, site?.timeZone ?? client?.timeZone ?? 'UTC')
                                : 'Not booked'}
                            </td>
                            <td>{formatCents(visitQuote(visit).totalCents)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
              </section>
            ))
          )}
        </div>
        <div ref={detail} className="visits-detail" tabIndex={-1} data-testid="visits-detail-pane">
          {selected ? (
            <VisitDetail
              key={selected.visit.id}
              visit={selected.visit}
              stage={selected.stage}
              statusOf={statusOf}
              clients={clients}
              staff={staff}
              onOpenInvoice={onOpenInvoice}
            />
          ) : (
            rows.length > 0 && <p className="muted">Select a visit to see its quote, payments and booking.</p>
          )}
        </div>
      </div>
    </section>
  );
}
