// Each practice-game skin in a kiosk Chromium on Xvfb: the game profile that startDesktopGame measures frames the
// whole readout box and the buttons, passes the calibration rules, and a real OS click at its Bet point bets.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GameProfile, profileProblems, type Point, type Rect } from '../../src-shared/game-profile';
import { SKIN_NAMES, SKINS } from '../../src-renderer/practice-game/skins';
import { startDesktopGame, type DesktopGame } from '../support/desktop-game';
import { XVFB_AVAILABLE } from '../support/xvfb';

const SHOTS_DIR = resolve(import.meta.dirname, '../../test-results/skins');

interface PageGlobals {
  document: { getElementById(id: string): { getBoundingClientRect(): { x: number; y: number; width: number; height: number } } };
}

const within = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** A real pointer click on the X display, as the autopilot sends it. */
function osClick(game: DesktopGame, { x, y }: Point): void {
  execFileSync('xdotool', ['mousemove', String(x), String(y), 'click', '1'], { env: { ...process.env, DISPLAY: game.x.display } });
}

describe.skipIf(!XVFB_AVAILABLE)('practice game skins on a real screen', () => {
  it.each(SKIN_NAMES)('%s: profile() frames the readout box and the buttons; a real click at points.bet bets', async (skin) => {
    const single = SKINS[skin].buttons === 'single';
    // A long betting phase: the clicks below must land in it even on a loaded machine.
    const game = await startDesktopGame({ seed: `profile-${skin}`, skin, countdownMs: 15_000 });
    try {
      expect(await game.state()).toMatchObject({ phase: 'BETTING', roundId: 1 });
      expect(game.rate).toBe(SKINS[skin].rate);
      const profile = GameProfile.parse(await game.profile());
      expect(profile.name).toBe(skin === 'classic' ? 'practice' : `practice-${skin}`);
      expect(profileProblems(profile, [{ id: '0', bounds: { x: 0, y: 0, width: game.x.width, height: game.x.height }, scaleFactor: 1 }])).toEqual([]);

      // Every part of the readout box (number, crash line, waiting text, progress bar) lies inside the region.
      const parts = await game.page.evaluate(() =>
        ['readout-above', 'multiplier', 'readout-below', 'readout-progress'].map((id) => {
          const r = (globalThis as unknown as PageGlobals).document.getElementById(id).getBoundingClientRect();
          return { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.width), height: Math.ceil(r.height) };
        }),
      );
      for (const part of parts.filter((p) => p.height > 0)) expect(within(part, profile.regions.multiplier)).toBe(true);
      if (skin === 'classic') {
        // Today's profiles stay valid: classic's readout box is exactly the old #multiplier box.
        const old = (await game.page.locator('#multiplier').boundingBox())!;
        expect(profile.regions.multiplier).toEqual({ x: Math.round(old.x) - 2, y: Math.round(old.y) - 2, width: Math.round(old.width) + 4, height: Math.round(old.height) + 4 });
      }
      mkdirSync(SHOTS_DIR, { recursive: true });
      await game.page.screenshot({ path: resolve(SHOTS_DIR, `${skin}-region.png`), clip: profile.regions.multiplier });

      if (single) {
        expect(profile.points.bet).toEqual(profile.points.cashout);
        await expect(game.profile('with-auto', { autoCashout: true })).rejects.toThrow(/no auto cash-out field/);
      } else {
        expect(profile.points.bet).not.toEqual(profile.points.cashout);
        expect((await game.profile('with-auto', { autoCashout: true })).points.autoCashoutInput).toBeDefined();
      }

      osClick(game, profile.points.bet);
      await expect.poll(async () => (await game.log()).filter((e) => e.type === 'bet')).toMatchObject([{ roundId: 1, stake: 1 }]);
      if (single) {
        // The same point, clicked again while betting, takes the bet back.
        osClick(game, profile.points.cashout);
        await expect.poll(async () => (await game.log()).at(-1)).toMatchObject({ type: 'cancel', roundId: 1, stake: 1, balance: 1000 });
      }
      expect(await game.state()).toMatchObject({ phase: 'BETTING', roundId: 1 });
    } finally {
      await game.close();
    }
  });
});
