import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { SettingsRepo } from '../../../src-main/adapters/store/settings-repo';
import { playRounds } from '../../../src-main/core/crash/payout-loop.test-support';
import { DisplayLagStore } from '../../../src-main/engine/autopilot/display-lag-store';
import { tempDir } from '../../support/temp-dir';

describe('DisplayLagStore', () => {
  it('keeps what a profile learned across a restart, in a real SQLite file, per profile', () => {
    const dir = tempDir('cockpit-lag-');
    const file = `${dir.path}/cockpit.sqlite`;
    try {
      const first = openDatabase(file);
      const lag = new DisplayLagStore(new SettingsRepo(first)).load('practice');
      playRounds(lag, [5, 5, 5], () => 30);
      const learned = lag.current();
      expect(learned).toBeGreaterThan(8);
      new DisplayLagStore(new SettingsRepo(first)).save('practice', lag);
      first.close();

      const second = openDatabase(file);
      const store = new DisplayLagStore(new SettingsRepo(second));
      expect(store.load('practice').current()).toBe(learned);
      expect(store.load('another game').current()).toBe(8);
      second.close();
    } finally {
      dir.cleanup();
    }
  });

  it('starts afresh from a stored value that does not parse', () => {
    const db = openDatabase(':memory:');
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('autopilot.displayLag.practice', '[{"loMs":"x"}]', 0);
    expect(new DisplayLagStore(new SettingsRepo(db)).load('practice').current()).toBe(8);
    db.close();
  });
});
