import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ShortcutHelp } from './ShortcutHelp';
import { SHORTCUTS } from './shortcuts';

describe('ShortcutHelp', () => {
  const html = renderToStaticMarkup(<ShortcutHelp />);
  const entries = [...html.matchAll(/<span><kbd>([^<]*)<\/kbd> ([^<]*)<\/span>/g)].map(([, label, description]) => ({
    label,
    description,
  }));

  it('lists every shortcut of the table, in its order, with its description', () => {
    expect(SHORTCUTS.length).toBeGreaterThan(0);
    expect(entries).toEqual(SHORTCUTS.map(({ label, description }) => ({ label, description })));
  });

  it('is labelled for assistive technology', () => {
    expect(html).toContain('aria-label="Keyboard shortcuts"');
  });
});
