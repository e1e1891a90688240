import { describe, expect, it } from 'vitest';
import { resolveShortcut, type KeyInput } from './shortcuts';

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
    [{ key: 'x' }, null],
  ] as const)('%o -> %s', (patch, expected) => {
    expect(resolveShortcut({ ...plain, ...patch })).toBe(expected);
  });
});
