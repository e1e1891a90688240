// Which links may leave Switchboard for the user's browser. One rule for the
// desktop main process and the browser fallback, so the two cannot drift.
// Pure and DOM-free (only the URL global), so both can import it.
// Parse, then compare parts: a prefix or substring match would pass
// `https://evil.example/?next=https://docs.switchboard.example`.

/** The only hosts a link may open outside Switchboard (desktop and browser alike), over https. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.switchboard.example', 'docs.switchboard.example'];

/** True for an https link, without credentials or a custom port, to an allow-listed host. */
export function isAllowedExternalUrl(raw: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && hosts.includes(url.hostname);
}

/** What a refused link is told, the same in both runtimes. */
export function refusedExternalLinkMessage(raw: string): string {
  return `Refused to open ${raw}: only https links to ${EXTERNAL_LINK_HOSTS.join(', ')} open outside Switchboard.`;
}
