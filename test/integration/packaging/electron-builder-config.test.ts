import { FuseV1Options } from '@electron/fuses';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fuseConfig, fuseMap, isTestBuild } from '../../../resources/packaging/fuses.mjs';

const root = join(import.meta.dirname, '../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const targets = (platform: { target: Array<{ target: string; arch: string[] }> }) => Object.fromEntries(platform.target.map((t) => [t.target, [...t.arch].sort()]));

describe('electron-builder.yml', () => {
  it('packs only the build output and resources, unpacking native addons from the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/**']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('builds per-user NSIS installers for x64 and arm64 with a desktop shortcut', () => {
    expect(targets(config.win)).toEqual({ nsis: ['arm64', 'x64'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: true });
  });

  it('builds a DMG and a zip (needed by the updater) for both mac architectures, hardened, notarized from the environment', () => {
    expect(targets(config.mac)).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    // No credential may be written into the config: they come from APPLE_ID / APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID.
    expect(JSON.stringify(config)).not.toMatch(/appleId|password|teamId|cscLink/i);
  });

  it('publishes drafts to GitHub and flips fuses in the afterPack hook', () => {
    expect(config.publish).toMatchObject({ provider: 'github', releaseType: 'draft' });
    expect(config.electronFuses).toBeUndefined();
    expect(existsSync(join(root, config.afterPack))).toBe(true);
  });

  it('has the icons it names, and the tray images', () => {
    for (const file of [config.win.icon, config.mac.icon, 'resources/tray.ico', 'resources/trayTemplate.png', 'resources/trayTemplate@2x.png']) expect(existsSync(join(root, file)), file).toBe(true);
    const png = readFileSync(join(root, config.mac.icon));
    // IHDR width and height (big-endian at bytes 16 and 20): electron-builder needs at least 512 px for the icns.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
    for (const ico of [config.win.icon, 'resources/tray.ico']) expect(readFileSync(join(root, ico)).readUInt32BE(0)).toBe(0x00000100);
  });
});

describe('the fuse map', () => {
  const prod = fuseMap({ testBuild: false });

  it('locks down a release build', () => {
    expect(prod).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('differs in a test build only by keeping the inspect arguments for Playwright', () => {
    expect(fuseMap({ testBuild: true })).toEqual({ ...prod, [FuseV1Options.EnableNodeCliInspectArguments]: true });
    expect(isTestBuild({ COCKPIT_TEST_BUILD: '1' })).toBe(true);
    expect(isTestBuild({ COCKPIT_TEST_BUILD: 'true' })).toBe(false);
    expect(isTestBuild({})).toBe(false);
  });

  it('re-signs ad hoc only for arm64 macOS binaries', () => {
    expect(fuseConfig({ testBuild: false, platform: 'darwin', arm64: true })).toMatchObject({ version: '1', resetAdHocDarwinSignature: true });
    expect(fuseConfig({ testBuild: false, platform: 'darwin', arm64: false }).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig({ testBuild: false, platform: 'win32', arm64: true }).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('the afterPack hook', () => {
  it('hands the release or test fuse config to electron-builder for the packed binary', async () => {
    const { default: afterPack } = await import('../../../resources/packaging/after-pack.mjs');
    const seen: unknown[] = [];
    const context = { electronPlatformName: 'darwin', arch: 3, appOutDir: '/x', packager: { addElectronFuses: async (_ctx: unknown, fuses: unknown) => void seen.push(fuses) } };
    const before = process.env.COCKPIT_TEST_BUILD;
    try {
      delete process.env.COCKPIT_TEST_BUILD;
      await afterPack(context);
      process.env.COCKPIT_TEST_BUILD = '1';
      await afterPack({ ...context, electronPlatformName: 'win32', arch: 1 });
    } finally {
      if (before === undefined) delete process.env.COCKPIT_TEST_BUILD;
      else process.env.COCKPIT_TEST_BUILD = before;
    }
    expect(seen).toEqual([fuseConfig({ testBuild: false, platform: 'darwin', arm64: true }), fuseConfig({ testBuild: true, platform: 'win32', arm64: false })]);
  });
});
