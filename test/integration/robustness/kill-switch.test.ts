// The kill switch is durable or loudly not: a locked database, a full disk, a shutdown while storage fails.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { UNSAVED_KILL_SWITCH_FILE } from '../../../src-main/adapters/store/unsaved-kill-switch-marker';
import { claimDataDir } from '../../../src-main/engine/data-dir-claim';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { KILL_SWITCH_NOT_SAVED } from '../../../src-main/engine/services/safety-service';
import type { AppStatus } from '../../../src-shared/contract';
import { startHeadlessProcess } from '../../support/headless-process';
import { tempDir } from '../../support/temp-dir';
import { bridgeClient, runCli } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

function engineIn(): { engine: Engine; dir: string } {
  const d = tempDir('cockpit-kill-');
  const engine = createEngine({ dataDir: d.path, shell: 'headless', cipher: new ScryptCipher('t') });
  cleanups.push(() => d.cleanup());
  return { engine, dir: d.path };
}

/** A second connection holding the write lock, as another process would. */
function lockDatabase(dir: string): () => void {
  const other = new Database(join(dir, 'cockpit.sqlite'));
  other.exec('BEGIN EXCLUSIVE');
  return () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  };
}

describe('kill switch with a locked database', () => {
  it('takes effect in memory at once, never answers ok unsaved, says so everywhere, and blocks a restart', async () => {
    const { engine, dir } = engineIn();
    const seen: AppStatus[] = [];
    const toasts: string[] = [];
    engine.bus.on('app.status', (s) => seen.push(s));
    engine.bus.on('toast', (t) => toasts.push(t.message));
    const unlock = lockDatabase(dir);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const pending = engine.dispatch('app.setKillSwitch', { engaged: true });
    // Listeners heard it before any write was tried: every click and order is refused from here on.
    expect(seen[0]).toMatchObject({ killSwitch: true, mode: 'dry-run' });
    expect(engine.safety.snapshot().killSwitch).toBe(true);
    const result = await pending;
    loop.disable();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(loop.max / 1e6).toBeLessThan(400);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining(KILL_SWITCH_NOT_SAVED) } });
    expect(engine.status()).toMatchObject({ killSwitch: true, killSwitchNotSaved: true });
    expect(seen.at(-1)).toMatchObject({ killSwitchNotSaved: true });
    expect(toasts.some((t) => t.includes(KILL_SWITCH_NOT_SAVED))).toBe(true);
    // A second call must not answer ok for the same unsaved state.
    expect(await engine.dispatch('app.setKillSwitch', { engaged: true })).toMatchObject({ ok: false });
    // Releasing cannot be saved either: it stays engaged.
    expect(await engine.dispatch('app.setKillSwitch', { engaged: false })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/NOT released/) } });
    expect(engine.safety.snapshot().killSwitch).toBe(true);
    expect(existsSync(join(dir, UNSAVED_KILL_SWITCH_FILE))).toBe(true);

    const report = await engine.shutdown('test');
    unlock();
    expect(report.problems.join('\n')).toContain(KILL_SWITCH_NOT_SAVED);
    expect(() => claimDataDir(dir, 'cockpit headless')).toThrow(/the kill switch was engaged at .* but NOT saved[\s\S]*--confirm-unsaved-kill-switch/);
    const refused = await runCli(['headless', '--port', '0', '--data', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/NOT saved/);
    const confirmed = await runCli(['doctor', '--data', dir, '--confirm-unsaved-kill-switch']);
    expect(confirmed.code).toBe(0);
    const again = createEngine({ dataDir: dir, shell: 'headless', cipher: new ScryptCipher('t') });
    expect(again.status()).toMatchObject({ killSwitch: true, killSwitchNotSaved: false });
    await again.shutdown('test');
  });

  it('saves once the lock is gone (a retry), and clears the not-saved state', async () => {
    const { engine, dir } = engineIn();
    const unlock = lockDatabase(dir);
    setTimeout(unlock, 120);
    const result = await engine.dispatch('app.setKillSwitch', { engaged: true });
    expect(result).toMatchObject({ ok: true, data: { killSwitch: true, killSwitchNotSaved: false } });
    expect(existsSync(join(dir, UNSAVED_KILL_SWITCH_FILE))).toBe(false);
    await engine.shutdown('test');
  });
});

describe('kill switch with a full disk (tmpfs)', () => {
  it('engaged via the bridge is refused as unsaved; SIGTERM then stops trading and exits non-zero with the reason', async () => {
    const mount = tempDir('cockpit-full-');
    cleanups.push(() => mount.cleanup());
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount.path], { stdio: 'ignore' });
    } catch {
      return expect.soft(true, 'mount is not permitted here: the full-disk case is covered by the locked-database one').toBe(true);
    }
    cleanups.push(() => execFileSync('umount', ['-l', mount.path]));
    const dir = join(mount.path, 'data');
    const cockpit = await startHeadlessProcess(dir);
    // Fill every block that is left.
    try {
      writeFileSync(join(mount.path, 'filler'), Buffer.alloc(8 * 1024 * 1024));
    } catch {
      /* ENOSPC: full, as wanted */
    }
    const client = await bridgeClient(cockpit.origin, cockpit.token);
    client.call(1, 'app.setKillSwitch', { engaged: true });
    expect(await client.result(1)).toMatchObject({ result: { ok: false, error: { message: expect.stringContaining(KILL_SWITCH_NOT_SAVED) } } });
    expect(client.frames.some((f) => f.type === 'event' && f.name === 'app.status' && JSON.stringify(f).includes('"killSwitchNotSaved":true'))).toBe(true);
    client.ws.close();
    const started = performance.now();
    const code = await cockpit.stop('SIGTERM');
    expect(code).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(cockpit.output()).toContain(KILL_SWITCH_NOT_SAVED);
  });
});
