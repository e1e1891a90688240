import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { STATUS_LABELS, TICKET_STATUSES, type StaffMember } from '../../domain/ticket';
import { useQueueStore, type QueueView, type StatusFilter } from './queue-store';

interface Props {
  staff: StaffMember[];
  searchRef: React.RefObject<HTMLInputElement | null>;
}

export function QueueFilters({ staff, searchRef }: Props) {
  const { view, status, priority, assignee, text, setView, setStatus, setPriority, setAssignee, setText } = useQueueStore();
  return (
    <div className="queue-filters" role="search">
      <div className="segmented" role="group" aria-label="View">
        {(['mine', 'all'] as QueueView[]).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'mine' ? 'Mine' : 'All'}
          </button>
        ))}
      </div>
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
