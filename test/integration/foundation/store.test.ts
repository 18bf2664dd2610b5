import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../../../src-main/adapters/store/database';
import { migrations } from '../../../src-main/adapters/store/migrations';
import { tempDir } from '../../support/temp-dir';

const LATEST = Math.max(...migrations.map((m) => m.version));
/** Migration 2: strategy state, the protection journal and the per-account portfolio-limit state. */
// v2: the optimizer's runs and trials; v3: strategy state, the protection journal and account limits.
const TABLES_V2 = ['optimize_runs', 'optimize_trials', 'account_risk_state', 'protection_journal', 'strategy_state'];
const TABLES_V1 = ['actions', 'backtest_runs', 'candles', 'crash_executions', 'crash_transitions', 'equity_snapshots', 'exchange_accounts', 'fills', 'game_profiles', 'orders', 'positions', 'secrets', 'settings', 'signals'];

describe('SQLite store', () => {
  const dirs: Array<{ cleanup(): void }> = [];
  const fresh = () => {
    const d = tempDir();
    dirs.push(d);
    return join(d.path, 'cockpit.sqlite');
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  it('creates the latest schema in WAL mode', () => {
    const db = openDatabase(fresh());
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual([...TABLES_V1, ...TABLES_V2].sort());
    db.close();
  });

  it('is idempotent across reopen, and applies later migrations in order, atomically', () => {
    const file = fresh();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST);
    const next = [...migrations, { version: LATEST + 1, name: 'note', sql: 'ALTER TABLE settings ADD COLUMN note TEXT;' }];
    expect(migrate(db, next)).toBe(LATEST + 1);
    const broken = [...next, { version: LATEST + 2, name: 'broken', sql: 'CREATE TABLE t3 (a INT); THIS IS NOT SQL;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST + 1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name='t3'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database from a newer app instead of corrupting it', () => {
    const file = fresh();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer than this app/);
  });

  it('keeps exchange secrets only as blobs', () => {
    const db = openDatabase(fresh());
    const cols = db.prepare<[], { name: string; type: string }>("PRAGMA table_info('exchange_accounts')").all();
    expect(cols.find((c) => c.name === 'secret_blob')?.type).toBe('BLOB');
    expect(cols.some((c) => /secret$|password|plain/.test(c.name) && c.type !== 'BLOB')).toBe(false);
    db.close();
  });
});
