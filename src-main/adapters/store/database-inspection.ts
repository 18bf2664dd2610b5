// Runs in: Node (`cockpit doctor`). Reads what it can of a cockpit database without changing it.
import Database from 'better-sqlite3';
import { existsSync, renameSync, statSync } from 'node:fs';
import { checkDatabaseFile, StorageFault } from './storage-faults';

export interface TableCount {
  readonly table: string;
  /** null when the table cannot be read. */
  readonly rows: number | null;
  readonly error?: string;
}

export interface DatabaseInspection {
  readonly file: string;
  readonly exists: boolean;
  readonly bytes: number;
  /** What checkDatabaseFile (the engine's start check) says; null when it would start. */
  readonly startProblem: string | null;
  /** PRAGMA integrity_check's lines; ['ok'] when whole. */
  readonly integrity: readonly string[];
  readonly schemaVersion: number | null;
  readonly tables: readonly TableCount[];
  readonly healthy: boolean;
}

const MAX_INTEGRITY_LINES = 20;

export function inspectDatabase(file: string): DatabaseInspection {
  if (!existsSync(file)) return { file, exists: false, bytes: 0, startProblem: null, integrity: [], schemaVersion: null, tables: [], healthy: true };
  const bytes = statSync(file).size;
  let startProblem: string | null = null;
  try {
    checkDatabaseFile(file);
  } catch (error) {
    startProblem = error instanceof StorageFault ? error.message : String(error);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { file, exists: true, bytes, startProblem, integrity: [`cannot open: ${message(error)}`], schemaVersion: null, tables: [], healthy: false };
  }
  try {
    const integrity = readOr(() => db.prepare<[], { integrity_check: string }>(`PRAGMA integrity_check(${MAX_INTEGRITY_LINES})`).all().map((r) => r.integrity_check), (e) => [message(e)]);
    const schemaVersion = readOr(() => Number(db.pragma('user_version', { simple: true })), () => null);
    const names = readOr(() => db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name), () => []);
    const tables = names.map((table): TableCount => {
      try {
        return { table, rows: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get()?.n ?? 0 };
      } catch (error) {
        return { table, rows: null, error: message(error) };
      }
    });
    const healthy = startProblem === null && bytes > 0 && integrity.length === 1 && integrity[0] === 'ok';
    return { file, exists: true, bytes, startProblem, integrity, schemaVersion, tables, healthy };
  } finally {
    db.close();
  }
}

/** Moves the database and its WAL/SHM aside (never deletes them); returns the new names. */
export function moveDatabaseAside(file: string, now = new Date()): string[] {
  const suffix = `.broken-${now.toISOString().replaceAll(':', '-')}`;
  const moved: string[] = [];
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(part)) continue;
    renameSync(part, `${part}${suffix}`);
    moved.push(`${part}${suffix}`);
  }
  return moved;
}

function readOr<T>(read: () => T, fallback: (error: unknown) => T): T {
  try {
    return read();
  } catch (error) {
    return fallback(error);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
