// Runs in: engine shells. The note left in the data dir when an engaged kill switch could not be saved in the database.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isErrno } from './data-dir-lock';

export const UNSAVED_KILL_SWITCH_FILE = 'KILL-SWITCH-NOT-SAVED.json';

const MarkerContent = z.object({ at: z.number(), reason: z.string(), problem: z.string() });
export type UnsavedKillSwitch = z.infer<typeof MarkerContent>;

/**
 * Written by plain file I/O, not SQLite, because SQLite is what just failed. While it exists, no engine starts on the
 * data dir: a restart would otherwise read the old "released" row and trade again. `cockpit doctor` acknowledges it.
 */
export class UnsavedKillSwitchMarker {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, UNSAVED_KILL_SWITCH_FILE);
  }

  /** Returns false if even this failed; an empty file (an inode, no data blocks) is tried when the disk is full. */
  write(note: UnsavedKillSwitch): boolean {
    for (const content of [`${JSON.stringify(note)}\n`, '']) {
      try {
        writeFileSync(this.file, content, { mode: 0o600 });
        return true;
      } catch {
        /* try the smaller write */
      }
    }
    return false;
  }

  /** The note, `unreadable` for an empty or damaged one (still a refusal), or null when there is none. */
  read(): UnsavedKillSwitch | 'unreadable' | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      return isErrno(error, 'ENOENT') ? null : 'unreadable';
    }
    try {
      const parsed = MarkerContent.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : 'unreadable';
    } catch {
      return 'unreadable';
    }
  }

  clear(): void {
    try {
      unlinkSync(this.file);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
  }
}
