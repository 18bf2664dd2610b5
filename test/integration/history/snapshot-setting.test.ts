// The equity snapshot interval is a setting: settings saved before it existed keep their values and get the default.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { SqliteSecretStore } from '../../../src-main/adapters/store/sqlite-secret-store';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { SettingsRepo } from '../../../src-main/adapters/store/settings-repo';
import { SettingsService } from '../../../src-main/engine/services/settings-service';
import { tempDir } from '../../support/temp-dir';

describe('equity snapshot interval setting', () => {
  const dir = tempDir('cockpit-setting-');
  afterEach(() => dir.cleanup());

  it('defaults to 5 minutes for settings saved by an older version, and persists a change', () => {
    const file = join(dir.path, 'cockpit.sqlite');
    let db = openDatabase(file);
    const older = { signalUrl: 'ws://10.0.0.2:9000', limits: { maxStake: 3, dailyLossLimit: 20, maxConsecutiveLosses: 4, maxBetsPerHour: 30 }, staleSignalMs: 5_000, defaultStake: 2, activeProfile: 'game' };
    new SettingsRepo(db).set('app.settings', older);
    const settings = new SettingsService(new SettingsRepo(db), new SqliteSecretStore(db, new ScryptCipher('s')));
    // Bets need no confirmation until the user asks for one.
    expect(settings.get()).toMatchObject({ signalSource: { url: 'ws://10.0.0.2:9000' }, defaultStake: 2, equitySnapshotMinutes: 5, confirmBetsSeconds: null });
    settings.update({ equitySnapshotMinutes: 15 });
    db.close();
    db = openDatabase(file);
    expect(new SettingsService(new SettingsRepo(db), new SqliteSecretStore(db, new ScryptCipher('s'))).stored()).toMatchObject({ signalUrl: 'ws://10.0.0.2:9000', equitySnapshotMinutes: 15 });
    db.close();
  });
});
