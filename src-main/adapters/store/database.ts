// Runs in: engine.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { migrations as defaultMigrations, type Migration } from './migrations';
import { checkDatabaseFile, ensureDataDir, namedStorageFault, StorageFault } from './storage-faults';

export type Db = Database.Database;

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the cockpit database with WAL and synchronous=NORMAL (durable across a process kill;
 * only an OS crash can lose the last transactions) and applies pending migrations atomically.
 * A missing file is a fresh start; an existing empty, damaged or unreadable one is a StorageFault, never replaced.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = defaultMigrations): Db {
  if (file !== ':memory:') {
    ensureDataDir(dirname(file));
    checkDatabaseFile(file);
  }
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw namedStorageFault(error, file);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[]): number {
  const current = schemaVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw new StorageFault(`Database schema v${current} is newer than this app (v${latest}). Update the app or use another data dir.`, db.name, 'newer-schema');
  }
  const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}

/** At shutdown: better-sqlite3 waits synchronously, so a locked database would freeze each last write for the full timeout. */
export function shortenBusyTimeout(db: Db, ms: number): void {
  db.pragma(`busy_timeout = ${ms}`);
}

/** Folds the write-ahead log back into the main file, so a copied data dir is complete. */
export function checkpointWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
