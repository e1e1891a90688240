import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../../playwright.config';

// Which project runs which spec, tried on the real files: the patterns are
// matched against absolute paths, so they must hold wherever the repo is
// checked out (including a folder named electron).

const e2eDir = fileURLToPath(new URL('../../e2e/', import.meta.url));
const specs = readdirSync(e2eDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.spec.ts'))
  .map((file) => path.join(e2eDir, file));

function project(name: string) {
  const found = config.projects?.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} project`);
  return found;
}

const matches = (pattern: unknown, file: string): boolean => {
  if (!(pattern instanceof RegExp)) throw new Error(`expected a RegExp, got ${String(pattern)}`);
  return pattern.test(file);
};

describe('the Playwright projects', () => {
  const electronSpecs = specs.filter((file) => file.includes(`${path.sep}e2e${path.sep}electron${path.sep}`));
  const webSpecs = specs.filter((file) => !electronSpecs.includes(file));

  it('finds specs of both kinds', () => {
    expect(electronSpecs.length).toBeGreaterThan(0);
    expect(webSpecs.length).toBeGreaterThan(0);
  });

  it('runs the Electron specs, and only those, in the electron project', () => {
    expect(specs.filter((file) => matches(project('electron').testMatch, file))).toEqual(electronSpecs);
  });

  it('runs every other spec in the web project', () => {
    expect(specs.filter((file) => !matches(project('web').testIgnore, file))).toEqual(webSpecs);
  });
});
