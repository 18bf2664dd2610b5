// Runs in: engine shells (CLI, headless, Electron main). One engine per data dir.
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StorageFault, storageProblem } from './storage-faults';

export const LOCK_FILE_NAME = 'cockpit.lock';

const LockHolder = z.object({ pid: z.number().int().positive(), command: z.string(), startedAt: z.number() });
export type LockHolder = z.infer<typeof LockHolder>;

/** A lock file still being written by a starting engine has no content yet; give it this long before calling it stale. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(holder ? `data dir ${dataDir} is in use by ${holder.command} (pid ${holder.pid})` : `data dir ${dataDir} is in use by another cockpit that is starting`);
    this.name = 'DataDirInUse';
  }
}

export interface LockDeps {
  readonly pid: number;
  /** When this process started: a lock with our own PID from before then is a previous run's (PIDs repeat in containers). */
  readonly processStartedAt: number;
  readonly now: () => number;
  readonly isAlive: (pid: number) => boolean;
}

const processDeps = (): LockDeps => ({ pid: process.pid, processStartedAt: Date.now() - process.uptime() * 1000, now: Date.now, isAlive: pidIsAlive });

/**
 * An exclusive lock file (O_EXCL create) holding the PID and the command. Two engines on one data dir would
 * place every order twice and disagree about the kill switch, so the second one is refused at once.
 * A lock left by a dead process is taken over.
 */
export class DataDirLock {
  private constructor(
    readonly file: string,
    readonly holder: LockHolder,
  ) {}

  static acquire(dataDir: string, command: string, deps: LockDeps = processDeps()): DataDirLock {
    const file = join(dataDir, LOCK_FILE_NAME);
    const holder: LockHolder = { pid: deps.pid, command, startedAt: deps.now() };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (createExclusive(file, dataDir, `${JSON.stringify(holder)}\n`)) return new DataDirLock(file, holder);
      const current = readHolder(file);
      if (current === 'missing') continue;
      if (current === null ? ageMs(file, deps.now) < UNREADABLE_LOCK_GRACE_MS : isHeld(current, deps)) throw new DataDirInUse(dataDir, current);
      takeOverStale(file, current, deps);
    }
    throw new DataDirInUse(dataDir, holderOrNull(readHolder(file)));
  }

  /** Removes the lock if it is still ours (a takeover by another process after a long stall leaves theirs alone). */
  release(): void {
    const current = readHolder(this.file);
    if (current !== 'missing' && current?.pid === this.holder.pid && current.startedAt === this.holder.startedAt) unlinkQuietly(this.file);
  }
}

/** Who holds the lock of `dataDir`, if a live process does (for `cockpit doctor`). */
export function lockHolder(dataDir: string, isAlive: (pid: number) => boolean = pidIsAlive): LockHolder | null {
  const current = holderOrNull(readHolder(join(dataDir, LOCK_FILE_NAME)));
  return current && isAlive(current.pid) ? current : null;
}

function isHeld(holder: LockHolder, deps: LockDeps): boolean {
  if (holder.pid === deps.pid) return holder.startedAt >= deps.processStartedAt;
  return deps.isAlive(holder.pid);
}

function createExclusive(file: string, dataDir: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw new StorageFault(`cannot write in data dir ${dataDir}: ${storageProblem(error)}`, dataDir, 'unwritable');
  }
  try {
    writeSync(fd, content);
  } catch (error) {
    closeSync(fd);
    unlinkQuietly(file);
    throw new StorageFault(`cannot write in data dir ${dataDir}: ${storageProblem(error)}`, dataDir, 'unwritable');
  }
  closeSync(fd);
  return true;
}

/** Moves the stale file aside first (atomic), so two takers never both delete a live lock; a live one moved by mistake goes back. */
function takeOverStale(file: string, stale: LockHolder | null, deps: LockDeps): void {
  const aside = `${file}.stale-${deps.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else moved it first: try creating again
  }
  const moved = readHolder(aside);
  const same = moved !== 'missing' && (moved === null ? stale === null : moved.pid === stale?.pid && moved.startedAt === stale.startedAt);
  if (same) unlinkQuietly(aside);
  else renameSync(aside, file);
}

function readHolder(file: string): LockHolder | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return isErrno(error, 'ENOENT') ? 'missing' : null;
  }
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const holderOrNull = (h: LockHolder | null | 'missing') => (h === 'missing' ? null : h);

function ageMs(file: string, now: () => number): number {
  try {
    return now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM'); // alive, but another user's
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
