import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webFallbackBridge } from '../../../src/app/bridge/web-fallback';
import { isAllowedExternalUrl, refusedExternalLinkMessage } from '../../../src/bridge/external-links';
import { ALLOWED_LINKS, HOSTILE_LINKS } from './hostile-links';

// The desktop IPC handler's use of the rule is tried in ipc-handlers.test.ts
// with the same lists.

describe('isAllowedExternalUrl', () => {
  it.each(ALLOWED_LINKS)('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each(HOSTILE_LINKS)('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('the web fallback opens links by the same rule', () => {
  const open = vi.fn();

  beforeEach(() => {
    open.mockReset();
    vi.stubGlobal('window', { open });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each(ALLOWED_LINKS)('opens %s in a new tab without an opener', async (url) => {
    await webFallbackBridge.links.openExternal(url);
    expect(open).toHaveBeenCalledWith(url, '_blank', 'noopener,noreferrer');
  });

  it.each(HOSTILE_LINKS)('refuses %s and says which links are allowed', async (url) => {
    await expect(webFallbackBridge.links.openExternal(url)).rejects.toThrow(refusedExternalLinkMessage(url));
    expect(open).not.toHaveBeenCalled();
  });
});
