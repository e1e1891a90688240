// Finding a client, or a contact and so their client, by part of a name, as
// fast as the person types (test/bench/clients.bench.ts: 5,000 clients and
// 50,000 contacts). Names are folded (case and accents) and cut into
// trigrams; a query looks up its rarest trigram's entries and checks each
// against the folded name, so a keystroke reads a few hundred names, not all.

/** Case- and accent-insensitive form of a name: "Zoë Ångström" → "zoe angstrom". */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface NameEntry {
  kind: 'client' | 'contact';
  id: string;
  /** The client itself, or the contact's client: where a hit leads. */
  clientId: string;
  name: string;
}

export interface NameHit extends NameEntry {
  /** The name starts with the query, or one of its words does. */
  prefix: boolean;
}

export interface NameIndex {
  readonly size: number;
  search(query: string, limit?: number): NameHit[];
}

const trigramsOf = (key: string): Set<string> => {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= key.length; i++) grams.add(key.slice(i, i + 3));
  return grams;
};

export function buildNameIndex(entries: readonly NameEntry[]): NameIndex {
  const keys = entries.map((e) => foldName(e.name));
  const postings = new Map<string, number[]>();
  keys.forEach((key, i) => {
    for (const gram of trigramsOf(key)) {
      const list = postings.get(gram);
      if (list) list.push(i);
      else postings.set(gram, [i]);
    }
  });

  function candidates(q: string): Iterable<number> {
    // One or two letters have no trigram: every name is a candidate (still one includes() each).
    if (q.length < 3) return keys.keys();
    let best: number[] | undefined;
    for (const gram of trigramsOf(q)) {
      const list = postings.get(gram);
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }

  return {
    size: entries.length,
    search(query, limit = 50) {
      const q = foldName(query);
      if (q === '') return [];
      // Rank buckets: word starts before matches inside a word, clients before contacts.
      const buckets: number[][] = [[], [], [], []];
      for (const i of candidates(q)) {
        const key = keys[i]!;
        const at = key.indexOf(q);
        if (at < 0) continue;
        const prefix = at === 0 || key[at - 1] === ' ';
        buckets[(prefix ? 0 : 2) + (entries[i]!.kind === 'client' ? 0 : 1)]!.push(i);
      }
      // A common query matches thousands of names; only the ones shown are sorted by name and built into hits.
      const hits: NameHit[] = [];
      buckets.forEach((bucket, b) => {
        if (hits.length >= limit) return;
        bucket.sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
        for (const i of bucket.slice(0, limit - hits.length)) hits.push({ ...entries[i]!, prefix: b < 2 });
      });
      return hits;
    },
  };
}

/** Every client and contact of the desk as index entries. */
export function nameEntries(
  clients: readonly { id: string; name: string }[],
  contacts: readonly { id: string; clientId: string; name: string }[],
): NameEntry[] {
  return [
    ...clients.map((c): NameEntry => ({ kind: 'client', id: c.id, clientId: c.id, name: c.name })),
    ...contacts.map((c): NameEntry => ({ kind: 'contact', id: c.id, clientId: c.clientId, name: c.name })),
  ];
}
