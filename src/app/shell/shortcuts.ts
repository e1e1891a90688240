// Keyboard-first: one table of shortcuts, resolved without the DOM so it is testable.

export type ShortcutAction = 'new-ticket' | 'focus-search' | 'next-row' | 'previous-row' | 'open-row' | 'close';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when focus is in a text field, select or contenteditable: letters belong to it. */
  inEditable: boolean;
}

const SINGLE_KEYS: Record<string, ShortcutAction> = {
  n: 'new-ticket',
  '/': 'focus-search',
  j: 'next-row',
  k: 'previous-row',
  Enter: 'open-row',
};

export const SHORTCUT_HELP: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'n', action: 'New ticket' },
  { keys: '/', action: 'Search the queue' },
  { keys: 'j / k', action: 'Next / previous ticket' },
  { keys: 'Enter', action: 'Open the selected ticket' },
  { keys: 'Esc', action: 'Close a dialog or panel' },
];

export function resolveShortcut(input: KeyInput): ShortcutAction | null {
  if (input.key === 'Escape') return 'close';
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (input.inEditable) return null;
  return SINGLE_KEYS[input.key] ?? null;
}
