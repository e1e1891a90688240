// Onsite visits (docs/domain/onsite-visits.md). PLACEHOLDER until the server
// handlers land: every visit mutation is refused with a clear message, so a
// desk that queues one is told, and nothing is written.
import type { MutationName } from '../../mutations';
import { MutationRejected, type MutationHandler } from './context';

type VisitMutation =
  | 'requestVisit'
  | 'recordVisitPayment'
  | 'scheduleVisit'
  | 'checkInVisit'
  | 'checkOutVisit'
  | 'requestVisitTime'
  | 'recordVisitWork'
  | 'cancelVisit';

function notYet<N extends VisitMutation & MutationName>(): MutationHandler<N> {
  return async () => {
    throw new MutationRejected('invalid_visit', 'This server does not record onsite visits yet; nothing was recorded.');
  };
}

export const requestVisit = notYet<'requestVisit'>();
export const recordVisitPayment = notYet<'recordVisitPayment'>();
export const scheduleVisit = notYet<'scheduleVisit'>();
export const checkInVisit = notYet<'checkInVisit'>();
export const checkOutVisit = notYet<'checkOutVisit'>();
export const requestVisitTime = notYet<'requestVisitTime'>();
export const recordVisitWork = notYet<'recordVisitWork'>();
export const cancelVisit = notYet<'cancelVisit'>();
