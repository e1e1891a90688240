// A ticket's full record, read when the ticket opens (never at queue start-up):
// its notes and events from the timeline index (timeline-index.ts), its time entries, escalations and calls by their ticket index.
import type { CallRecord, EscalationRecord, NoteRecord, TicketEventRecord, TimeEntryRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { live, type Live } from './live';
import { readTicketRecords } from './timeline-index';

export interface TicketHistory {
  notes: NoteRecord[];
  events: TicketEventRecord[];
  timeEntries: TimeEntryRecord[];
  escalations: EscalationRecord[];
  calls: CallRecord[];
}

export class TimelineRepository {
  constructor(private readonly db: SwitchboardDb) {}

  async forTicket(ticketId: string): Promise<TicketHistory> {
    return this.db.transaction('r', this.db.timelineBuckets, this.db.timeEntries, this.db.escalations, this.db.calls, async () => {
      const [records, timeEntries, escalations, calls] = await Promise.all([
        readTicketRecords(this.db, ticketId),
        this.db.timeEntries.where('ticketId').equals(ticketId).toArray(),
        this.db.escalations.where('ticketId').equals(ticketId).toArray(),
        this.db.calls.where('ticketId').equals(ticketId).toArray(),
      ]);
      return { ...records, timeEntries, escalations, calls };
    });
  }

  liveForTicket(ticketId: string): Live<TicketHistory> {
    return live(() => this.forTicket(ticketId));
  }
}
