import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial';
import * as snapshotIndex from './0002-snapshot-index';
import * as pushHardening from './0004-push-hardening';
import * as wireText from './0005-wire-text';
import * as liveRowsIndex from './0006-live-rows-index';
import * as ticketSlaHistory from './0007-ticket-sla-history';
import * as timeEntries from './0008-time-entries';
import * as escalations from './0009-escalations';
import * as ticketEventActor from './0010-ticket-event-actor';
import * as clientServiceRecord from './0011-client-service-record';
import * as contactDetails from './0012-contact-details';
import * as approvalRequests from './0013-approval-requests';
import * as requestTypes from './0014-request-types';
import * as staffAccounts from './0015-staff-accounts';
import * as auditLog from './0016-audit-log';
import * as integrationKeys from './0017-integration-keys';
import * as calls from './0018-calls';
import * as ticketIntake from './0019-ticket-intake';
import * as callbacks from './0020-callbacks';
import * as visits from './0021-visits';

// Listed explicitly, not scanned from a folder: bundlers and tsx see every migration, and order is the key order.
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-snapshot-index': snapshotIndex,
  '0004-push-hardening': pushHardening,
  '0005-wire-text': wireText,
  '0006-live-rows-index': liveRowsIndex,
  '0007-ticket-sla-history': ticketSlaHistory,
  '0008-time-entries': timeEntries,
  '0009-escalations': escalations,
  '0010-ticket-event-actor': ticketEventActor,
  '0011-client-service-record': clientServiceRecord,
  '0012-contact-details': contactDetails,
  '0013-approval-requests': approvalRequests,
  '0014-request-types': requestTypes,
  '0015-staff-accounts': staffAccounts,
  '0016-audit-log': auditLog,
  '0017-integration-keys': integrationKeys,
  '0018-calls': calls,
  '0019-ticket-intake': ticketIntake,
  '0020-callbacks': callbacks,
  '0021-visits': visits,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
