import { describe, expect, it } from 'vitest';
import { buildNameIndex, foldName, nameEntries } from './name-index';

const index = buildNameIndex(
  nameEntries(
    [
      { id: 'c1', name: 'Harbor Dental Group' },
      { id: 'c2', name: 'Prairie Grain Cooperative' },
      { id: 'c3', name: 'Café Zoë Bistro' },
    ],
    [
      { id: 'k1', clientId: 'c2', name: 'José Ångström' },
      { id: 'k2', clientId: 'c1', name: 'Dana Harbison' },
    ],
  ),
);

describe('finding clients and contacts by part of a name', () => {
  it.each([
    ['harb', ['c1', 'k2']],
    ['HARBOR', ['c1']],
    ['dental', ['c1']],
    ['ental', ['c1']],
    ['cafe zoe', ['c3']],
    ['zoë', ['c3']],
    ['angstr', ['k1']],
    ['jose', ['k1']],
    ['ha', ['c1', 'k2']],
    ['coop', ['c2']],
    ['xyz', []],
    ['  ', []],
  ])('%j finds %j', (query, ids) => {
    expect(
      index
        .search(query)
        .map((h) => h.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('a contact hit leads to its client', () => {
    expect(index.search('angstrom')).toMatchObject([{ kind: 'contact', id: 'k1', clientId: 'c2' }]);
  });

  it('puts word starts before matches inside a word, clients before contacts', () => {
    expect(index.search('har').map((h) => h.id)).toEqual(['c1', 'k2']);
    expect(index.search('rbor').map((h) => h.prefix)).toEqual([false]);
  });

  it('folds case, accents and spaces', () => {
    expect(foldName('  Zoë   ÅNGSTRÖM ')).toBe('zoe angstrom');
  });
});
