// Runs in: engine shells. What a shell does to a data dir before an engine opens it.
import { DataDirLock } from '../adapters/store/data-dir-lock';
import { ensureDataDir } from '../adapters/store/storage-faults';
import { UnsavedKillSwitchMarker, type UnsavedKillSwitch } from '../adapters/store/unsaved-kill-switch-marker';

export const CONFIRM_UNSAVED_KILL_SWITCH_FLAG = '--confirm-unsaved-kill-switch';

export class UnsavedKillSwitchRefusal extends Error {
  constructor(dataDir: string, note: UnsavedKillSwitch | 'unreadable') {
    const when = note === 'unreadable' ? 'earlier' : `at ${new Date(note.at).toISOString()}`;
    const why = note === 'unreadable' ? '' : ` (${note.problem})`;
    super(
      `the kill switch was engaged ${when} but NOT saved${why}, so the database may still say "released". ` +
        `Run \`cockpit doctor --data ${JSON.stringify(dataDir)} ${CONFIRM_UNSAVED_KILL_SWITCH_FLAG}\` to save it as engaged, then start again.`,
    );
    this.name = 'UnsavedKillSwitchRefusal';
  }
}

/**
 * Creates the data dir if needed, takes its lock (one engine per data dir), and refuses while an engaged kill
 * switch is waiting to be confirmed. The caller releases the lock after the engine has shut down.
 */
export function claimDataDir(dataDir: string, command: string): DataDirLock {
  ensureDataDir(dataDir);
  const lock = DataDirLock.acquire(dataDir, command);
  const note = new UnsavedKillSwitchMarker(dataDir).read();
  if (note !== null) {
    lock.release();
    throw new UnsavedKillSwitchRefusal(dataDir, note);
  }
  return lock;
}
