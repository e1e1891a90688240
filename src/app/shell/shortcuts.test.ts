import { describe, expect, it } from 'vitest';
import { SHORTCUTS, resolveShortcut, shortcutFor, type KeyInput } from './shortcuts';

const plain: KeyInput = { key: '', ctrlKey: false, metaKey: false, altKey: false, inEditable: false };

describe('resolveShortcut', () => {
  it.each([
    [{ key: 'n' }, 'new-ticket'],
    [{ key: '/' }, 'focus-search'],
    [{ key: 'j' }, 'next-row'],
    [{ key: 'k' }, 'previous-row'],
    [{ key: 'Enter' }, 'open-row'],
    [{ key: 'Escape' }, 'close'],
    [{ key: 'Escape', inEditable: true }, 'close'],
    [{ key: 'n', inEditable: true }, null],
    [{ key: 'j', inEditable: true }, null],
    [{ key: 'Enter', inEditable: true }, null],
    [{ key: 'n', ctrlKey: true }, null],
    [{ key: 'n', metaKey: true }, null],
    [{ key: 'z' }, null],
    [{ key: 'x' }, 'ticket-explain'],
    [{ key: ',' }, 'notification-settings'],
    [{ key: ',', inEditable: true }, null],
    [{ key: 'e' }, 'show-escalations'],
    [{ key: 'q' }, 'show-queue'],
    [{ key: 'e', inEditable: true }, null],
    [{ key: 'w' }, 'show-request-types'],
    [{ key: 'w', inEditable: true }, null],
    [{ key: 'l' }, 'show-clients'],
    [{ key: 'l', inEditable: true }, null],
    [{ key: 'o' }, 'show-board'],
    [{ key: 'o', inEditable: true }, null],
  ] as const)('%o -> %s', (patch, expected) => {
    expect(resolveShortcut({ ...plain, ...patch })).toBe(expected);
  });
});

describe('the shortcut table', () => {
  it('gives each key one row, so a key cannot mean two things', () => {
    expect(SHORTCUTS.length).toBeGreaterThan(0);
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
  });

  it.each(SHORTCUTS.map((s) => [s.label, s] as const))('%s, pressed on its own, does what its row says', (_label, shortcut) => {
    expect(resolveShortcut({ ...plain, key: shortcut.key })).toBe(shortcut.action);
  });

  it('names the row for an action', () => {
    expect(shortcutFor('new-ticket')).toMatchObject({ key: 'n', action: 'new-ticket' });
  });
});
