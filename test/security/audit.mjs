#!/usr/bin/env node
// Runs in: Node (`npm run audit:security`). electronegativity over src-main and the built out/, then npm audit of production deps.
// Flags: --online   also run electronegativity's AvailableSecurityFixesGlobalCheck (fetches Electron releases);
//        --require-npm-audit   fail when the registry's audit endpoint cannot be reached (CI sets it);
//        --skip-npm-audit      electronegativity only (the test suite uses it).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingsFromCsv, gate, gateNpmAudit } from './electronegativity-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const args = new Set(process.argv.slice(2));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const justifiedChecks = JSON.parse(readFileSync(join(here, 'electronegativity-justified.json'), 'utf8'));
const justifiedPackages = JSON.parse(readFileSync(join(here, 'npm-audit-justified.json'), 'utf8'));
let failed = false;

function electronegativity(target) {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-en-'));
  const csv = join(dir, 'report.csv');
  const exclude = args.has('--online') ? [] : ['-x', 'AvailableSecurityFixesGlobalCheck'];
  const argv = ['--require', join(here, 'got-no-retry.cjs'), cli, '-i', join(root, target), '-o', csv, '-r', '-v', 'false', '-e', electronVersion, ...exclude];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, argv, { cwd: root, env: { ...process.env, LANG: 'en-US', COCKPIT_EN_ONLINE: args.has('--online') ? '1' : '0' }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      try {
        if (error || !existsSync(csv)) reject(new Error(`electronegativity failed on ${target}: ${(stderr || stdout || String(error)).trim().slice(-500)}`));
        else resolve(findingsFromCsv(readFileSync(csv, 'utf8'), target));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

console.log(`electronegativity (Electron ${electronVersion}): fail on MEDIUM+ severity at FIRM+ confidence`);
const targets = ['src-main', 'out'].filter((target) => {
  if (existsSync(join(root, target))) return true;
  console.log(`  FAIL  ${target}/ does not exist: run npm run build first`);
  failed = true;
  return false;
});
// Both scans at once: each is mostly parsing, and they share nothing.
const reports = await Promise.all(targets.map((target) => electronegativity(target)));
targets.forEach((target, i) => {
  const findings = reports[i];
  const { blocking, accepted } = gate(findings, justifiedChecks);
  for (const f of accepted) console.log(`  ok    ${target}: ${f.check} ${f.severity}/${f.confidence} ${f.file} (justified: ${f.reason.slice(0, 90)}…)`);
  for (const f of blocking) console.log(`  FAIL  ${target}: ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location} ${f.sample.slice(0, 100)}`);
  console.log(`  ${target}: ${findings.length} finding(s), ${blocking.length} blocking, ${accepted.length} justified, ${findings.length - blocking.length - accepted.length} below the bar`);
  failed ||= blocking.length > 0;
});

if (args.has('--skip-npm-audit')) {
  console.log(failed ? '\nSecurity audit FAILED.' : '\nelectronegativity passed (npm audit skipped).');
  process.exit(failed ? 1 : 0);
}

function npmAudit(extra) {
  const r = spawnSync('npm', ['audit', '--json', ...extra], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  try {
    return JSON.parse(r.stdout);
  } catch {
    return null;
  }
}

console.log('\nnpm audit --omit=dev: fail on high/critical unless justified in test/security/npm-audit-justified.json');
// Electron is a dev dependency on paper but ships inside every installer, so its advisories count too.
const prod = gateNpmAudit(npmAudit(['--omit=dev']), justifiedPackages);
const all = gateNpmAudit(npmAudit([]), justifiedPackages);
if (prod.unreachable !== undefined) {
  const msg = `the registry's audit endpoint did not answer (${prod.unreachable}); production dependencies were NOT audited`;
  console.log(`  ${args.has('--require-npm-audit') ? 'FAIL' : 'WARN'}  ${msg}`);
  failed ||= args.has('--require-npm-audit');
} else {
  const electron = all.unreachable === undefined ? all.blocking.filter((v) => v.name === 'electron') : [];
  for (const v of [...prod.blocking, ...electron]) console.log(`  FAIL  ${v.name}: ${v.severity}`);
  for (const v of prod.accepted) console.log(`  ok    ${v.name}: ${v.severity} (justified: ${v.reason})`);
  console.log(`  ${prod.blocking.length + electron.length} blocking, ${prod.accepted.length} justified`);
  failed ||= prod.blocking.length + electron.length > 0;
}

console.log(failed ? '\nSecurity audit FAILED.' : '\nSecurity audit passed.');
process.exitCode = failed ? 1 : 0;
