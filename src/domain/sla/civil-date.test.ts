// parseIsoInstant reads the stored form ("YYYY-MM-DDTHH:MM:SS.sssZ") on a
// fast path of its own; it must agree with Date and with the general reader
// on every string, valid or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from './civil-date';

const FIRST = new Date('0000-01-01T00:00:00.000Z').getTime();
const LAST = new Date('9999-12-31T23:59:59.999Z').getTime();
const instant = fc.integer({ min: FIRST, max: LAST });
/** Instants near the edges the arithmetic is most likely to get wrong: leap days, year and century ends. */
const edgy = fc
  .tuple(
    fc.constantFrom(0, 1, 99, 100, 400, 1600, 1900, 1969, 1970, 1971, 2000, 2024, 2026, 2100, 2400, 9999),
    fc.constantFrom(0, 1, 2, 11),
    fc.integer({ min: -1, max: 1 }),
  )
  .map(([y, m, dd]) => {
    const d = new Date(0);
    d.setUTCFullYear(y, m, m === 1 ? 29 : 1);
    return Math.min(LAST, Math.max(FIRST, d.getTime() + dd));
  });

describe('parseIsoInstant on the stored form', () => {
  it('reads every instant of years 0000-9999 as Date wrote it', () => {
    fc.assert(
      fc.property(fc.oneof(instant, edgy), (ms) => {
        const text = new Date(ms).toISOString();
        expect(text).toHaveLength(24);
        expect(parseIsoInstant(text)).toBe(ms);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('accepts and refuses exactly what the general reader does, character by character', () => {
    const chars = fc.constantFrom(...'0123456789-:.TZ+ x'.split(''));
    fc.assert(
      fc.property(instant, fc.array(fc.tuple(fc.integer({ min: 0, max: 22 }), chars), { minLength: 1, maxLength: 3 }), (ms, edits) => {
        const body = new Date(ms).toISOString().slice(0, 23).split('');
        for (const [at, c] of edits) body[at] = c;
        const stored = `${body.join('')}Z`;
        // The same instant written with an explicit offset takes the general path.
        const general = `${body.join('')}+00:00`;
        expect(Object.is(parseIsoInstant(stored), parseIsoInstant(general)), `${stored} vs ${general}`).toBe(true);
      }),
      { seed: 12, numRuns: 3000 },
    );
  });
});
