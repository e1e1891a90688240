// Where a ringing phone's number enters the page (docs/domain/phone-intake.md,
// "Call links"): `?call=` on the console's own URL (a browser, or any phone
// system that opens a web address), and switchboard://call links that the
// desktop's main process has already read (bridge callLinks.next). Each
// number is offered to the intake screen through the incoming-call store,
// still as text; a refused link offers nothing and says why.
import type { IncomingCallLink } from '../../bridge/contract';
import { readCallQuery, withoutCallQuery } from '../../domain/call-link';
import type { IncomingCall } from './incoming-call-store';

export interface CallLinkWiring {
  /** location.search when the console starts. */
  search: string;
  /** Puts the query without its call parameter back in the address bar, so a reload does not ring again. */
  replaceSearch(search: string): void;
  /** The bridge's callLinks.next. */
  nextLink(): Promise<IncomingCallLink | null>;
  offer(call: Pick<IncomingCall, 'from' | 'source'>): void;
  /** A link came but was refused: the person is told, in these words. */
  refuse(problem: string): void;
}

/** Reads the URL's call once, then takes desktop call links as they come until stopped (the returned function). */
export function startCallLinks(wiring: CallLinkWiring): () => void {
  let stopped = false;
  const fromUrl = readCallQuery(wiring.search);
  if (fromUrl !== null) {
    wiring.replaceSearch(withoutCallQuery(wiring.search));
    if (fromUrl.ok) wiring.offer({ from: fromUrl.from, source: 'url' });
    else wiring.refuse(fromUrl.problem);
  }
  const listen = async (): Promise<void> => {
    for (;;) {
      let link: IncomingCallLink | null;
      try {
        link = await wiring.nextLink();
      } catch {
        // The bridge refused (the page is not the app's own): no links here, and no loop asking again.
        return;
      }
      // Null: a newer page is taking the links, or this host has none.
      if (stopped || link === null) return;
      if ('from' in link) wiring.offer({ from: link.from, source: 'link' });
      else wiring.refuse(link.refused);
    }
  };
  void listen();
  return () => {
    stopped = true;
  };
}
