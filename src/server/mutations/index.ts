// The server's handler for each mutation name (src/mutations defines what the
// names are). A name without a handler, or a handler whose arguments do not
// match its definition's schema, fails to compile here.
import type { MutationName } from '../../mutations';
import { deleteContact, upsertContact } from './contact-mutations';
import type { MutationHandler } from './context';
import { addNote } from './note-mutations';
import { createTicket, setStatus, updateTicket } from './ticket-mutations';
import { logTime } from './time-entry-mutations';
import { acknowledgeEscalation, escalateTicket } from './escalation-mutations';
import { closeTicket, reopenTicket } from './ticket-closing-mutations';
import { archiveRequestType, upsertRequestType } from './request-type-mutations';
import { upsertClient } from './client-mutations';
import { confirmRequest, declineApproval, recordApproval, requestApproval } from './approval-mutations';
import { logCall } from './call-mutations';
import { cancelCallback, completeCallback, promiseCallback } from './callback-mutations';
import {
  cancelVisit,
  checkInVisit,
  checkOutVisit,
  recordVisitPayment,
  recordVisitWork,
  requestVisit,
  requestVisitTime,
  scheduleVisit,
} from './visit-mutations';

export type MutationHandlers = { [N in MutationName]: MutationHandler<N> };

export const mutationHandlers = {
  createTicket,
  updateTicket,
  setStatus,
  addNote,
  upsertContact,
  deleteContact,
  logTime,
  escalateTicket,
  acknowledgeEscalation,
  closeTicket,
  reopenTicket,
  upsertRequestType,
  archiveRequestType,
  upsertClient,
  requestApproval,
  confirmRequest,
  recordApproval,
  declineApproval,
  logCall,
  promiseCallback,
  completeCallback,
  cancelCallback,
  requestVisit,
  recordVisitPayment,
  scheduleVisit,
  checkInVisit,
  checkOutVisit,
  requestVisitTime,
  recordVisitWork,
  cancelVisit,
} satisfies MutationHandlers;
