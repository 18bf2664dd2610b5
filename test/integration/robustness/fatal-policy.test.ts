// The one policy for errors nobody caught: log, kill switch in memory, stop trading, exit non-zero.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { createEngine } from '../../../src-main/engine/engine';
import { FATAL_EXIT_CODE, FatalErrorPolicy } from '../../../src-main/engine/fatal-error-policy';
import { tempDir } from '../../support/temp-dir';
import { runCli } from './helpers';

function policyOn(processLike: EventEmitter) {
  const lines: string[] = [];
  let exitCode: number | null = null;
  let exited: () => void = () => {};
  const exit = new Promise<void>((resolve) => (exited = resolve));
  const policy = new FatalErrorPolicy({ report: (line) => lines.push(line), exit: (code) => ((exitCode = code), exited()), stopTimeoutMs: 2_000 });
  policy.install(processLike);
  return { policy, lines, exit, exitCode: () => exitCode };
}

describe('fatal-error policy', () => {
  for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
    it(`on ${event}: logs, engages the kill switch in memory, stops trading, exits ${FATAL_EXIT_CODE}`, async () => {
      const dir = tempDir();
      const engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('t') });
      const fake = new EventEmitter();
      const { policy, lines, exit, exitCode } = policyOn(fake);
      policy.protect(engine);
      const statuses: boolean[] = [];
      engine.bus.on('app.status', (s) => statuses.push(s.killSwitch));
      fake.emit(event, new Error('boom from a test'));
      // In memory at once, before anything is awaited.
      expect(engine.safety.snapshot()).toMatchObject({ killSwitch: true, mode: 'dry-run' });
      expect(statuses).toContain(true);
      await exit;
      expect(exitCode()).toBe(FATAL_EXIT_CODE);
      expect(lines.join('\n')).toMatch(new RegExp(`fatal ${event === 'unhandledRejection' ? 'unhandled rejection' : 'uncaught exception'}: Error: boom from a test`));
      expect(engine.autopilot.isRunning).toBe(false);
      // Nothing was written: a restart reads the kill switch as last saved.
      expect(engine.db.prepare("SELECT value FROM settings WHERE key = 'safety.killSwitch'").get()).toBeUndefined();
      await engine.shutdown('test');
      dir.cleanup();
    });
  }

  it('a second fatal error while stopping is logged, not handled twice', async () => {
    const fake = new EventEmitter();
    const { lines, exit } = policyOn(fake);
    fake.emit('unhandledRejection', 'first');
    fake.emit('uncaughtException', new Error('second'));
    await exit;
    expect(lines.filter((l) => l.startsWith('cockpit: fatal'))).toHaveLength(1);
    expect(lines.some((l) => l.includes('another uncaught exception while stopping'))).toBe(true);
  });

  it('is what cockpit headless does with a real unhandled rejection: exit 70, with the reason', async () => {
    const dir = tempDir();
    // Injected from outside the app (a preload), three seconds after start: nothing in the app catches it.
    const inject = `data:text/javascript,${encodeURIComponent("setTimeout(() => Promise.reject(new Error('injected by the test')), 3000)")}`;
    const run = await runCli(['headless', '--port', '0', '--data', dir.path], { NODE_OPTIONS: `--import=${inject}` }, 30_000);
    dir.cleanup();
    expect(run.stdout).toMatch(/Cockpit ready/);
    expect(run.code).toBe(FATAL_EXIT_CODE);
    expect(run.stderr).toMatch(/cockpit: fatal unhandled rejection: Error: injected by the test/);
    expect(run.stderr).toMatch(/kill switch engaged \(in memory\), stopping trading, then exiting/);
  }, 30_000);
});
