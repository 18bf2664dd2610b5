// A SafetyService on a test's SQLite file, as the engine builds it: the kill switch is saved in the database (and read
// back by the next one on the same file); the unsaved-kill-switch note is kept in memory.
import type { ActionsRepo } from '../../src-main/adapters/store/actions-repo';
import type { Db } from '../../src-main/adapters/store/database';
import { KillSwitchStore } from '../../src-main/adapters/store/kill-switch-store';
import { SettingsRepo } from '../../src-main/adapters/store/settings-repo';
import { SafetyService } from '../../src-main/engine/services/safety-service';

export function sqliteSafety(db: Db, actions: ActionsRepo): SafetyService {
  const store = new KillSwitchStore(db, new SettingsRepo(db));
  return new SafetyService({ store, audit: actions, marker: { write: () => true, clear: () => {} }, alert: () => {} }, { killSwitch: store.read() });
}
