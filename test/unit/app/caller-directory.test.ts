// The desk's caller directory (src/app/intake/caller-index.ts): built once per
// desk at the first read of its contacts, then rebuilt after a burst of changes
// settles, answering from the previous index meanwhile.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callerDirectoryOf, warmCallerDirectory } from '../../../src/app/intake/caller-index';
import type { ClientsAndContacts } from '../../../src/data/client-repository';
import type { Repositories } from '../../../src/data/repositories';
import type { ContactRecord } from '../../../src/protocol/records';

const contact = (id: string, e164: string) =>
  ({ id, clientId: 'c1', name: id, phones: [{ e164, extension: null }], emails: [] }) as unknown as ContactRecord;

function fakeRepos() {
  let emit: (data: ClientsAndContacts) => void = () => {};
  let subscriptions = 0;
  const repos = {
    clients: {
      live: () => ({
        subscribe: (o: { next: (d: ClientsAndContacts) => void }) => {
          subscriptions++;
          emit = o.next;
          return { unsubscribe() {} };
        },
      }),
    },
  } as unknown as Repositories;
  return { repos, emit: (contacts: ContactRecord[]) => emit({ clients: [], contacts }), subscriptions: () => subscriptions };
}

describe('caller directory', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the contacts once per desk, however often it is warmed', () => {
    const desk = fakeRepos();
    warmCallerDirectory(desk.repos);
    warmCallerDirectory(desk.repos);
    expect(desk.subscriptions()).toBe(1);
    expect(callerDirectoryOf(desk.repos)).toBeUndefined();
  });

  it('builds the first read at once, then keeps answering from it until a burst of changes settles', () => {
    const desk = fakeRepos();
    warmCallerDirectory(desk.repos);
    desk.emit([contact('rachel', '+19135550142')]);
    const first = callerDirectoryOf(desk.repos);
    expect(first?.index.find('0142').map((m) => m.contactId)).toEqual(['rachel']);

    desk.emit([contact('rachel', '+19135550142'), contact('dana', '+18165550142')]);
    desk.emit([contact('rachel', '+19135550142'), contact('dana', '+18165550142'), contact('tom', '+13125550142')]);
    expect(callerDirectoryOf(desk.repos)).toBe(first);

    vi.runAllTimers();
    expect(
      callerDirectoryOf(desk.repos)
        ?.index.find('0142')
        .map((m) => m.contactId),
    ).toEqual(['dana', 'rachel', 'tom']);
    expect(callerDirectoryOf(desk.repos)?.contacts.size).toBe(3);
  });
});
