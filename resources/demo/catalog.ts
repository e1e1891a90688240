import type { PrioritySchemeId } from '../../src/domain/priority-schemes';

// Realistic MSP clients and requests (docs/domain/): what a help desk hears all day.

export const DEMO_CLIENTS: ReadonlyArray<{ name: string; timeZone: string; prioritySchemeId: PrioritySchemeId }> = [
  { name: 'Harbor Dental Group', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' },
  { name: 'Prairie Grain Cooperative', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' },
  { name: 'Lakeside Family Law', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' },
  { name: 'Beacon Street Architects', timeZone: 'America/New_York', prioritySchemeId: 'four-severity' },
  { name: 'Hudson Valley Credit Union', timeZone: 'America/New_York', prioritySchemeId: 'four-severity' },
  { name: 'Northgate Veterinary Clinic', timeZone: 'America/New_York', prioritySchemeId: 'four-severity' },
  { name: 'Pacific Crest Logistics', timeZone: 'America/Los_Angeles', prioritySchemeId: 'five-priority' },
  { name: 'Redwood Montessori School', timeZone: 'America/Los_Angeles', prioritySchemeId: 'five-priority' },
];

export const DEMO_STAFF = [
  { name: 'Maya Okafor', role: 'intake' },
  { name: 'Luis Herrera', role: 'intake' },
  { name: 'Priya Natarajan', role: 'technician' },
  { name: 'Tom Becker', role: 'technician' },
  { name: 'Aisha Rahman', role: 'technician' },
  { name: 'Dan Kowalski', role: 'engineer' },
  { name: 'Grace Liu', role: 'engineer' },
  { name: 'Sam Whitfield', role: 'service_coordinator' },
  { name: 'Elena Petrova', role: 'supervisor' },
  { name: 'Marcus Reed', role: 'site_director' },
  { name: 'Jo Alvarez', role: 'scheduler' },
  { name: 'Admin User', role: 'admin' },
] as const;

export const DEMO_REQUESTS: ReadonlyArray<{ title: string; description: string }> = [
  { title: 'Outlook keeps asking for password', description: 'Prompts every few minutes since the password change on Monday.' },
  { title: 'New hire account setup', description: 'Starts next week: mailbox, laptop, VPN and line-of-business app access.' },
  { title: 'Printer offline at front desk', description: 'Shows offline on every workstation; power cycled already.' },
  { title: 'VPN drops every hour', description: 'Remote staff disconnected roughly hourly, reconnect works.' },
  { title: 'Port 12 numbers to new carrier', description: 'Main line plus 11 DIDs; carrier letter of authorization attached.' },
  { title: 'Phones down at main office', description: 'No dial tone on any desk phone; internet still up.' },
  { title: 'Replace failing laptop battery', description: 'Battery swelling reported by the user; laptop still under warranty.' },
  {
    title: 'Shared drive permissions for accounting',
    description: 'Accounting needs read/write to the Finance share, read-only for AP clerks.',
  },
  { title: 'Email bouncing from vendor domain', description: 'Replies from the vendor bounce with a 550 error since Friday.' },
  { title: 'Wi-Fi slow in conference room', description: 'Video calls freeze in the large conference room only.' },
  { title: 'Move 6 users to second floor', description: 'Desks, phones and network drops for six users moving upstairs.' },
  { title: 'Server disk almost full', description: 'File server C: drive at 94%, alert raised by monitoring.' },
  { title: 'Quote for three new workstations', description: 'Need pricing for three workstations for the design team.' },
  { title: 'Firewall blocking payroll site', description: 'Payroll portal fails to load; other sites fine.' },
  { title: 'Offboard departing employee', description: 'Disable accounts Friday 5pm, forward mail to manager, collect laptop.' },
  { title: 'Backup job failed overnight', description: 'Nightly backup reported failure on the database server.' },
  { title: 'Scanner to email not working', description: 'Copier scan-to-email fails with an authentication error.' },
  { title: 'Onsite visit: rack cleanup', description: 'Re-cable the network rack and label patch panel; customer asked for a quote.' },
  { title: 'MFA reset for lost phone', description: 'User lost phone; needs MFA re-enrolled on the new device.' },
  { title: 'Teams voicemail not delivered', description: 'Voicemails show in the app but no email notification.' },
];
