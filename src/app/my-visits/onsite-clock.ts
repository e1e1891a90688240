// What the running clock of a visit onsite says at `nowMs`: minutes so far,
// the hours they bill, what the visit costs if it ends now, until when the
// client has authorized work, and whether the technician must stop. Pure: the
// screen supplies the time (useNow) and the domain rules do the arithmetic.
import { billedHours, onsiteMinutes } from '../../domain/onsite-pricing';
import {
  authorizationState,
  authorizedUntil,
  costSoFarCents,
  type AuthorizationState,
  type StatusOf,
  type VisitAuthorization,
  type VisitFacts,
} from '../../domain/visits';

export interface OnsiteClock {
  minutesSoFar: number;
  billedHoursSoFar: number;
  costSoFarCents: number;
  /** Check-in plus the hours approved and paid. */
  authorizedUntil: string;
  /** Whole minutes until then; zero or below once reached. */
  minutesLeft: number;
  /** The authorized time is reached: work stops until more time is approved and paid. */
  mustStop: boolean;
  /** The request for more time still waiting for the client (approval or payment), if any. */
  waiting: { authorization: VisitAuthorization; state: Extract<AuthorizationState, 'awaiting_approval' | 'awaiting_payment'> } | null;
}

/** The clock of a checked-in visit; null when the visit is not onsite. */
export function onsiteClock(visit: VisitFacts & { checkedOutAt: string | null }, statusOf: StatusOf, nowMs: number): OnsiteClock | null {
  if (visit.status !== 'onsite' || !visit.checkedInAt) return null;
  const until = authorizedUntil(visit, statusOf)!;
  // A check-in corrected a little ahead of this desk's clock (within the grace) counts from zero, not below.
  const minutesSoFar = onsiteMinutes(visit.checkedInAt, new Date(nowMs).toISOString()) ?? 0;
  const hours = billedHours(minutesSoFar);
  let waiting: OnsiteClock['waiting'] = null;
  for (const authorization of visit.authorizations) {
    const state = authorizationState(authorization, visit.payments, statusOf);
    if (state === 'awaiting_approval' || state === 'awaiting_payment') waiting = { authorization, state };
  }
  const leftMs = Date.parse(until) - nowMs;
  return {
    minutesSoFar,
    billedHoursSoFar: hours,
    costSoFarCents: costSoFarCents(visit, hours),
    authorizedUntil: until,
    minutesLeft: Math.floor(leftMs / 60_000),
    mustStop: leftMs <= 0,
    waiting,
  };
}

/** How a request for more time stands, in the words the technician reads. */
export function authorizationText(state: AuthorizationState, untilText: string): string {
  switch (state) {
    case 'awaiting_approval':
      return "Waiting for the client's approval.";
    case 'awaiting_payment':
      return 'Approved, waiting for payment.';
    case 'authorized':
      return `Authorized: continue until ${untilText}.`;
    case 'declined':
      return 'Declined by the client: finish up and check out.';
  }
}
