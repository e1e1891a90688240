import { describe, expect, it, vi } from 'vitest';
import type { IncomingCallLink } from '../../../src/bridge/contract';
import { startCallLinks, type CallLinkWiring } from '../../../src/app/intake/call-link-listener';

/** A bridge whose callLinks.next answers with what the test pushes, in order. */
function fakeLinks() {
  const waiting: Array<(link: IncomingCallLink | null) => void> = [];
  const queued: Array<IncomingCallLink | null> = [];
  const nextLink = vi.fn(
    () =>
      new Promise<IncomingCallLink | null>((resolve) => {
        const link = queued.shift();
        if (link !== undefined) resolve(link);
        else waiting.push(resolve);
      }),
  );
  const push = async (link: IncomingCallLink | null) => {
    const answer = waiting.shift();
    if (answer) answer(link);
    else queued.push(link);
    // Let the listener take it and ask again.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { nextLink, push };
}

function wiring(search: string, nextLink: CallLinkWiring['nextLink'] = () => new Promise(() => {})) {
  return { search, replaceSearch: vi.fn(), nextLink, offer: vi.fn(), refuse: vi.fn() } satisfies CallLinkWiring;
}

describe('startCallLinks, ?call= on the console URL', () => {
  it('offers the number and takes the call out of the address, keeping the rest', () => {
    const w = wiring('?db=e2e&call=%2B19135550142&server=http://127.0.0.1:8812');
    startCallLinks(w);
    expect(w.offer.mock.calls).toEqual([[{ from: '+19135550142', source: 'url' }]]);
    expect(w.replaceSearch.mock.calls).toEqual([['?db=e2e&server=http://127.0.0.1:8812']]);
    expect(w.refuse).not.toHaveBeenCalled();
  });

  it('offers nothing for a hostile number, says why, and still takes it out of the address', () => {
    const w = wiring('?call=%3Cscript%3Ealert(1)%3C/script%3E');
    startCallLinks(w);
    expect(w.offer).not.toHaveBeenCalled();
    expect(w.refuse.mock.calls).toEqual([[expect.stringMatching(/^The call link was refused: .*characters no phone number has/)]]);
    expect(w.replaceSearch.mock.calls).toEqual([['']]);
  });

  it('leaves an address without a call alone', () => {
    const w = wiring('?db=e2e&demo=0');
    startCallLinks(w);
    expect(w.replaceSearch).not.toHaveBeenCalled();
    expect(w.offer).not.toHaveBeenCalled();
    expect(w.refuse).not.toHaveBeenCalled();
  });
});

describe('startCallLinks, desktop call links', () => {
  it('offers each link’s number as it comes, and tells of a refused one without offering it', async () => {
    const links = fakeLinks();
    const w = wiring('', links.nextLink);
    startCallLinks(w);
    await links.push({ from: '913-555-0142' });
    await links.push({ refused: 'The call link was refused: it has from= more than once.' });
    await links.push({ from: '+442079460958' });
    expect(w.offer.mock.calls).toEqual([[{ from: '913-555-0142', source: 'link' }], [{ from: '+442079460958', source: 'link' }]]);
    expect(w.refuse.mock.calls).toEqual([['The call link was refused: it has from= more than once.']]);
  });

  it('stops asking when the bridge says there are no more links for this page', async () => {
    const links = fakeLinks();
    startCallLinks(wiring('', links.nextLink));
    await links.push(null);
    expect(links.nextLink).toHaveBeenCalledTimes(1);
  });

  it('offers nothing that comes after it was stopped', async () => {
    const links = fakeLinks();
    const w = wiring('', links.nextLink);
    const stop = startCallLinks(w);
    stop();
    await links.push({ from: '913-555-0142' });
    expect(w.offer).not.toHaveBeenCalled();
  });

  it('stops asking when the bridge refuses the page', async () => {
    const nextLink = vi.fn(async (): Promise<IncomingCallLink | null> => {
      throw new Error('callLinks:next refused: the sender is not the app.');
    });
    startCallLinks(wiring('', nextLink));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(nextLink).toHaveBeenCalledTimes(1);
  });
});
