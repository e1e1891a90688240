import type { WebContents } from 'electron';
import { shell } from 'electron';
import { isAllowedExternalUrl } from '../../src/bridge/external-links';
import { isTrustedAppUrl } from './trusted-url';

// A page that navigates away takes the preload bridge with it, so the app
// never leaves its own origin: no navigation, redirect or new window goes
// anywhere else. Allow-listed https links open in the user's browser instead.

type NavigationEvent = { url: string; preventDefault(): void };

export function guardNavigation(contents: WebContents, trusted: readonly string[]): void {
  const handOff = (url: string): void => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  };
  const stayInApp = (event: NavigationEvent): void => {
    if (isTrustedAppUrl(event.url, trusted)) return;
    event.preventDefault();
    handOff(event.url);
  };

  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    handOff(url);
    return { action: 'deny' };
  });
}
