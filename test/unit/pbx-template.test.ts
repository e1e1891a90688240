// The shipped 3CX template (resources/pbx/3cx-switchboard.xml) against the
// lookup's contract: it calls the lookup route with the number and the key,
// and every path it reads is a field the server answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PbxLookupResponse } from '../../src/protocol';

const template = readFileSync(new URL('../../resources/pbx/3cx-switchboard.xml', import.meta.url), 'utf8');

const answer: PbxLookupResponse = {
  found: true,
  contact: { id: 'c', name: 'n', role: 'r', phone: 'p', email: 'e' },
  client: { id: 'k', name: 'n' },
  matches: 1,
  consoleUrl: 'switchboard://call?from=%2B1',
  webUrl: 'https://desk.example.com/?call=%2B1',
};

function resolve(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

describe('the 3CX template', () => {
  it('asks the lookup route with the caller number and the integration key', () => {
    const urls = [...template.matchAll(/Url="([^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual(['[ServerUrl]/api/pbx/lookup?number=[Number]&amp;key=[IntegrationKey]']);
  });

  it('reads only fields the lookup answers, and links the contact to the console', () => {
    const paths = [...template.matchAll(/Path="([^"]*)"/g)].map((m) => m[1]!);
    const rules = [...template.matchAll(/<Rule Type="Any">([^<]*)<\/Rule>/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    expect(rules.length).toBeGreaterThan(0);
    expect([...paths, ...rules].filter((p) => resolve(answer, p) === undefined)).toEqual([]);
    expect(template).toMatch(/<Output Type="ContactUrl"[^>]*\[ConsoleUrl\]/);
  });
});
