// The running clock of a visit onsite, and the STOP once the authorized time
// is reached: work past the estimate waits for the client's approval and
// payment of more time (docs/domain/onsite-visits-technician.md). Only the billed hours
// and the stop are announced, so a screen reader is not interrupted every tick.
import { formatCents } from '../../domain/money';
import type { OnsiteClock } from './onsite-clock';
import { authorizationText } from './onsite-clock';
import { siteTime } from './site-time';

export function OnsiteClockPanel({ clock, checkedInAt, siteZone }: { clock: OnsiteClock; checkedInAt: string; siteZone: string }) {
  const until = siteTime(clock.authorizedUntil, siteZone);
  return (
    <div className="onsite-clock" data-testid="onsite-clock">
      {clock.mustStop && (
        <div className="stop-banner" role="alert" data-testid="stop-banner">
          <strong>STOP: the authorized time ended at {until}.</strong> Work past the estimate stops until the client approves more time and
          pays for it.{' '}
          {clock.waiting
            ? `Your request for ${clock.waiting.authorization.hours} more h: ${authorizationText(clock.waiting.state, until)}`
            : 'Ask for more time below, or finish and check out.'}
        </div>
      )}
      <dl className="clock-figures">
        <div>
          <dt>Onsite since</dt>
          <dd>
            <time dateTime={checkedInAt}>{siteTime(checkedInAt, siteZone)}</time> ({siteZone})
          </dd>
        </div>
        <div>
          <dt>Minutes so far</dt>
          <dd data-testid="clock-minutes">{clock.minutesSoFar}</dd>
        </div>
        <div>
          <dt>Billed hours so far</dt>
          <dd data-testid="clock-billed-hours">{clock.billedHoursSoFar}</dd>
        </div>
        <div>
          <dt>Cost so far</dt>
          <dd data-testid="clock-cost">{formatCents(clock.costSoFarCents)}</dd>
        </div>
        <div>
          <dt>Authorized until</dt>
          <dd data-testid="authorized-until">
            <time dateTime={clock.authorizedUntil}>{until}</time>
            {clock.mustStop ? ' (reached)' : ` (${clock.minutesLeft} min left)`}
          </dd>
        </div>
      </dl>
      {/* The STOP is announced by its alert; this says only when another hour starts being billed. */}
      <p className="visually-hidden" aria-live="polite">
        {`${clock.billedHoursSoFar} billed hours so far.`}
      </p>
    </div>
  );
}
