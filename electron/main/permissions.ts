import type { Session } from 'electron';
import { isTrustedAppUrl } from './trusted-url';

// Deny by default: a help-desk console needs no camera, location, USB or
// clipboard access. Notifications are the one exception, and only for the
// app's own pages.

const GRANTED = new Set<string>(['notifications']);

export function isPermissionGranted(permission: string, requestingUrl: string, trusted: readonly string[]): boolean {
  return GRANTED.has(permission) && isTrustedAppUrl(requestingUrl, trusted);
}

export function installPermissionHandlers(session: Session, trusted: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, trusted));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, trusted),
  );
  session.setDevicePermissionHandler(() => false);
}
