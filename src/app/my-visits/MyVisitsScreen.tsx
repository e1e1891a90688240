// "My visits" (docs/domain/onsite-visits-technician.md): the signed-in technician's visits
// today and the next days, days counted in the technician's own zone (their
// working hours' zone), each visit's times in its site's zone. Everything is
// read from and written to this desk, so it works with no connection.
import { useMemo } from 'react';
import { statusOfIn } from '../../data/visit-repository';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { computerTimeZone, liveNotificationSettings } from '../notifications/notification-settings';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { byDay, visitDays, visitWindow } from './visit-days';
import { VisitCard } from './VisitCard';

export function MyVisitsScreen() {
  const { repos } = useServices();
  const me = useSessionStore((s) => s.currentUserId);
  const settingsLive = useMemo(() => liveNotificationSettings(repos.settings), [repos]);
  const clientsLive = useMemo(() => repos.clients.live(), [repos]);
  const settings = useLive(settingsLive);
  const clientsAndContacts = useLive(clientsLive);
  // Each second matters to nobody here; the minute does (the clock and the stop).
  const now = useNow(15_000);
  const zone = settings?.workingHours.timeZone ?? computerTimeZone();
  const days = visitDays(now, zone);
  const { fromIso: from, toIso: to } = visitWindow(now, zone);
  const visitsLive = useMemo(() => (me ? repos.visits.liveFor(me, from, to) : null), [repos, me, from, to]);
  const mine = useLive(visitsLive);
  const statusOf = useMemo(() => statusOfIn(mine?.approvals ?? new Map()), [mine]);
  const clients = useMemo(() => new Map((clientsAndContacts?.clients ?? []).map((c) => [c.id, c])), [clientsAndContacts]);
  const contacts = useMemo(() => new Map((clientsAndContacts?.contacts ?? []).map((c) => [c.id, c])), [clientsAndContacts]);
  const grouped = byDay(mine?.visits ?? [], days);

  return (
    <section className="my-visits" aria-labelledby="my-visits-heading" data-testid="my-visits-screen">
      <div className="screen-header">
        <h1 id="my-visits-heading">My visits</h1>
        <span className="muted">
          Today and the next {days.length - 1} days ({zone}); each visit's times are the site's. Works offline: it syncs when connected.
        </span>
      </div>
      {!me ? (
        <p className="empty">Sign in to see the visits booked to you.</p>
      ) : mine === undefined ? null : (
        grouped.map(({ day, visits }) => (
          <section key={day.key} className="visit-day" aria-labelledby={`day-${day.key}`} data-testid="visit-day">
            <h2 id={`day-${day.key}`}>{day.label}</h2>
            {visits.length === 0 ? (
              <p className="empty">No visits.</p>
            ) : (
              visits.map((v) => (
                <VisitCard
                  key={v.id}
                  visit={v}
                  statusOf={statusOf}
                  client={clients.get(v.clientId)}
                  contact={contacts.get(v.contactId)}
                  now={now}
                />
              ))
            )}
          </section>
        ))
      )}
    </section>
  );
}
