import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONSOLE_NEWER_MESSAGE, CONSOLE_OLDER_MESSAGE } from '../../protocol';
import { StatusCell, type SyncStatus } from '../../sync/sync-status';
import { SyncStatusBar } from './SyncStatusBar';

function render(patch: Partial<SyncStatus>): string {
  const status = new StatusCell();
  status.set(patch);
  return renderToStaticMarkup(<SyncStatusBar engine={{ status }} onSignIn={() => {}} onDismiss={() => {}} />);
}

describe('SyncStatusBar', () => {
  it.each([CONSOLE_OLDER_MESSAGE, CONSOLE_NEWER_MESSAGE])(
    'says an update is needed, which one, and that the changes wait: %s',
    (message) => {
      const html = render({ connection: 'upgrade-required', pending: 3, error: message });
      expect(html).toContain('data-connection="upgrade-required"');
      expect(html).toContain('Update needed');
      expect(html).toContain(message);
      expect(html).toContain('3 changes waiting to sync');
      // Signing in again cannot help.
      expect(html).not.toContain('Sign in');
    },
  );

  it.each([
    [null, 'Connecting…'],
    ['2026-03-02T15:00:00.000Z', 'Reconnecting…'],
  ])('while checking the connection, with the last sync at %s, says %s', (lastSyncedAt, label) => {
    expect(render({ connection: 'connecting', lastSyncedAt })).toContain(`>${label}</span>`);
  });
});
