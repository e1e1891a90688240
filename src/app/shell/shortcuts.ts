// Keyboard-first: one table of shortcuts. The global key handler dispatches
// from it (useGlobalShortcuts.ts) and the help in the footer renders it
// (ShortcutHelp.tsx), so a key cannot do one thing and be described as another.
// Resolved without the DOM so it is testable.

export interface Shortcut<Action extends string = string> {
  /** KeyboardEvent.key */
  key: string;
  /** How the help shows the key. */
  label: string;
  description: string;
  action: Action;
  /** Also while typing in a field, and with modifiers held: Escape must always get the user out. */
  evenWhileTyping?: boolean;
}

export const SHORTCUTS = [
  { key: 'n', label: 'n', description: 'New ticket', action: 'new-ticket' },
  { key: '/', label: '/', description: 'Search the queue', action: 'focus-search' },
  { key: 'j', label: 'j', description: 'Next ticket', action: 'next-row' },
  { key: 'k', label: 'k', description: 'Previous ticket', action: 'previous-row' },
  { key: 'Enter', label: 'Enter', description: 'Open the selected ticket', action: 'open-row' },
  { key: 'Escape', label: 'Esc', description: 'Close a dialog or panel', action: 'close', evenWhileTyping: true },
  { key: 'q', label: 'q', description: 'Show the queue', action: 'show-queue' },
  { key: 'e', label: 'e', description: 'Show escalations to my role', action: 'show-escalations' },
  { key: 'r', label: 'r', description: 'Write a public reply on the open ticket', action: 'ticket-reply' },
  { key: 'i', label: 'i', description: 'Write an internal note on the open ticket', action: 'ticket-note' },
  { key: 'c', label: 'c', description: 'Close the open ticket (asks for the resolution)', action: 'ticket-close' },
  { key: 'a', label: 'a', description: 'Assign the open ticket to me', action: 'ticket-assign-me' },
  { key: 'x', label: 'x', description: 'Explain the deadlines of the open ticket', action: 'ticket-explain' },
  { key: ',', label: ',', description: 'Notification settings: working hours, warning time', action: 'notification-settings' },
  { key: 'm', label: 'm', description: 'Show staff and sessions (admins)', action: 'show-staff' },
  { key: 'w', label: 'w', description: 'Show request types and their lead times', action: 'show-request-types' },
  { key: 'l', label: 'l', description: 'Show clients: find a client or contact, edit its service record', action: 'show-clients' },
  { key: 'h', label: 'h', description: 'Show held requests: billable work waiting for approval', action: 'show-held-requests' },
  { key: 'u', label: 'u', description: 'Show the audit log (coordinators, supervisors, site directors, admins)', action: 'show-audit' },
  { key: 'p', label: 'p', description: 'Start a call: the intake form, with the caller field ready', action: 'start-call' },
  { key: 'b', label: 'b', description: 'Show callbacks: open callbacks in order of promise', action: 'show-callbacks' },
  {
    key: 'v',
    label: 'v',
    description: 'Show onsite visits by stage: approval, prepayment, booking, onsite, completed',
    action: 'show-visits',
  },
  { key: 'V', label: 'Shift+V', description: 'Request an onsite visit on the open ticket', action: 'ticket-request-visit' },
  { key: 't', label: 't', description: 'Show my visits: today and the next days, check in and out', action: 'show-my-visits' },
  { key: 'o', label: 'o', description: 'Show the scheduling board: book technicians onsite', action: 'show-board' },
] as const satisfies readonly Shortcut[];

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

const TABLE: readonly Shortcut<ShortcutAction>[] = SHORTCUTS;

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when focus is in a text field, select or contenteditable: letters belong to it. */
  inEditable: boolean;
}

export function resolveShortcut(input: KeyInput): ShortcutAction | null {
  const shortcut = TABLE.find((candidate) => candidate.key === input.key);
  if (!shortcut) return null;
  if (shortcut.evenWhileTyping) return shortcut.action;
  if (input.ctrlKey || input.metaKey || input.altKey || input.inEditable) return null;
  return shortcut.action;
}

/** The table's row for an action, for a control that names its own shortcut. */
export function shortcutFor(action: ShortcutAction): Shortcut<ShortcutAction> {
  const shortcut = TABLE.find((candidate) => candidate.action === action);
  if (!shortcut) throw new Error(`no shortcut for ${action}`);
  return shortcut;
}
