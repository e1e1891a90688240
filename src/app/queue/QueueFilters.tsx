import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { STATUS_LABELS, TICKET_STATUSES, type StaffMember } from '../../domain/ticket';
import { useServices } from '../services';
import type { SlaCounts } from './queue-order';
import {
  BREACHING_SOON_SETTING,
  DEFAULT_SORTING,
  URGENCY_SORTING,
  useQueueStore,
  type QueueView,
  type SortRule,
  type StatusFilter,
} from './queue-store';
import type { SlaView } from './sla-urgency';

interface Props {
  staff: StaffMember[];
  searchRef: React.RefObject<HTMLInputElement | null>;
  /** The order shown (the person's choice or their default). */
  sorting: SortRule[];
  /** The SLA views' counts; null until every ticket is read. */
  counts: SlaCounts | null;
}

const ORDERS = { urgency: URGENCY_SORTING, priority: DEFAULT_SORTING } as const;

function orderOf(sorting: readonly SortRule[]): keyof typeof ORDERS | 'column' {
  const same = (o: readonly SortRule[]) =>
    o.length === sorting.length && o.every((r, i) => r.id === sorting[i]!.id && r.desc === sorting[i]!.desc);
  return same(URGENCY_SORTING) ? 'urgency' : same(DEFAULT_SORTING) ? 'priority' : 'column';
}

export function QueueFilters({ staff, searchRef, sorting, counts }: Props) {
  const { repos } = useServices();
  const { view, status, priority, assignee, text, sla, breachingSoonMinutes } = useQueueStore();
  const { setView, setStatus, setPriority, setAssignee, setText, setSla, setSorting, setBreachingSoonMinutes } = useQueueStore();
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n.toLocaleString()})`);
  const slaViews: { key: SlaView; label: string; n: number | undefined }[] = [
    { key: 'any', label: 'Every ticket', n: undefined },
    { key: 'breaching-soon', label: 'Breaching soon', n: counts?.breachingSoon },
    { key: 'breached', label: 'Breached', n: counts?.breached },
  ];
  const order = orderOf(sorting);
  return (
    <div className="queue-filters" role="search">
      <div className="segmented" role="group" aria-label="View">
        {(['mine', 'all'] as QueueView[]).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'mine' ? 'Mine' : 'All'}
          </button>
        ))}
      </div>
      <div className="segmented sla-counts" role="group" aria-label="SLA view">
        {slaViews.map((v) => (
          <button key={v.key} type="button" aria-pressed={sla === v.key} onClick={() => setSla(v.key)} data-sla-view={v.key}>
            {v.label}
            {count(v.n)}
          </button>
        ))}
      </div>
      <label className="breaching-soon-threshold">
        <span>Soon means within (min)</span>
        <input
          type="number"
          min={1}
          max={10080}
          step={5}
          value={breachingSoonMinutes}
          onChange={(e) => {
            const minutes = Math.round(Number(e.target.value));
            // An empty or nonsensical entry leaves the threshold as it was.
            if (!Number.isFinite(minutes) || minutes < 1 || minutes > 10080) return;
            setBreachingSoonMinutes(minutes);
            void repos.settings.set(BREACHING_SOON_SETTING, minutes);
          }}
        />
      </label>
      <label>
        <span>Sort</span>
        <select
          value={order}
          onChange={(e) => {
            const next = e.target.value as keyof typeof ORDERS;
            if (next in ORDERS) setSorting(ORDERS[next]);
          }}
        >
          <option value="urgency">Urgency (time to breach, then priority)</option>
          <option value="priority">Priority, then oldest</option>
          {order === 'column' && <option value="column">By column (click a heading)</option>}
        </select>
      </label>
      <label>
        <span>Search</span>
        <input
          ref={searchRef}
          type="search"
          placeholder="Title, client, assignee or id  ( / )"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label>
        <span>Status</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="active">Active (not closed)</option>
          <option value="any">Any status</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Priority</span>
        <select value={priority} onChange={(e) => setPriority(e.target.value)}>
          <option value="any">Any priority</option>
          {Object.values(PRIORITY_SCHEMES).map((scheme) => (
            <optgroup key={scheme.id} label={scheme.label}>
              {scheme.levels.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        <span>Assignee</span>
        <select value={view === 'mine' ? 'mine' : assignee} disabled={view === 'mine'} onChange={(e) => setAssignee(e.target.value)}>
          {view === 'mine' && <option value="mine">Me</option>}
          <option value="any">Anyone</option>
          <option value="unassigned">Unassigned</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
