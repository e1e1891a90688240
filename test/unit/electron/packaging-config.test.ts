import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import electronViteConfig from '../../../electron.vite.config';

// Packaging needs the Electron binary, which this machine cannot download,
// so the settings are checked here against electron-builder's own schema.

const root = new URL('../../../', import.meta.url);
const builderConfig = YAML.parse(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration validation", async () => {
    const require = createRequire(new URL('package.json', root));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(builderConfig, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(builderConfig).toMatchObject({ appId: 'com.switchboard.console', productName: 'Switchboard', asar: true });
  });

  it("packs electron-vite's output", () => {
    expect(builderConfig['files']).toContain('out/**');
  });

  it('declares the switchboard: scheme that call links use, for the macOS bundle and the Linux desktop entry', () => {
    expect(builderConfig['protocols']).toEqual([{ name: 'Switchboard call', schemes: ['switchboard'] }]);
  });

  it('makes the Linux desktop entry a handler for switchboard: links that passes the link on', async () => {
    // electron-builder's own writer of the .desktop file, with only what it reads of a packager.
    const require = createRequire(new URL('package.json', root));
    const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
      LinuxTargetHelper: new (packager: unknown) => { computeDesktopEntry(options: unknown): Promise<string> };
    };
    const linux = builderConfig['linux'];
    const packager = {
      appInfo: { productName: 'Switchboard', sanitizedProductName: 'Switchboard', description: 'Help desk console' },
      executableName: 'switchboard',
      info: { metadata: { desktopName: 'switchboard.desktop' } },
      config: builderConfig,
      platformSpecificBuildOptions: linux,
      fileAssociations: [],
    };
    const entry = await new LinuxTargetHelper(packager).computeDesktopEntry(linux);
    expect(entry).toMatch(/^MimeType=x-scheme-handler\/switchboard;$/m);
    expect(entry).toMatch(/^Exec=.* %U$/m);
  });

  it('flips the Electron fuses that close Node-runtime and tampering holes', () => {
    expect(builderConfig['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage and deb, NSIS, and dmg', () => {
    expect(builderConfig).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });
});

describe('electron.vite.config.ts', () => {
  const config = electronViteConfig as {
    main: { build: { lib: { entry: string } } };
    preload: { build: { externalizeDeps: boolean; lib: { entry: string }; rolldownOptions: { output: Record<string, unknown> } } };
    renderer: { root: string; build: { outDir: string; rolldownOptions: { input: string } } };
  };

  it('builds main from electron/main', () => {
    expect(config.main.build.lib.entry).toMatch(/electron[\\/]main[\\/]index\.ts$/);
  });

  it('bundles the preload as self-contained CommonJS, as a sandboxed preload requires', () => {
    expect(config.preload.build.lib.entry).toMatch(/electron[\\/]preload[\\/]index\.ts$/);
    expect(config.preload.build.externalizeDeps).toBe(false);
    expect(config.preload.build.rolldownOptions.output).toMatchObject({
      format: 'cjs',
      entryFileNames: '[name].cjs',
      codeSplitting: false,
    });
  });

  it('loads that preload file from the main process', () => {
    expect(readFileSync(new URL('electron/main/index.ts', root), 'utf8')).toContain("'../preload/index.cjs'");
  });

  it('builds the React renderer from src/app into out/renderer', () => {
    expect(config.renderer.root).toBe('src/app');
    expect(config.renderer.build.outDir).toBe('out/renderer');
    expect(config.renderer.build.rolldownOptions.input).toMatch(/src[\\/]app[\\/]index\.html$/);
  });
});
