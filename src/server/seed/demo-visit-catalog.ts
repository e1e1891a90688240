// The demo's onsite visits by stage (docs/domain/onsite-visits.md, "Demo
// data" lists the same): which client, how long, how far along, and who is
// booked when. demo-visits.ts turns each into rows by the pricing rules.
import type { ApprovalStatus } from '../../domain/approval-requests';
import type { VisitStatus } from '../../domain/visits';

export interface DemoVisit {
  client: string;
  scope: string;
  estimateHours: number;
  approval: ApprovalStatus;
  prepaid?: boolean;
  /** Booked: the technician, and the start (a day offset and local hour in the site's zone, or hours before now for work under way). */
  technician?: string;
  day?: number;
  hour?: number;
  startedHoursAgo?: number;
  status?: VisitStatus;
  /** Onsite: checked in this long before now; completed: minutes between check-in and check-out. */
  onsiteMinutes?: number;
  /** More time asked for onsite: its hours and whether the client approved and paid it. */
  extra?: { hours: number; approved: boolean; paid: boolean };
  needsDowntime?: boolean;
  site?: number;
  cancelReason?: string;
  notes?: string;
}

/** What is seeded, by stage; docs/domain/onsite-visits.md "Demo data" lists the same. */
export const DEMO_VISITS: readonly DemoVisit[] = [
  {
    client: 'Prairie Grain Cooperative',
    scope: 'Replace the failing core switch in the grain office.',
    estimateHours: 2,
    approval: 'awaiting_approval',
  },
  { client: 'Hudson Valley Credit Union', scope: 'Re-cable the teller stations.', estimateHours: 1, approval: 'declined' },
  { client: 'Beacon Street Architects', scope: 'Install the new plotter and its print server.', estimateHours: 3, approval: 'approved' },
  {
    client: 'Lakeside Family Law',
    scope: 'Set up three new workstations for the new associates.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
  },
  {
    client: 'Northgate Veterinary Clinic',
    scope: 'Check the exam-room tablets’ Wi-Fi coverage.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
  },
  {
    client: 'Pacific Crest Logistics',
    scope: 'Firmware upgrade of the warehouse firewall (takes the network down).',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    needsDowntime: true,
  },
  {
    client: 'Harbor Dental Group',
    scope: 'Replace the front-desk printer and map it on every workstation.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 0,
    hour: 9,
  },
  {
    client: 'Lakeside Family Law',
    scope: 'Move the conference-room display to the new wall mount.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 0,
    hour: 13,
  },
  {
    client: 'Prairie Grain Cooperative',
    scope: 'Survey the scale house for a second access point.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 1,
    hour: 10,
  },
  {
    client: 'Harbor Dental Group',
    scope: 'Install the X-ray workstation at the branch office.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: 2,
    hour: 14,
    site: 1,
  },
  {
    client: 'Hudson Valley Credit Union',
    scope: 'Swap the branch VPN appliance.',
    estimateHours: 3,
    approval: 'approved',
    prepaid: true,
    technician: 'Grace Liu',
    day: 0,
    hour: 10,
  },
  {
    client: 'Lakeside Family Law',
    scope: 'Replace the reception PC’s failed disk.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Tom Becker',
    startedHoursAgo: 1,
    status: 'onsite',
    onsiteMinutes: 55,
    notes: 'Disk swapped; restoring the image.',
  },
  {
    client: 'Beacon Street Architects',
    scope: 'Rack and cable the new file server.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Dan Kowalski',
    startedHoursAgo: 3,
    status: 'onsite',
    onsiteMinutes: 170,
    extra: { hours: 1, approved: false, paid: false },
  },
  {
    client: 'Harbor Dental Group',
    scope: 'Replace the failed UPS in the server closet.',
    estimateHours: 2,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: -1,
    hour: 9,
    status: 'completed',
    onsiteMinutes: 95,
    notes: 'UPS replaced and battery test passed.',
  },
  {
    client: 'Lakeside Family Law',
    scope: 'Rewire the copy room network drop.',
    estimateHours: 3,
    approval: 'approved',
    prepaid: true,
    technician: 'Priya Natarajan',
    day: -2,
    hour: 9,
    status: 'completed',
    onsiteMinutes: 50,
    notes: 'Only the patch cable was bad; replaced it.',
  },
  {
    client: 'Hudson Valley Credit Union',
    scope: 'Install the new check scanners at two teller stations.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    technician: 'Tom Becker',
    day: -1,
    hour: 13,
    status: 'completed',
    onsiteMinutes: 130,
    extra: { hours: 1, approved: true, paid: true },
    notes: 'Second scanner needed a driver update from the vendor.',
  },
  {
    client: 'Northgate Veterinary Clinic',
    scope: 'Mount the lobby check-in kiosk.',
    estimateHours: 1,
    approval: 'approved',
    prepaid: true,
    status: 'cancelled',
    cancelReason: 'The clinic mounted the kiosk themselves.',
  },
];
