import { useMemo } from 'react';
import type { StaffMember } from '../../domain/ticket';
import { visitInvoice, type InvoiceResult } from '../../domain/visit-invoice';
import type { Client } from '../../domain/client';
import type { VisitRecord } from '../../protocol/records';
import type { Repositories } from '../../data/repositories';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';

/** One visit's invoice from the desk's rows; undefined while they load. */
export function useVisitInvoice(visitId: string): InvoiceResult | undefined {
  const { repos } = useServices();
  const found = useLive(useMemo(() => repos.visits.get(visitId), [repos, visitId]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const visit = found?.visits[0];
  const ticket = useLive(useMemo(() => (visit ? repos.tickets.liveOne(visit.ticketId) : null), [repos, visit]));
  if (!found || !reference) return undefined;
  if (!visit) return { ok: false, problem: 'This visit is not on this desk; sync and try again.' };
  const client = reference.clients.find((c) => c.id === visit.clientId);
  if (!client) return { ok: false, problem: "The visit's client is not on this desk; sync and try again." };
  return visitInvoice(visit, {
    client,
    technicianName: staffName(reference.staff, visit.technicianId),
    ticketTitle: ticket?.title ?? null,
  });
}

function staffName(staff: readonly StaffMember[], id: string | null): string | null {
  return staff.find((s) => s.id === id)?.name ?? null;
}

/** The invoices of a client's completed visits, with ticket titles read from the desk (for the monthly CSV). */
export async function clientInvoices(
  repos: Repositories,
  client: Client,
  visits: readonly VisitRecord[],
  staff: readonly StaffMember[],
): Promise<InvoiceResult[]> {
  return Promise.all(
    visits.map(async (visit) =>
      visitInvoice(visit, {
        client,
        technicianName: staffName(staff, visit.technicianId),
        ticketTitle: (await repos.tickets.get(visit.ticketId))?.title ?? null,
      }),
    ),
  );
}
