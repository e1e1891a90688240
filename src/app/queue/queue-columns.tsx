import {
  columnFilteringFeature,
  columnSizingFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../domain/ticket';
import { formatInClientZone } from './format-instant';
import { matchesAssignee, matchesPriority, matchesStatus, matchesText } from './queue-filter-fns';
import type { QueueRow } from './queue-rows';

export const queueFeatures = tableFeatures({
  columnFilteringFeature,
  columnSizingFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
});

const helper = createColumnHelper<typeof queueFeatures, QueueRow>();

export const queueColumns = helper.columns([
  helper.accessor('priorityRank', {
    id: 'priority',
    header: 'Priority',
    cell: (info) => <span className={`priority priority-${info.row.original.priorityRank}`}>{info.row.original.priorityLabel}</span>,
    filterFn: (row, _id, value) => matchesPriority(row.original, value as string),
    size: 110,
  }),
  helper.accessor('title', {
    header: 'Title',
    filterFn: (row, _id, value) => matchesText(row.original, value as string),
    size: 320,
  }),
  helper.accessor('clientName', { header: 'Client', size: 200 }),
  helper.accessor('status', {
    header: 'Status',
    cell: (info) => <span className={`status status-${info.getValue()}`}>{STATUS_LABELS[info.getValue()]}</span>,
    filterFn: (row, _id, value) => matchesStatus(row.original, value as never),
    size: 150,
  }),
  helper.accessor('assigneeName', {
    id: 'assignee',
    header: 'Assignee',
    cell: (info) => info.getValue() || <span className="muted">Unassigned</span>,
    filterFn: (row, _id, value) => matchesAssignee(row.original, value as string),
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
