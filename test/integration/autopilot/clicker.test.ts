import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionsRepo } from '../../../src-main/adapters/store/actions-repo';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { KillSwitchStore } from '../../../src-main/adapters/store/kill-switch-store';
import { SettingsRepo } from '../../../src-main/adapters/store/settings-repo';
import { UnsavedKillSwitchMarker } from '../../../src-main/adapters/store/unsaved-kill-switch-marker';
import { Clicker } from '../../../src-main/engine/autopilot/clicker';
import { SafetyService } from '../../../src-main/engine/services/safety-service';
import type { GameProfile } from '../../../src-shared/game-profile';
import { recordingDesktop, type RecordingDesktop } from '../../support/recording-desktop';
import { tempDir } from '../../support/temp-dir';
import { READY_CHECKLIST } from '../../support/checklist';

const profile: GameProfile = {
  version: 1,
  name: 'p',
  display: { id: '0', scaleFactor: 1 },
  regions: { multiplier: { x: 0, y: 0, width: 100, height: 40 } },
  points: { bet: { x: 10, y: 200 }, cashout: { x: 60, y: 200 } },
};

describe('Clicker: the one path to a real click', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let safety: SafetyService;
  let actions: ActionsRepo;
  let desktop: RecordingDesktop;
  let clicker: Clicker;

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'c.sqlite'));
    actions = new ActionsRepo(db);
    const store = new KillSwitchStore(db, new SettingsRepo(db));
    safety = new SafetyService({ store, audit: actions, marker: new UnsavedKillSwitchMarker(dir.path), alert: () => {} }, { killSwitch: store.read() });
    desktop = recordingDesktop();
    clicker = new Clicker(desktop.mouse, safety, actions);
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  const click = (target: 'bet' | 'cashout', extra: { betPlacedLive?: boolean; limitRefusal?: string | null } = {}) =>
    clicker.click({ profile, target, reason: 'test', executionId: null, ...extra });

  it('refuses in dry run, and records the refusal', async () => {
    expect(await click('bet')).toEqual({ clicked: false, refused: 'dry run: no click sent' });
    expect(desktop.clicks).toEqual([]);
    expect(actions.recent(5)[0]).toMatchObject({ kind: 'refused-click', target: 'bet', x: 10, y: 200 });
  });

  it('clicks only at the profile points when live, and records each click with its latency', async () => {
    safety.armLive(READY_CHECKLIST, 'test');
    expect(await click('bet')).toMatchObject({ clicked: true });
    expect(await click('cashout', { betPlacedLive: true })).toMatchObject({ clicked: true });
    expect(desktop.clicks).toEqual([{ x: 10, y: 200 }, { x: 60, y: 200 }]);
    expect(actions.recent(1)[0]).toMatchObject({ kind: 'click', target: 'cashout', x: 60, y: 200, mode: 'live' });
  });

  it('never cashes out a bet it did not place live', async () => {
    safety.armLive(READY_CHECKLIST, 'test');
    expect(await click('cashout')).toEqual({ clicked: false, refused: 'dry run: no live bet to cash out' });
    expect(desktop.clicks).toEqual([]);
  });

  it('refuses a bet past a limit, but never the cash-out of a live bet', async () => {
    safety.armLive(READY_CHECKLIST, 'test');
    expect(await click('bet', { limitRefusal: 'daily loss limit' })).toEqual({ clicked: false, refused: 'limit: daily loss limit' });
    expect(await click('cashout', { betPlacedLive: true, limitRefusal: 'daily loss limit' })).toMatchObject({ clicked: true });
  });

  it('under the kill switch refuses every bet, but still cashes out a live bet already placed', async () => {
    safety.armLive(READY_CHECKLIST, 'test');
    safety.setKillSwitch(true, 'test');
    expect(safety.snapshot().mode).toBe('dry-run');
    expect(await click('bet')).toEqual({ clicked: false, refused: 'kill switch engaged' });
    expect(await click('cashout', { betPlacedLive: true })).toMatchObject({ clicked: true });
    expect(desktop.clicks).toEqual([{ x: 60, y: 200 }]);
  });

  it('after a return to dry run mid-round, still cashes out the live bet', async () => {
    safety.armLive(READY_CHECKLIST, 'test');
    safety.setMode('dry-run', 'user disarmed');
    expect(await click('cashout', { betPlacedLive: true })).toMatchObject({ clicked: true });
  });

  it("types into the game's stake and auto cash-out fields only when a bet could be placed", async () => {
    const withFields: GameProfile = { ...profile, points: { ...profile.points, stakeInput: { x: 10, y: 250 }, autoCashoutInput: { x: 60, y: 250 } } };
    const type = (field: 'stakeInput' | 'autoCashoutInput', limitRefusal: string | null = null) => clicker.typeField(withFields, field, '2.50', null, limitRefusal);

    expect(await type('autoCashoutInput')).toEqual({ clicked: false, refused: 'dry run: no click sent' });
    safety.armLive(READY_CHECKLIST, 'test');
    expect(await type('stakeInput', 'max stake')).toEqual({ clicked: false, refused: 'limit: max stake' });
    safety.setKillSwitch(true, 'test');
    expect(await type('autoCashoutInput')).toEqual({ clicked: false, refused: 'kill switch engaged' });
    expect(desktop.typed).toEqual([]);
    expect(actions.recent(20).filter((a) => a.kind === 'refused-type').map((a) => a.target)).toEqual(['autoCashoutInput', 'stakeInput', 'autoCashoutInput']);

    safety.setKillSwitch(false, 'test');
    safety.armLive(READY_CHECKLIST, 'test');
    expect(await type('autoCashoutInput')).toMatchObject({ clicked: true });
    expect(desktop.typed).toEqual([{ point: { x: 60, y: 250 }, text: '2.50' }]);
    expect(await clicker.typeField(profile, 'autoCashoutInput', '2.50', null, null)).toEqual({ clicked: false, refused: 'the profile has no autoCashoutInput field' });
  });
});
