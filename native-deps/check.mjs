#!/usr/bin/env node
// Runs in: Node (`npm run check:native`). Verifies the native addons load under this Node and suit Electron and every release target.
// Exit code 1 when a module fails for the current platform; other release targets only warn (they are checked on their own CI runner).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const RELEASE_TARGETS = ['win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64', 'linux-x64'];
const here = `${process.platform}-${process.arch}`;
let failures = 0;
const ok = (m) => console.log(`  ok    ${m}`);
const warn = (m) => console.log(`  WARN  ${m}`);
const fail = (m, fix) => {
  failures++;
  console.log(`  FAIL  ${m}${fix ? `\n        fix: ${fix}` : ''}`);
};

/** N-API addons export napi_register_module_v1; ABI-specific (NAN) ones export node_register_module_v<ABI>. */
export function classify(bytes) {
  const text = bytes.toString('latin1');
  const abi = /node_register_module_v(\d+)/.exec(text);
  if (/napi_register_module_v1/.test(text)) return { kind: 'n-api' };
  if (abi) return { kind: 'abi', abi: Number(abi[1]) };
  return { kind: 'unknown' };
}

/** CPU architectures in an ELF, PE or (fat) Mach-O file, as Node names them. */
export function architectures(bytes) {
  if (bytes.readUInt32BE(0) === 0x7f454c46) return [{ 0x3e: 'x64', 0xb7: 'arm64' }[bytes.readUInt16LE(18)] ?? 'unknown'];
  if (bytes.readUInt16LE(0) === 0x5a4d) {
    const pe = bytes.readUInt32LE(0x3c);
    return [{ 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' }[bytes.readUInt16LE(pe + 4)] ?? 'unknown'];
  }
  const cpu = (t) => ({ 0x01000007: 'x64', 0x0100000c: 'arm64' })[t] ?? 'unknown';
  if (bytes.readUInt32BE(0) === 0xcafebabe) {
    const n = bytes.readUInt32BE(4);
    return Array.from({ length: n }, (_, i) => cpu(bytes.readUInt32BE(8 + i * 20)));
  }
  if (bytes.readUInt32LE(0) === 0xfeedfacf) return [cpu(bytes.readUInt32LE(4))];
  return ['unknown'];
}

export function formatOf(bytes) {
  if (bytes.readUInt32BE(0) === 0x7f454c46) return 'linux';
  if (bytes.readUInt16LE(0) === 0x5a4d) return 'win32';
  return 'darwin';
}

const pkgDir = (name) => {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
};

/** Every native binary shipped with a module, tagged with the platform-arch pairs it serves. */
function binariesOf(dirs) {
  const found = [];
  for (const dir of dirs.filter(Boolean)) {
    for (const sub of ['prebuilds', 'build/Release']) {
      const d = join(dir, sub);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d)) {
        if (!f.endsWith('.node')) continue;
        const file = join(d, f);
        const bytes = readFileSync(file);
        const musl = f.includes('musl');
        found.push({ file, ...classify(bytes), targets: musl ? [] : architectures(bytes).map((a) => `${formatOf(bytes)}-${a}`) });
      }
    }
  }
  return found;
}

const MODULES = [
  {
    name: 'better-sqlite3',
    dirs: () => [pkgDir('better-sqlite3')],
    load: `const D = require('better-sqlite3'); const db = new D(':memory:'); if (db.prepare('select 41 + 1 as v').get().v !== 42) throw new Error('bad query'); db.close();`,
  },
  {
    name: '@nut-tree-fork/libnut',
    dirs: () => ['libnut-linux', 'libnut-darwin', 'libnut-win32'].map((p) => pkgDir(`@nut-tree-fork/${p}`)),
    load: `const m = require('@nut-tree-fork/libnut-${process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux'}'); if (typeof m.getScreenSize !== 'function' && typeof (m.default ?? {}).getScreenSize !== 'function') throw new Error('no getScreenSize export');`,
  },
];

function electronInfo() {
  const dir = pkgDir('electron');
  if (!dir) return null;
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const abiFile = join(dir, 'abi_version');
  const abi = existsSync(abiFile) ? Number(readFileSync(abiFile, 'utf8').trim()) : null;
  let binary = null;
  try {
    const path = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    if (existsSync(join(dir, 'dist', path))) binary = join(dir, 'dist', path);
  } catch {
    binary = null;
  }
  return { version, abi, binary };
}

function loadIn(execPath, code, env = {}) {
  const r = spawnSync(execPath, ['-e', code], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? null : (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ');
}

function main() {
  const electron = electronInfo();
  console.log(`Node ${process.version} (ABI ${process.versions.modules}, N-API ${process.versions.napi}) on ${here}`);
  console.log(electron ? `Electron ${electron.version} (ABI ${electron.abi ?? '?'}), binary ${electron.binary ? 'present' : 'absent (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?)'}` : 'Electron not installed');

  for (const mod of MODULES) {
    console.log(`\n${mod.name}`);
    const bins = binariesOf(mod.dirs());
    if (bins.length === 0) {
      fail('no native binary found', `npm ci (the module's prebuilt binary is missing)`);
      continue;
    }
    for (const b of bins) {
      const where = relative(root, b.file);
      if (b.kind === 'n-api') ok(`${where}: N-API (${b.targets.join(', ') || 'musl'}), works in Node and Electron without a rebuild`);
      else if (b.kind === 'abi' && electron?.abi != null && b.abi !== electron.abi) {
        const forHere = b.targets.includes(here);
        (forHere ? fail : warn)(`${where}: built for Node ABI ${b.abi}, Electron ${electron.version} needs ABI ${electron.abi}`, forHere ? `npx @electron/rebuild -f -w ${mod.name}` : undefined);
      } else warn(`${where}: ${b.kind === 'abi' ? `ABI ${b.abi}` : 'not recognised as a Node addon'}`);
    }
    for (const target of RELEASE_TARGETS) {
      if (bins.some((b) => b.targets.includes(target))) continue;
      const msg = `no binary for release target ${target}`;
      if (target === here) fail(msg, `npm ci on ${here}, or build it: npm rebuild ${mod.name} --build-from-source`);
      else warn(`${msg}: the ${target} build would fail to load it (drop that target or provide a build)`);
    }
    const nodeError = loadIn(process.execPath, mod.load);
    if (nodeError) fail(`does not load under Node ${process.version}: ${nodeError}`, `npm rebuild ${mod.name} (or reinstall with the Node version you run)`);
    else ok(`loads under Node ${process.version}`);
    if (electron?.binary) {
      const electronError = loadIn(electron.binary, mod.load, { ELECTRON_RUN_AS_NODE: '1' });
      if (electronError) fail(`does not load under Electron ${electron.version}: ${electronError}`, `npx @electron/rebuild -f -w ${mod.name}`);
      else ok(`loads under Electron ${electron.version}`);
    } else if (electron) {
      console.log(`  skip  load test under Electron: binary absent; the static N-API check above stands in for it`);
    }
  }
  console.log(failures ? `\n${failures} problem(s) for ${here}.` : `\nAll native modules are usable on ${here}.`);
  process.exitCode = failures ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
