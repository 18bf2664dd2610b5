import { describe, expect, it } from 'vitest';
import { findingsFromCsv, gate, gateNpmAudit, parseCsv } from '../../security/electronegativity-report.mjs';

// Rows in electronegativity 1.10's CSV format, as produced on this repo before the hardening.
const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://x/CSP
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/main.ts","42:14","const win = new BrowserWindow({ a, b })","Review the use of the contextIsolation option",https://x/CI
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/x.ts","1:1","shell.openExternal(url)","Review",https://x/OE
CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src 'self'; a, ""b""","x",https://x/CSP
`;

describe('electronegativity gate', () => {
  it('parses quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b, c","d ""e"""\n')).toEqual([['a', 'b, c', 'd "e"']]);
  });

  it('blocks MEDIUM+ at FIRM+ unless justified for that check, target and file', () => {
    const findings = findingsFromCsv(CSV, 'src-main');
    expect(findings).toHaveLength(4);
    const justified = [{ check: 'CSP_GLOBAL_CHECK', target: 'src-main', file: 'N/A', reason: 'no HTML here' }];
    const { blocking, accepted } = gate(findings, justified);
    expect(blocking.map((f) => f.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
    expect(accepted.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK']);
    // The same justification does not cover another target.
    expect(gate(findingsFromCsv(CSV, 'out'), justified).blocking.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']);
  });

  it('reads npm audit results and reports an unreachable endpoint instead of passing silently', () => {
    expect(gateNpmAudit({ message: '405 Method Not Allowed' }, {})).toEqual({ unreachable: '405 Method Not Allowed' });
    const report = { vulnerabilities: { a: { name: 'a', severity: 'high' }, b: { name: 'b', severity: 'moderate' }, c: { name: 'c', severity: 'critical' } } };
    expect(gateNpmAudit(report, { c: 'not reachable from our code' })).toEqual({
      blocking: [{ name: 'a', severity: 'high' }],
      accepted: [{ name: 'c', severity: 'critical', reason: 'not reachable from our code' }],
    });
  });
});

describe('electronegativity on this repository', () => {
  it('finds nothing MEDIUM+ at FIRM+ in src-main and out/ beyond the justified list', async (ctx) => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const root = join(import.meta.dirname, '../../..');
    if (!existsSync(join(root, 'out/main/index.js'))) return ctx.skip('no build in out/: run npm run build (npm test builds first)');
    const r = spawnSync(process.execPath, [join(root, 'test/security/audit.mjs'), '--skip-npm-audit'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toMatch(/src-main: \d+ finding\(s\), 0 blocking/);
    expect(r.stdout).toMatch(/out: \d+ finding\(s\), 0 blocking/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 60_000);
});
