// Runs in: engine. Names what is wrong with the data dir or the database file, instead of starting afresh over it.
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { checkWalFile } from './wal-check';

export type StorageFaultKind = 'empty' | 'corrupt' | 'unreadable' | 'unwritable' | 'full' | 'locked' | 'newer-schema';

/** A storage problem the user must act on; the message names the file and the problem, and what to run. */
export class StorageFault extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly kind: StorageFaultKind,
  ) {
    super(message);
    this.name = 'StorageFault';
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

const doctorHint = (file: string) => ` Run \`cockpit doctor --data ${JSON.stringify(dirname(file))}\` to see what can be recovered.`;

/** Creates the data dir; a read-only or full file system is named (recursive mkdir reports those as ENOENT). */
export function ensureDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StorageFault(`cannot create data dir ${dir}: ${storageProblem(realMkdirError(dir) ?? error)}`, dir, 'unwritable');
  }
}

/** Before SQLite opens the file: an existing file must be a whole SQLite database, and its WAL must be readable. */
export function checkDatabaseFile(file: string): void {
  if (!existsSync(file)) return; // a fresh start is fine; only an existing file is protected
  const header = Buffer.alloc(100);
  let size: number;
  let read: number;
  try {
    const fd = openSync(file, 'r');
    try {
      size = fstatSync(fd).size;
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new StorageFault(`cannot read the database ${file}: ${storageProblem(error)}`, file, 'unreadable');
  }
  if (size === 0) throw new StorageFault(`the database ${file} is empty (0 bytes): settings, accounts and the kill switch are not in it.${doctorHint(file)}`, file, 'empty');
  if (read < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new StorageFault(`the database ${file} is not a SQLite database (its header is damaged).${doctorHint(file)}`, file, 'corrupt');
  }
  const wal = checkWalFile(`${file}-wal`);
  if (!wal.ok) {
    throw new StorageFault(
      `the write-ahead log ${basename(file)}-wal of ${file} is corrupt (${wal.problem}): the latest changes cannot be replayed, so the database would start without them.${doctorHint(file)}`,
      file,
      'corrupt',
    );
  }
}

/** Turns an error from SQLite or the file system into a StorageFault naming `file`, or returns the error unchanged. */
export function namedStorageFault(error: unknown, file: string): unknown {
  if (error instanceof StorageFault) return error;
  const code = errorCode(error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StorageFault(`the database ${file} is corrupt (${messageOf(error)}).${doctorHint(file)}`, file, 'corrupt');
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new StorageFault(`cannot write the database ${file}: the disk is full`, file, 'full');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new StorageFault(`cannot write the database ${file}: it or its data dir is read-only`, file, 'unwritable');
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') {
    return new StorageFault(`cannot open the database ${file}: ${storageProblem(realMkdirError(dirname(file)) ?? error)}`, file, 'unreadable');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StorageFault(`the database ${file} is locked by another process`, file, 'locked');
  }
  if (code.startsWith('SQLITE_IOERR')) return new StorageFault(`cannot read or write the database ${file}: I/O error (${messageOf(error)})`, file, 'unreadable');
  return error;
}

/** A short human reason for a file-system or SQLite error. */
export function storageProblem(error: unknown): string {
  switch (errorCode(error)) {
    case 'EROFS':
    case 'SQLITE_READONLY':
      return 'it is on a read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (it is read-only for this user)';
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory';
    default:
      return messageOf(error);
  }
}

/** Recursive mkdir says ENOENT for a read-only parent: create the first missing level alone to learn the real reason. */
function realMkdirError(dir: string): unknown {
  let missing = dir;
  while (!existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
  if (existsSync(missing)) return null;
  try {
    mkdirSync(missing);
    return null;
  } catch (error) {
    return error;
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
