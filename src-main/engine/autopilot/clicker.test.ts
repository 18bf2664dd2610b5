import { describe, expect, it } from 'vitest';
import type { GameProfile } from '../../../src-shared/game-profile';
import { openDatabase } from '../../adapters/store/database';
import { ActionsRepo } from '../../adapters/store/actions-repo';
import { SafetyService } from '../services/safety-service';
import { Clicker } from './clicker';

const PROFILE: GameProfile = { version: 1, name: 'p', display: { id: '0', scaleFactor: 1 }, regions: { multiplier: { x: 0, y: 0, width: 100, height: 40 } }, points: { bet: { x: 10, y: 10 }, cashout: { x: 20, y: 10 } } };

/** A clicker whose clicks take the given ms each, on a clock only they advance. */
function clickerWith(durations: number[]) {
  let now = 0;
  const actions = new ActionsRepo(openDatabase(':memory:'));
  const safety = new SafetyService({ store: { save: () => {} }, audit: actions, marker: { write: () => true, clear: () => {} }, alert: () => {} }, { killSwitch: false });
  safety.armLive({ steps: [] }, 'test');
  const mouse = { click: async () => void (now += durations.shift() ?? 1), probeMove: async () => ({ moved: true }), typeInto: async () => {} };
  const clicker = new Clicker(mouse, safety, actions, () => now);
  const bet = () => clicker.click({ profile: PROFILE, target: 'bet', reason: 'test', executionId: null });
  return { clicker, bet };
}

describe('Clicker.lowLatencyMs: how far ahead of its landing a cash-out is sent', () => {
  it('is 0 until five clicks are measured, whatever the first ones took', async () => {
    const { clicker, bet } = clickerWith([42, 40, 38, 41]);
    for (let i = 0; i < 4; i++) {
      await bet();
      expect(clicker.lowLatencyMs()).toBe(0);
    }
  });

  it('is then the fastest click measured: a slower assumption would send the cash-out before the target', async () => {
    const { clicker, bet } = clickerWith([42, 2, 30, 1.5, 3, 2]);
    for (let i = 0; i < 6; i++) await bet();
    expect(clicker.lowLatencyMs()).toBe(1.5);
  });
});
