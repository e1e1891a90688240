import { openDb } from './db';
import { seedDemoIfEmpty } from './local-demo';
import { ReferenceRepository } from './reference-repository';
import { SettingsRepository } from './settings-repository';
import { SyncStore } from './sync-store';
import { TicketRepository } from './ticket-repository';
import { TimeRepository } from './time-repository';
import { EscalationRepository } from './escalation-repository';
import { TimelineRepository } from './timeline-repository';
import { ContactRepository } from './contact-repository';
import { RequestTypeRepository } from './request-type-repository';
import { ClientRepository } from './client-repository';
import { ApprovalRepository } from './approval-repository';
import { IntakeRepository } from './intake-repository';
import { CallbackRepository } from './callback-repository';
import { CallRepository } from './call-repository';
import { VisitRepository } from './visit-repository';

export interface Repositories {
  tickets: TicketRepository;
  reference: ReferenceRepository;
  settings: SettingsRepository;
  /** The outbox, cursor and pulled-change path; hand it to createSyncEngine. */
  sync: SyncStore;
  time: TimeRepository;
  timeline: TimelineRepository;
  seedDemoIfEmpty(tickets: number): Promise<boolean>;
  close(): void;
  escalations: EscalationRepository;
  contacts: ContactRepository;
  requestTypes: RequestTypeRepository;
  clients: ClientRepository;
  approvals: ApprovalRepository;
  intake: IntakeRepository;
  callbacks: CallbackRepository;
  calls: CallRepository;
  visits: VisitRepository;
}

/** The only way the app reaches the local store: one repository per kind of record. */
export function createRepositories(name?: string): Repositories {
  const db = openDb(name);
  const tickets = new TicketRepository(db);
  const approvals = new ApprovalRepository(db);
  const callbacks = new CallbackRepository(db);
  return {
    tickets,
    reference: new ReferenceRepository(db),
    settings: new SettingsRepository(db),
    sync: new SyncStore(db, (buckets) => tickets.absorbCommitted(buckets)),
    time: new TimeRepository(db),
    timeline: new TimelineRepository(db),
    seedDemoIfEmpty: (count) => seedDemoIfEmpty(db, tickets, count),
    close: () => {
      tickets.close();
      db.close();
    },
    escalations: new EscalationRepository(db),
    contacts: new ContactRepository(db),
    requestTypes: new RequestTypeRepository(db),
    clients: new ClientRepository(db),
    approvals,
    intake: new IntakeRepository(db, tickets, approvals, callbacks),
    callbacks,
    calls: new CallRepository(db),
    visits: new VisitRepository(db, approvals),
  };
}
