// What the "Request onsite visit" dialog holds as typed, read into the
// repository's draft and the live quote (docs/domain/onsite-visits.md,
// "Quote"). Pure: the dialog calls it on every keystroke, and each problem
// names the field it belongs to so it is shown there.
import type { VisitDraft } from '../../data/visit-repository';
import { parseDollars } from '../../domain/money';
import { baseFeeCents, quote, quoteProblems, type Quote } from '../../domain/onsite-pricing';
import { TRAVEL_ZONE_RULES, type TravelZone } from '../../domain/travel';

export interface VisitFormText {
  siteId: string;
  contactId: string;
  scope: string;
  needsDowntime: boolean;
  /** Typed only for a remote site; any other zone's surcharge is fixed by the zone. */
  zoneSurcharge: string;
  scopeSurcharge: string;
  surchargeReason: string;
  rate: string;
  hours: string;
}

export type VisitFormField = 'siteId' | 'contactId' | 'scope' | 'zoneSurcharge' | 'scopeSurcharge' | 'surchargeReason' | 'rate' | 'hours';

export interface VisitFormReading {
  /** The quote of the figures as typed; null while a figure is missing or wrong. */
  quote: Quote | null;
  /** The two surcharges in the quote's base fee, for its breakdown; null with the quote. */
  surcharges: { zoneSurchargeCents: number; scopeSurchargeCents: number } | null;
  problems: Partial<Record<VisitFormField, string>>;
  /** Ready to save: every field is read and nothing is wrong. */
  draft: Omit<VisitDraft, 'ticketId'> | null;
}

export interface SiteTerms {
  travelZone: TravelZone;
}

/** The site's zone surcharge in cents, or null for a remote site (quoted per visit). */
export function fixedZoneSurcharge(zone: TravelZone): number | null {
  return TRAVEL_ZONE_RULES[zone].surchargeCents;
}

function dollars(text: string, what: string, optional: boolean): { cents: number | null; problem: string | null } {
  if (text.trim() === '')
    return optional ? { cents: 0, problem: null } : { cents: null, problem: `Enter ${what} in dollars, e.g. 135.00.` };
  const cents = parseDollars(text);
  if (cents === null) return { cents: null, problem: `"${text}" is not an amount in dollars: enter ${what} like 135 or 1,234.50.` };
  return { cents, problem: null };
}

function wholeHours(text: string): { hours: number | null; problem: string | null } {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t))
    return { hours: null, problem: 'Enter the estimate as a whole number of hours (the first hour included), e.g. 3.' };
  return { hours: Number(t), problem: null };
}

/**
 * Reads the form against the client's contract base fee and the chosen site's
 * zone. The quote is shown as soon as the figures make one, even while the
 * scope or the contact is still empty.
 */
export function readVisitForm(form: VisitFormText, contractBaseFeeCents: number, site: SiteTerms | null): VisitFormReading {
  const problems: Partial<Record<VisitFormField, string>> = {};
  if (!site) problems.siteId = 'Choose the site the technician goes to.';
  if (!form.contactId) problems.contactId = 'Choose the contact who meets the technician (and approves the quote).';
  if (!form.scope.trim()) problems.scope = 'Describe the work to be done onsite: the scope is empty.';

  const zone = site?.travelZone ?? 'local';
  const fixed = fixedZoneSurcharge(zone);
  const zoneFee = fixed !== null ? { cents: fixed, problem: null } : dollars(form.zoneSurcharge, "the remote site's surcharge", false);
  if (zoneFee.problem) problems.zoneSurcharge = zoneFee.problem;
  const scopeFee = dollars(form.scopeSurcharge, 'the scope surcharge', true);
  if (scopeFee.problem) problems.scopeSurcharge = scopeFee.problem;
  const rate = dollars(form.rate, 'the agreed hourly rate', false);
  if (rate.problem) problems.rate = rate.problem;
  const hours = wholeHours(form.hours);
  if (hours.problem) problems.hours = hours.problem;

  if (!form.surchargeReason.trim()) {
    if (fixed === null) problems.surchargeReason = 'A remote site is quoted per visit: say how the surcharge was set.';
    else if ((scopeFee.cents ?? 0) > 0) problems.surchargeReason = 'Say why the scope raises the base fee.';
  }

  let q: Quote | null = null;
  if (zoneFee.cents !== null && scopeFee.cents !== null && rate.cents !== null && hours.hours !== null) {
    const terms = {
      baseFeeCents: baseFeeCents({ contractBaseFeeCents, zoneSurchargeCents: zoneFee.cents, scopeSurchargeCents: scopeFee.cents }),
      hourlyRateCents: rate.cents,
      estimateHours: hours.hours,
    };
    const found = quoteProblems(terms, contractBaseFeeCents);
    for (const p of found) {
      const field: VisitFormField =
        p.field === 'hourlyRateCents'
          ? 'rate'
          : p.field === 'estimateHours'
            ? 'hours'
            : fixed === null
              ? 'zoneSurcharge'
              : 'scopeSurcharge';
      problems[field] ??= p.message;
    }
    if (found.length === 0) q = quote(terms);
  }

  const draft =
    q && site && Object.keys(problems).length === 0
      ? {
          siteId: form.siteId,
          contactId: form.contactId,
          scope: form.scope.trim(),
          needsDowntime: form.needsDowntime,
          zoneSurchargeCents: zoneFee.cents!,
          scopeSurchargeCents: scopeFee.cents!,
          surchargeReason: form.surchargeReason.trim(),
          hourlyRateCents: rate.cents!,
          estimateHours: hours.hours!,
        }
      : null;
  const surcharges = q ? { zoneSurchargeCents: zoneFee.cents!, scopeSurchargeCents: scopeFee.cents! } : null;
  return { quote: q, surcharges, problems, draft };
}
