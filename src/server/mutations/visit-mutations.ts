// Onsite visits (docs/domain/onsite-visits.md): the eight handlers, each
// running the desk's rules again on the server's rows and clock.
export { recordVisitPayment, requestVisit } from './visit-request';
export { cancelVisit, scheduleVisit } from './visit-booking';
export { checkInVisit, checkOutVisit, recordVisitWork, requestVisitTime } from './visit-work';
