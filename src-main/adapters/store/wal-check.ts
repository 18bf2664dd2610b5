// Runs in: engine. Reads a SQLite WAL header and first frame the way SQLite does (https://sqlite.org/fileformat2.html#walformat).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE = 0x377f0682;
const MAGIC_BIG = 0x377f0683;
const FORMAT_VERSION = 3007000;

export type WalCheck = { ok: true; frames: number } | { ok: false; problem: string };

/**
 * SQLite silently ignores a WAL whose header or first frame fails its checksum, and so silently drops every change
 * not yet checkpointed (settings, accounts, the kill switch). A missing or empty WAL is normal; a damaged one is not.
 */
export function checkWalFile(file: string): WalCheck {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { ok: true, frames: 0 }; // no WAL: nothing pending
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { ok: true, frames: 0 };
    if (size < WAL_HEADER_BYTES) return { ok: false, problem: `only ${size} bytes, shorter than its header` };
    const header = readAt(fd, 0, WAL_HEADER_BYTES);
    const magic = header.readUInt32BE(0);
    if (magic !== MAGIC_LITTLE && magic !== MAGIC_BIG) return { ok: false, problem: 'bad magic number' };
    if (header.readUInt32BE(4) !== FORMAT_VERSION) return { ok: false, problem: 'unknown format version' };
    const pageSize = header.readUInt32BE(8) === 1 ? 65536 : header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return { ok: false, problem: 'bad page size' };
    const bigEndian = magic === MAGIC_BIG;
    const headerSum = walChecksum(header.subarray(0, 24), [0, 0], bigEndian);
    if (headerSum[0] !== header.readUInt32BE(24) || headerSum[1] !== header.readUInt32BE(28)) return { ok: false, problem: 'header checksum mismatch' };
    const frameBytes = FRAME_HEADER_BYTES + pageSize;
    const frames = Math.floor((size - WAL_HEADER_BYTES) / frameBytes);
    if (frames === 0) return { ok: true, frames: 0 };
    // Frames after a checkpoint may be leftovers of an older generation (other salts): only the first must be valid.
    const frame = readAt(fd, WAL_HEADER_BYTES, frameBytes);
    if (!frame.subarray(8, 16).equals(header.subarray(16, 24))) return { ok: false, problem: 'the first frame does not belong to this log' };
    const sum = walChecksum(frame.subarray(FRAME_HEADER_BYTES), walChecksum(frame.subarray(0, 8), headerSum, bigEndian), bigEndian);
    if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) return { ok: false, problem: 'first frame checksum mismatch' };
    return { ok: true, frames };
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  readSync(fd, buffer, 0, length, position);
  return buffer;
}

/** SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic number chose. */
function walChecksum(data: Buffer, [s0, s1]: readonly [number, number], bigEndian: boolean): [number, number] {
  let a = s0;
  let b = s1;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const y = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    a = (a + x + b) >>> 0;
    b = (b + y + a) >>> 0;
  }
  return [a, b];
}
