// Runs electron-builder --dir for real against a stand-in Electron distribution (a tiny file carrying the fuse
// sentinel and Electron's default fuse wire), since the Electron binary cannot be downloaded here. It proves the
// config packs out/ and resources/ into the asar, unpacks the native addons, and that the afterPack hook flips the
// fuses the release way. ~20 s and 80 MB of temp files; runs on Linux unless COCKPIT_PACKAGING_TEST=0.
import { getCurrentFuseWire } from '@electron/fuses';
import { getRawHeader } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';
import { fuseMap } from '../../../resources/packaging/fuses.mjs';

const root = join(import.meta.dirname, '../../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults for the 9 v1 fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, …
const DEFAULT_WIRE = '101100011';
const enabled = process.env.COCKPIT_PACKAGING_TEST !== '0' && process.platform === 'linux';
if (!enabled) console.warn('[packaging] stand-in electron-builder run skipped: it runs on Linux unless COCKPIT_PACKAGING_TEST=0.');

describe.skipIf(!enabled)('electron-builder --dir with a stand-in Electron', () => {
  const dir = tempDir('cockpit-pack-');
  afterAll(() => dir.cleanup());

  function pack(testBuild: boolean) {
    const dist = join(dir.path, testBuild ? 'electron-test' : 'electron');
    mkdirSync(join(dist, 'resources'), { recursive: true });
    writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n# '), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE + '\n')]));
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'version'), '45.4.1');
    writeFileSync(join(dist, 'LICENSE'), '');
    const out = join(dir.path, testBuild ? 'out-test' : 'out');
    const r = spawnSync(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), '--linux', '--x64', '--dir', `-c.electronDist=${dist}`, `-c.directories.output=${out}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, COCKPIT_TEST_BUILD: testBuild ? '1' : '' },
      timeout: 240_000,
    });
    expect(r.status, (r.stdout + r.stderr).split("\n").filter((l) => !l.includes("duplicate dependency")).join("\n").slice(-3000)).toBe(0);
    return join(out, 'linux-unpacked');
  }

  it('packs the app into an asar, unpacks the native addons, and flips release fuses', async () => {
    const app = pack(false);
    const asar = join(app, 'resources/app.asar');
    const header = getRawHeader(asar).header as { files: Record<string, unknown> };
    const has = (path: string) => path.split('/').reduce<unknown>((node, part) => (node as { files?: Record<string, unknown> } | undefined)?.files?.[part], header) !== undefined;
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'resources/trayTemplate.png', 'resources/tray.ico', 'package.json']) expect(has(f), f).toBe(true);
    for (const f of ['node_modules/better-sqlite3/prebuilds/linux-x64.node', 'node_modules/@nut-tree-fork/libnut-linux/build/Release/libnut.node']) {
      expect(existsSync(join(app, 'resources/app.asar.unpacked', f)), f).toBe(true);
    }
    const wire = await getCurrentFuseWire(join(app, 'trading-cockpit'));
    for (const [fuse, on] of Object.entries(fuseMap({ testBuild: false }))) expect(wire[Number(fuse) as 0], `fuse ${fuse}`).toBe(on ? 49 : 48);
  }, 300_000);

  it('keeps the inspect arguments only in a test build', async () => {
    const wire = await getCurrentFuseWire(join(pack(true), 'trading-cockpit'));
    for (const [fuse, on] of Object.entries(fuseMap({ testBuild: true }))) expect(wire[Number(fuse) as 0], `fuse ${fuse}`).toBe(on ? 49 : 48);
  }, 300_000);
});
