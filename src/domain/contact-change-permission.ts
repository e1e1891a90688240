// Who on staff may add or change a client contact
// (docs/domain/contacts-and-approvals.md, "Who keeps the list"). Keeping the
// list is `contact.manage`; whoever takes calls may also add an unknown caller
// as a NEW contact with no role (`contact.add_caller`), which lets them report
// issues and nothing more, so it grants the caller no authority. One rule for
// the desk and the server.
import type { ContactRole } from './contact-authorization';
import { can, forbiddenMessage } from './staff-permissions';
import type { StaffRole } from './ticket';

export interface ContactChange {
  /** The contact is already on the list (the change edits it). */
  existing: boolean;
  role: ContactRole;
}

/** Why `staffRole` may not make this change, or null when they may. */
export function contactChangeProblem(staffRole: StaffRole, change: ContactChange): string | null {
  if (can(staffRole, 'contact.manage')) return null;
  const refused = forbiddenMessage(staffRole, 'contact.manage');
  if (!can(staffRole, 'contact.add_caller')) return refused;
  if (change.existing)
    return `${refused} Your role may add a caller as a new contact with no role, but not change a contact already on the list.`;
  if (change.role !== 'none')
    return `${refused} Your role may add a caller as a new contact with no role (may report issues only): choose that role, and ask one of them to give another.`;
  return null;
}
