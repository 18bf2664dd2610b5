// Runs in: engine. Where the kill switch is kept: a settings row, written with a short lock wait.
import { z } from 'zod';
import type { Db } from './database';
import type { SettingsRepo } from './settings-repo';

const KILL_SWITCH_KEY = 'safety.killSwitch';

/** One save attempt waits at most this long for another connection's lock: better-sqlite3 blocks the event loop meanwhile. */
const SAVE_BUSY_TIMEOUT_MS = 100;

export class KillSwitchStore {
  constructor(
    private readonly db: Db,
    private readonly settings: SettingsRepo,
  ) {}

  read(): boolean {
    return this.settings.get(KILL_SWITCH_KEY, z.boolean(), false);
  }

  /** One attempt; throws what SQLite said (busy, full, closed). */
  save(engaged: boolean): void {
    const previous = Number(this.db.pragma('busy_timeout', { simple: true }));
    this.db.pragma(`busy_timeout = ${Math.min(previous, SAVE_BUSY_TIMEOUT_MS)}`);
    try {
      this.settings.set(KILL_SWITCH_KEY, engaged);
    } finally {
      if (this.db.open) this.db.pragma(`busy_timeout = ${previous}`);
    }
  }
}
