import { describe, expect, it, vi } from 'vitest';
import { installPermissionHandlers, isPermissionGranted } from '../../../electron/main/permissions';

const trusted = ['app://switchboard'];

describe('isPermissionGranted', () => {
  it('grants notifications to the app', () => {
    expect(isPermissionGranted('notifications', 'app://switchboard/index.html', trusted)).toBe(true);
    expect(isPermissionGranted('notifications', 'app://switchboard', trusted)).toBe(true);
  });

  it.each(['https://evil.example/', 'app://user@switchboard/', 'file:///', ''])('denies notifications to %s', (origin) => {
    expect(isPermissionGranted('notifications', origin, trusted)).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'pointerLock',
    'unknown',
  ])('denies %s even to the app', (permission) => {
    expect(isPermissionGranted(permission, 'app://switchboard/index.html', trusted)).toBe(false);
  });
});

describe('installPermissionHandlers', () => {
  function install() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installPermissionHandlers(session as never, trusted);
    return {
      request: session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details: { requestingUrl: string },
      ) => void,
      check: session.setPermissionCheckHandler.mock.calls[0]?.[0] as (contents: unknown, permission: string, origin: string) => boolean,
      device: session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean,
    };
  }

  it('answers requests: notifications yes, camera no', () => {
    const { request } = install();
    const callback = vi.fn();
    request(null, 'notifications', callback, { requestingUrl: 'app://switchboard/index.html' });
    request(null, 'media', callback, { requestingUrl: 'app://switchboard/index.html' });
    expect(callback.mock.calls).toEqual([[true], [false]]);
  });

  it('answers checks the same way', () => {
    const { check } = install();
    expect(check(null, 'notifications', 'app://switchboard')).toBe(true);
    expect(check(null, 'geolocation', 'app://switchboard')).toBe(false);
    expect(check(null, 'notifications', 'https://evil.example')).toBe(false);
  });

  it('denies every device (USB, HID, serial)', () => {
    expect(install().device()).toBe(false);
  });
});
