import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { tempDir } from '../../support/temp-dir';

describe('crash consistency', () => {
  it('loses no committed row when the engine store is SIGKILLed mid-write', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../support/engine-writer.ts'), dir.path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastCommitted = 0;
    let buffer = '';
    // Drained, never inherited: a child writing into an unread inherited pipe can block, and its errors belong in the failure.
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      void exited.then(() => reject(new Error(`writer exited early with ${child.exitCode}: ${errors}`)));
      // Fail with what the writer did, not with a bare test timeout.
      setTimeout(() => reject(new Error(`writer reached row ${lastCommitted} of 500 in 90 s; stderr: ${errors || '(none)'}`)), 90_000).unref();
      const onData = (chunk: Buffer): void => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) lastCommitted = Number(line.split(' ')[1]);
        if (lastCommitted >= 500) {
          // Chunks still in flight must not run this again once the kill is under way.
          child.stdout!.off('data', onData);
          child.kill('SIGKILL');
          resolve();
        }
      };
      child.stdout!.on('data', onData);
    });
    await exited;
    expect(child.signalCode).toBe('SIGKILL');

    const db = openDatabase(join(dir.path, 'cockpit.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const maxId = (db.prepare("SELECT max(id) AS id FROM actions WHERE kind = 'test-write'").get() as { id: number }).id;
    const count = (db.prepare("SELECT count(*) AS n FROM actions WHERE kind = 'test-write'").get() as { n: number }).n;
    expect(maxId).toBeGreaterThanOrEqual(lastCommitted);
    // Ids are dense: nothing in the middle went missing either.
    const otherRows = (db.prepare("SELECT count(*) AS n FROM actions WHERE kind != 'test-write' AND id <= ?").get(maxId) as { n: number }).n;
    expect(count).toBe(maxId - otherRows);
    db.close();
    new Database(join(dir.path, 'cockpit.sqlite')).close();
    dir.cleanup();
  }, 120_000);
});
