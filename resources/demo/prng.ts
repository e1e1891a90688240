/** mulberry32: a tiny seeded PRNG so demo data is the same on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A UUIDv7-shaped id from a timestamp and the PRNG, so generated ids sort by time like real ones. */
export function uuidv7At(ms: number, random: () => number): string {
  const hex = (n: number, len: number) => Math.floor(n).toString(16).padStart(len, '0');
  const ts = hex(ms, 12);
  const r = () => hex(random() * 0x10000, 4);
  const variant = (0x8000 | Math.floor(random() * 0x4000)).toString(16);
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
}
