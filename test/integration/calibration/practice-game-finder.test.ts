// The practice game with `?markers=1`, rendered by Chromium in several skins (one of them a one-button game, one with
// a light theme) at display scales 1, 1.25, 1.5 and 2 and with the page scrolled off the origin: the finder must put
// the readout region and the button points where the page's own layout says they are.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../../../src-main/adapters/ocr/png-file';
import { findPracticeGame } from '../../../src-main/core/display/practice-game-finder';
import { launchHeadless } from '../../support/chromium';
import { servePracticeGame, type PracticeGameServer } from '../../support/practice-game-server';

let server: PracticeGameServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([servePracticeGame(), launchHeadless()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const CASES = [
  { skin: 'classic', scale: 1, extra: '' },
  { skin: 'aviator', scale: 1.25, extra: '' },
  { skin: 'neon', scale: 1.5, extra: '' },
  { skin: 'bust', scale: 2, extra: '&theme=light' },
  { skin: 'jet', scale: 1, extra: '&backdrop=neon' },
  { skin: 'rocket', scale: 1.5, extra: '&betting=aviator' },
] as const;

describe('finding the practice game on a screen capture by its markers', () => {
  for (const { skin, scale, extra } of CASES) {
    it(`${skin}${extra} at scale ${scale}`, async () => {
      // A window smaller than the page and a margin around it: the game is not at the capture's origin.
      const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: scale });
      try {
        await page.goto(`${server.url}?skin=${skin}&markers=1&seed=finder${extra}`);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForSelector('[data-marker="readout"]', { state: 'attached' });
        const box = async (selector: string): Promise<Box> => (await page.locator(selector).boundingBox())!;
        const single = await page.locator('#action').isVisible();
        const readout = await box('#readout');
        const bet = await box(single ? '#action' : '#bet');
        const cashout = single ? bet : await box('#cashout');
        const found = findPracticeGame(decodePng(await page.screenshot()));
        expect(found, 'markers not found').not.toBeNull();
        const px = (v: number) => v * scale;
        // Within 2 CSS px: layout snaps the page's boxes and the markers to device pixels separately.
        const slack = 2 * scale;
        expect(found!.scale).toBeCloseTo(scale, 1);
        // The region holds the readout box.
        const r = found!.multiplier;
        expect(Math.abs(r.x - px(readout.x))).toBeLessThanOrEqual(slack);
        expect(Math.abs(r.y - px(readout.y))).toBeLessThanOrEqual(slack);
        expect(Math.abs(r.x + r.width - px(readout.x + readout.width))).toBeLessThanOrEqual(slack);
        expect(Math.abs(r.y + r.height - px(readout.y + readout.height))).toBeLessThanOrEqual(slack);
        const centre = (b: Box) => ({ x: px(b.x + b.width / 2), y: px(b.y + b.height / 2) });
        for (const [point, button] of [[found!.bet, bet], [found!.cashout, cashout]] as const) {
          expect(Math.abs(point.x - centre(button).x)).toBeLessThanOrEqual(slack);
          expect(Math.abs(point.y - centre(button).y)).toBeLessThanOrEqual(slack);
        }
      } finally {
        await page.close();
      }
    });
  }

  it('finds nothing on the game without markers', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    try {
      await page.goto(`${server.url}?skin=neon&seed=finder`);
      expect(findPracticeGame(decodePng(await page.screenshot()))).toBeNull();
    } finally {
      await page.close();
    }
  });
});
