// Every 30 s, and at once when the person's notification settings change: which SLA
// notifications are due for the signed-in person, delivered through the bridge; a click
// opens the ticket. Sent keys and the settings live in the local store, so a reload
// does not announce the same breach again.
import { useEffect, useMemo, useRef, useState } from 'react';
import { BusinessCalendar } from '../../domain/sla';
import { breachedCount, dueNotifications } from '../../domain/notifications';
import type { NotificationSettings } from '../../domain/working-hours';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { useNavStore } from '../shell/nav-store';
import { liveNotificationSettings } from './notification-settings';
import { watchedTickets } from './watched-tickets';
import type { Client, StaffMember, Ticket } from '../../domain/ticket';
import type { EscalationRecord } from '../../protocol/records';

export const SENT_KEY = 'notifications.sent';
/** Old keys are forgotten past this many; a ticket that old has long been dealt with. */
const SENT_KEPT = 5_000;
/**
 * Reading every ticket loads the whole ticket cache, which the queue defers
 * until after its first screen (first-screen.ts); the first check waits as long.
 */
const FIRST_CHECK_DELAY_MS = 5_000;

interface Inputs {
  me: StaffMember;
  tickets: readonly Ticket[];
  escalations: readonly EscalationRecord[];
  clients: readonly Client[];
  settings: NotificationSettings;
  now: number;
}

export function useSlaNotifications(): void {
  const { repos, bridge } = useServices();
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setArmed(true), FIRST_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  const tickets = useLive(useMemo(() => (armed ? repos.tickets.liveAll() : null), [repos, armed]));
  const escalations = useLive(useMemo(() => repos.escalations.liveOpen(), [repos]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const settings = useLive(useMemo(() => liveNotificationSettings(repos.settings), [repos]));
  const now = useNow(30_000);
  const sent = useRef<string[] | null>(null);
  const badge = useRef<number | null>(null);
  // One check at a time; inputs that change meanwhile are checked right after, never dropped.
  const running = useRef(false);
  const latest = useRef<Inputs | null>(null);

  useEffect(() => {
    const me = reference?.staff.find((s) => s.id === currentUserId);
    if (!me || !tickets || !escalations || !reference || !settings) return;
    latest.current = { me, tickets, escalations, clients: reference.clients, settings, now };
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        for (let inputs = latest.current; inputs !== null; inputs = latest.current) {
          latest.current = null;
          await check(inputs);
        }
      } finally {
        running.current = false;
      }
    })();

    async function check({ me, tickets, escalations, clients, settings, now }: Inputs): Promise<void> {
      try {
        sent.current ??= (await repos.settings.get<string[]>(SENT_KEY)) ?? [];
        const watched = watchedTickets(tickets, escalations, me, new Map(clients.map((c) => [c.id, c])), now);
        const plan = dueNotifications(watched, {
          nowMs: now,
          sent: new Set(sent.current),
          workingHours: new BusinessCalendar(settings.workingHours),
          warnBeforeMs: settings.warnBeforeMinutes * 60_000,
        });
        if (plan.record.length > 0) {
          sent.current = [...sent.current, ...plan.record].slice(-SENT_KEPT);
          await repos.settings.set(SENT_KEY, sent.current);
        }
        // Switched off, what falls due is still recorded as sent: switching back on does not replay it.
        for (const n of settings.desktopNotifications ? plan.deliver : []) {
          void bridge.slaAlerts.notify({ title: n.title, body: n.body, ticketId: n.ticketId }).then((outcome) => {
            if (outcome === 'clicked') useNavStore.getState().openTicket(n.ticketId);
          });
        }
        const count = breachedCount(watched);
        if (count !== badge.current) {
          badge.current = count;
          await bridge.slaAlerts.setBadgeCount(count);
        }
      } catch (error) {
        console.error('SLA notifications failed', error);
      }
    }
  }, [repos, bridge, currentUserId, tickets, escalations, reference, settings, now]);
}
