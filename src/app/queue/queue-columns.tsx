import { columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../domain/ticket';
import { formatInClientZone } from './format-instant';
import type { QueueRow } from './queue-rows';
import { SlaCountdown } from './SlaCountdown';
import { HeldMarker } from '../approvals/held-store';

// Sorting state and header toggles come from the table; the rows arrive
// already sorted and filtered by queue-order.ts (manual mode).
export const queueFeatures = tableFeatures({
  columnSizingFeature,
  rowSortingFeature,
});

const helper = createColumnHelper<typeof queueFeatures, QueueRow>();

export const queueColumns = helper.columns([
  helper.accessor('priorityRank', {
    id: 'priority',
    header: 'Priority',
    cell: (info) => <span className={`priority priority-${info.row.original.priorityRank}`}>{info.row.original.priorityLabel}</span>,
    size: 110,
  }),
  // Sorted by time to breach of that clock (queue-order.ts); the accessor only makes the header sortable.
  helper.accessor((r) => r.id, {
    id: 'firstResponse',
    header: 'First response',
    cell: (info) => <SlaCountdown row={info.row.original} clock="firstResponse" />,
    size: 210,
  }),
  helper.accessor((r) => r.id, {
    id: 'resolution',
    header: 'Resolution',
    cell: (info) => <SlaCountdown row={info.row.original} clock="resolution" />,
    size: 210,
  }),
  helper.accessor('title', {
    header: 'Title',
    cell: (info) => (
      <>
        {info.getValue()} <HeldMarker ticketId={info.row.original.id} />
      </>
    ),
    size: 320,
  }),
  helper.accessor('clientName', { header: 'Client', size: 200 }),
  helper.accessor('status', {
    header: 'Status',
    cell: (info) => <span className={`status status-${info.getValue()}`}>{STATUS_LABELS[info.getValue()]}</span>,
    size: 150,
  }),
  helper.accessor('assigneeName', {
    id: 'assignee',
    header: 'Assignee',
    cell: (info) => info.getValue() || <span className="muted">Unassigned</span>,
    size: 150,
  }),
  helper.accessor('channel', {
    header: 'Channel',
    cell: (info) => CHANNEL_LABELS[info.getValue()],
    size: 90,
  }),
  helper.accessor('openedAt', {
    header: 'Opened (client time)',
    cell: (info) => formatInClientZone(info.getValue(), info.row.original.clientTimeZone),
    size: 250,
  }),
]);
