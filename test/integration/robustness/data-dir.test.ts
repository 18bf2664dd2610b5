// One engine per data dir, and every storage fault named: the built CLI as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { SqliteSecretStore } from '../../../src-main/adapters/store/sqlite-secret-store';
import { DataDirLock, LOCK_FILE_NAME } from '../../../src-main/adapters/store/data-dir-lock';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { startHeadlessProcess } from '../../support/headless-process';
import { tempDir } from '../../support/temp-dir';
import { bridgeClient, runCli } from './helpers';

const dirs: Array<ReturnType<typeof tempDir>> = [];
const freshDir = () => {
  const d = tempDir('cockpit-robust-');
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.forEach((d) => d.cleanup()));

/** A data dir whose database was made by a normal engine run and cleanly stopped. */
async function usedDataDir(): Promise<string> {
  const dir = freshDir();
  const cockpit = await startHeadlessProcess(dir);
  expect(await cockpit.stop('SIGTERM')).toBe(0);
  return dir;
}

describe('one engine per data dir', () => {
  it('a second cockpit headless on the same dir exits at once, naming the first', async () => {
    const dir = freshDir();
    const first = await startHeadlessProcess(dir);
    try {
      const second = await runCli(['headless', '--port', '0', '--data', dir]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`data dir ${dir} is in use by cockpit headless (pid ${first.child.pid})`);
      expect(second.ms).toBeLessThan(5_000);
      const autopilot = await runCli(['autopilot', '--profile', join(dir, 'none.json'), '--signals', 'ws://127.0.0.1:1', '--data', dir]);
      expect(autopilot.code).not.toBe(0);
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = freshDir();
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString();
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: Number(dead), command: 'cockpit headless', startedAt: Date.now() - 60_000 }));
    const cockpit = await startHeadlessProcess(dir);
    expect(await cockpit.stop('SIGTERM')).toBe(0);
  });

  it('refuses a second lock in-process too, and an unreadable fresh lock counts as held', () => {
    const dir = freshDir();
    const lock = DataDirLock.acquire(dir, 'test A');
    expect(() => DataDirLock.acquire(dir, 'test B')).toThrow(/in use by test A/);
    lock.release();
    writeFileSync(join(dir, LOCK_FILE_NAME), '');
    expect(() => DataDirLock.acquire(dir, 'test C')).toThrow(/in use by another cockpit that is starting/);
  });
});

describe('storage faults are named, never a silent fresh start', () => {
  it('refuses an empty (0-byte) database, naming the file and offering cockpit doctor', async () => {
    const dir = await usedDataDir();
    truncateSync(join(dir, 'cockpit.sqlite'), 0);
    const run = await runCli(['headless', '--port', '0', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`the database ${join(dir, 'cockpit.sqlite')} is empty (0 bytes)`);
    expect(run.stderr).toContain('cockpit doctor --data');
  });

  it('refuses a corrupt WAL instead of dropping the changes in it', async () => {
    const dir = await usedDataDir();
    const file = join(dir, 'cockpit.sqlite');
    // A process killed right after a write leaves its changes in the WAL only; then the WAL's header is damaged.
    const killedWriter = `const db = require('better-sqlite3')(${JSON.stringify(file)}); db.pragma('wal_autocheckpoint = 0');
      db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('safety.killSwitch', 'true', 0)").run(); process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['-e', killedWriter], { cwd: process.cwd() });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(32);
    const fd = openSync(`${file}-wal`, 'r+');
    writeSync(fd, Buffer.from('garbage!'), 0, 8, 0);
    closeSync(fd);
    const run = await runCli(['headless', '--port', '0', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the write-ahead log cockpit\.sqlite-wal of .* is corrupt \(bad magic number\)/);
  });

  it('refuses a database whose header is garbage; doctor shows what is readable and --fresh --yes starts afresh with the kill switch engaged', async () => {
    const dir = await usedDataDir();
    const file = join(dir, 'cockpit.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('NOT A SQLITE FILE'), 0, 17, 0);
    closeSync(fd);
    const run = await runCli(['headless', '--port', '0', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`the database ${file} is not a SQLite database`);
    const doctor = await runCli(['doctor', '--data', dir]);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/verdict: damaged/);
    expect((await runCli(['doctor', '--data', dir, '--fresh'])).code).toBe(2);
    const fresh = await runCli(['doctor', '--data', dir, '--fresh', '--yes']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/moved aside: .*cockpit\.sqlite\.broken-/);
    expect((await runCli(['doctor', '--data', dir])).stdout).toMatch(/settings\s+1 rows[\s\S]*verdict: healthy/);
    const cockpit = await startHeadlessProcess(dir);
    const client = await bridgeClient(cockpit.origin, cockpit.token);
    client.call(1, 'app.getStatus');
    expect(await client.result(1)).toMatchObject({ result: { data: { killSwitch: true } } });
    client.ws.close();
    expect(await cockpit.stop('SIGTERM')).toBe(0);
  });

  it('doctor lists the tables and row counts of a healthy database', async () => {
    const dir = await usedDataDir();
    const doctor = await runCli(['doctor', '--data', dir]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/integrity_check: ok/);
    expect(doctor.stdout).toMatch(/actions\s+\d+ rows/);
  });

  it('says the passphrase is wrong, or the key file is missing or changed, instead of a GCM error', async () => {
    const dir = freshDir();
    const db = openDatabase(join(dir, 'cockpit.sqlite'));
    new SqliteSecretStore(db, new ScryptCipher('right passphrase')).put('signal-source.token', 'tok');
    db.close();
    const wrong = await runCli(['headless', '--port', '0', '--data', dir], { COCKPIT_PASSPHRASE: 'wrong passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('COCKPIT_PASSPHRASE is wrong: it cannot decrypt the 1 secret saved in');
    expect(wrong.stderr).not.toMatch(/unable to authenticate/);
    const missing = await runCli(['headless', '--port', '0', '--data', dir], { COCKPIT_PASSPHRASE: '' });
    expect(missing.stderr).toContain(`the key file ${join(dir, 'secret.key')} is missing`);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
    writeFileSync(join(dir, 'secret.key'), 'some other key');
    const changed = await runCli(['headless', '--port', '0', '--data', dir], { COCKPIT_PASSPHRASE: '' });
    expect(changed.stderr).toContain(`the key file ${join(dir, 'secret.key')} does not match`);
  });

  it('says a read-only data dir is read-only', async () => {
    const mount = freshDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      return expect.soft(true, 'mount is not permitted here: read-only case not run').toBe(true);
    }
    try {
      const run = await runCli(['headless', '--port', '0', '--data', join(mount, 'data')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`cannot create data dir ${join(mount, 'data')}: it is on a read-only file system`);
      const existing = await runCli(['headless', '--port', '0', '--data', mount]);
      expect(existing.stderr).toContain(`cannot write in data dir ${mount}: it is on a read-only file system`);
    } finally {
      execFileSync('umount', [mount]);
    }
  });

  it('checks the port before the engine starts: one line, rc 1, nothing opened', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dir = join(freshDir(), 'data');
    try {
      const run = await runCli(['headless', '--port', String(port), '--data', dir]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`cockpit headless: port ${port} on 127.0.0.1 is already in use (another cockpit, or another program): choose another with --port`);
      expect(existsSync(join(dir, 'cockpit.sqlite'))).toBe(false);
      expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    } finally {
      blocker.close();
    }
  });
});

