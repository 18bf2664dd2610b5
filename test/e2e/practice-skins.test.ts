// Every practice-game skin in headless Chromium: one whole round watched frame by frame, checked against the skin's
// betting, flight and crash conventions; the single button clicked through bet, cancel, cash-out and a queued bet.
// Screenshots of each skin in each phase go to test-results/skins/.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrashChain } from '../../src-shared/crash/bustabit';
import { SKIN_NAMES, SKINS, type SkinName } from '../../src-renderer/practice-game/skins';
import type { GameSnapshot, LogEntry } from '../../src-renderer/practice-game/types';
import { launchHeadless } from '../support/chromium';
import { servePracticeGame, type PracticeGameServer } from '../support/practice-game-server';
import { seedWhere } from '../support/seeds';

const SHOTS_DIR = resolve(import.meta.dirname, '../../test-results/skins');

/** One animation frame of the readout box, as the page shows it. */
interface Sample {
  phase: string;
  above: string;
  main: string;
  below: string;
  tone: string;
  progress: string | null;
  box: string;
}

interface SampledElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  firstElementChild: { style: { transform: string } } | null;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
}

/** What page.evaluate callbacks see; this file is compiled for Node, so the browser globals are declared here. */
interface PageGlobals {
  practiceGame: { log: LogEntry[]; state(): GameSnapshot };
  document: { getElementById(id: string): SampledElement };
  requestAnimationFrame(callback: () => void): void;
  readoutSamples?: Sample[];
}

const gameLog = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).practiceGame.log);
const gameState = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).practiceGame.state());
/** Waits until the game is in `phase` (of round `roundId`, at `multiplier` or more, when given). */
const waitFor = (page: Page, wanted: { phase: GameSnapshot['phase']; roundId?: number; multiplier?: number }) =>
  page.waitForFunction(
    (w) => {
      const s = (globalThis as unknown as PageGlobals).practiceGame.state();
      return s.phase === w.phase && (w.roundId === undefined || s.roundId === w.roundId) && (w.multiplier === undefined || s.multiplier >= w.multiplier);
    },
    wanted,
    { timeout: 30_000, polling: 10 },
  );

/** Records the readout box every animation frame, after the game's own render. */
function startSampling(page: Page) {
  return page.evaluate(() => {
    const browser = globalThis as unknown as PageGlobals;
    const samples: Sample[] = (browser.readoutSamples = []);
    const el = (id: string) => browser.document.getElementById(id);
    const tick = () => {
      const progress = el('readout-progress');
      const box = el('readout').getBoundingClientRect();
      samples.push({
        phase: el('multiplier').getAttribute('data-phase') ?? '',
        above: el('readout-above').textContent ?? '',
        main: el('multiplier').textContent ?? '',
        below: el('readout-below').textContent ?? '',
        tone: el('multiplier').getAttribute('data-tone') ?? '',
        progress: progress.getAttribute('data-active') === 'true' ? progress.firstElementChild!.style.transform : null,
        box: `${box.x},${box.y} ${box.width}x${box.height}`,
      });
      browser.requestAnimationFrame(tick);
    };
    browser.requestAnimationFrame(tick);
  });
}

const takeSamples = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).readoutSamples!.splice(0));

/** A crash point whose flight lasts `fromMs`–`toMs` at this rate: every skin's round takes about as long. */
const flightBetween = (rate: number, fromMs: number, toMs: number) => (crashPoint: number) => crashPoint >= Math.exp(rate * fromMs) && crashPoint <= Math.exp(rate * toMs);

/** The readout's text lines, top to bottom. */
const lines = (s: Sample) => [s.above, s.main, s.below].filter(Boolean);
const fixed = (m: number) => m.toFixed(2);

/** Each skin's conventions, written out here independently of skins.ts. */
const CONVENTIONS: Record<SkinName, { betting: (s: Sample, previousCrash: number | null) => void; flight: RegExp; crash: (s: Sample, crash: number) => void }> = {
  classic: {
    betting: (s) => expect(lines(s)).toEqual([]),
    flight: /^\d{1,3}(,\d{3})*\.\d\dx$/,
    crash: (s, c) => expect(lines(s)).toEqual([`CRASHED @ ${fixed(c)}x`]),
  },
  aviator: {
    betting: (s) => {
      expect(lines(s)).toEqual(['WAITING FOR NEXT ROUND']);
      expect(s.progress).toMatch(/^scaleX\(/);
    },
    flight: /^\d{1,3}(,\d{3})*\.\d\dx$/,
    crash: (s, c) => expect(lines(s)).toEqual(['FLEW AWAY!', `${fixed(c)}x`]),
  },
  rocket: {
    betting: (s) => expect(lines(s)).toEqual([expect.stringMatching(/^(Next round in )?\d+\.\ds$/)]),
    flight: /^x\d{1,3}(,\d{3})*\.\d\d$/,
    crash: (s, c) => expect(lines(s)).toEqual([`x${fixed(c)}`]),
  },
  bust: {
    betting: (s) => expect(lines(s)).toEqual([expect.stringMatching(/^Starting in \d+$/)]),
    flight: /^\d{1,3}(,\d{3})*\.\d\dx$/,
    crash: (s, c) => expect(lines(s)).toEqual([`Busted @ x${fixed(c)}`]),
  },
  jet: {
    betting: (s) => expect(lines(s)).toEqual(['1.00×']),
    flight: /^\d{1,3}(,\d{3})*\.\d×$/,
    crash: (s) => expect(lines(s)).toEqual([]),
  },
  neon: {
    betting: (s, previous) => expect(lines(s)).toEqual(previous === null ? ['PREPARING'] : [fixed(previous), 'PREPARING']),
    flight: /^\d{1,3}(,\d{3})*\.\d\d$/,
    crash: (s) => expect(lines(s)).toEqual(['BUSTED']),
  },
};

/** The number a flight text shows, e.g. `x1,234.56` → 1234.56. */
const shownNumber = (text: string) => Number(text.replace(/[x×,]/g, ''));

let server: PracticeGameServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([servePracticeGame(), launchHeadless()]);
  await mkdir(SHOTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSkin(skin: SkinName, params: Record<string, string | number>): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A CSP violation (an inline style or script) shows up here as a console error.
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const query = new URLSearchParams({ skin, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  await page.goto(`${server.url}?${query}`);
  await page.waitForFunction(() => (globalThis as unknown as Partial<PageGlobals>).practiceGame !== undefined);
  return { page, errors };
}

const shot = (page: Page, skin: SkinName, phase: string) => page.screenshot({ path: resolve(SHOTS_DIR, `${skin}-${phase}.png`) });
/** Lets the button's 120 ms colour transition finish, so its screenshot shows the colour it settles on. */
const settled = (page: Page) => page.waitForTimeout(200);

describe('practice game skins', () => {
  it.each(SKIN_NAMES)('%s: one whole round shows the skin’s betting, flight and crash conventions', async (skin) => {
    const { rate } = SKINS[skin];
    const seed = seedWhere(`skin-${skin}`, 1, flightBetween(rate, 1500, 4000));
    const crashPoint = new CrashChain(seed).crashPoint(1);
    const { page, errors } = await openSkin(skin, { seed, countdownMs: 3000, pauseMs: 1500 });
    await startSampling(page);
    expect(await gameState(page)).toMatchObject({ phase: 'BETTING', roundId: 1, rate });

    await page.waitForTimeout(150);
    await shot(page, skin, 'betting');
    await waitFor(page, { phase: 'FLYING', multiplier: Math.sqrt(crashPoint) });
    await shot(page, skin, 'flight');
    await waitFor(page, { phase: 'CRASHED' });
    await page.waitForTimeout(150);
    await shot(page, skin, 'crash');
    await waitFor(page, { phase: 'BETTING', roundId: 2 });
    await page.waitForTimeout(400);
    await shot(page, skin, 'next-betting');
    const samples = await takeSamples(page);

    const conventions = CONVENTIONS[skin];
    const roundOf = (phase: string, from: number) => {
      const start = samples.findIndex((s, i) => i >= from && s.phase === phase);
      const end = samples.findIndex((s, i) => i > start && s.phase !== phase);
      return samples.slice(start, end === -1 ? undefined : end);
    };
    const betting = roundOf('BETTING', 0);
    const flight = roundOf('FLYING', 0);
    const crash = roundOf('CRASHED', 0);
    const nextBetting = roundOf('BETTING', samples.indexOf(crash.at(-1)!));
    expect(Math.min(betting.length, flight.length, crash.length, nextBetting.length)).toBeGreaterThan(3);

    for (const s of betting) conventions.betting(s, null);
    for (const s of nextBetting) conventions.betting(s, crashPoint);
    if (skin === 'rocket') expect(new Set(betting.map((s) => s.main.startsWith('Next round in')))).toEqual(new Set([true, false]));
    for (const s of flight) {
      expect(s.main).toMatch(conventions.flight);
      expect(s).toMatchObject({ above: '', below: '', tone: 'live' });
    }
    const shown = flight.map((s) => shownNumber(s.main));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.at(-1)).toBeLessThanOrEqual(crashPoint);
    for (const s of crash) {
      conventions.crash(s, crashPoint);
      expect(s.tone).toBe('crashed');
    }
    // The readout box never moves or resizes: a profile's multiplier region is drawn around it once.
    expect(new Set(samples.map((s) => s.box)).size).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  describe.each(SKIN_NAMES.filter((name) => SKINS[name].buttons === 'single'))('%s: the single button', (skin) => {
    it('goes BET → CANCEL → BET → CASH OUT, then a click in a flight without a bet queues a bet on the next round', async () => {
      const { rate } = SKINS[skin];
      const seed = seedWhere(`single-${skin}`, 2, flightBetween(rate, 2500, 6000));
      const { page, errors } = await openSkin(skin, { seed, countdownMs: 5000, pauseMs: 1200, balance: 100, stake: 10 });
      const button = page.locator('#action');
      expect(await page.locator('#bet').isHidden()).toBe(true);
      expect(await page.locator('#cashout').isHidden()).toBe(true);
      expect(await page.locator('#auto-cashout').isHidden()).toBe(true);

      await expect.poll(() => button.textContent()).toBe('BET');
      await button.click();
      await expect.poll(() => button.textContent()).toBe('CANCEL');
      expect(await button.getAttribute('data-state')).toBe('cancel');
      await button.click();
      await expect.poll(() => button.textContent()).toBe('BET');
      await button.click();
      await settled(page);
      await shot(page, skin, 'button-cancel');
      expect((await gameLog(page)).filter((e) => e.type !== 'round')).toMatchObject([
        { type: 'bet', roundId: 1, stake: 10, balance: 90 },
        { type: 'cancel', roundId: 1, stake: 10, balance: 100 },
        { type: 'bet', roundId: 1, stake: 10, balance: 90 },
      ]);

      await waitFor(page, { phase: 'FLYING', multiplier: 1.2 });
      const label = (await button.textContent())!;
      expect(label).toMatch(/^CASH OUT \d+\.\d\d$/);
      await shot(page, skin, 'button-cashout');
      await button.click();
      const cashout = (await gameLog(page)).at(-1)!;
      expect(cashout).toMatchObject({ type: 'cashout', roundId: 1, stake: 10 });
      expect(cashout.payout).toBeGreaterThanOrEqual(Number(label.slice('CASH OUT '.length)));
      // After our cash-out the button looks idle, but it is still live: a click would bet on round 2.
      await expect.poll(() => button.getAttribute('data-state')).toBe('queue');
      expect(await button.textContent()).toBe('BET');

      await waitFor(page, { phase: 'FLYING', roundId: 2 });
      const before = (await gameState(page)).balance;
      await button.click();
      const queued = (await gameLog(page)).at(-1)!;
      expect(queued).toMatchObject({ type: 'bet', roundId: 3, stake: 10, balance: before - 10, queued: true, placedInRound: 2 });
      expect(await gameState(page)).toMatchObject({ roundId: 2, bet: null, queuedBet: { stake: 10 } });
      await expect.poll(() => button.getAttribute('data-state')).toBe('unqueue');
      expect(await button.textContent()).toBe('CANCEL');
      await settled(page);
      await shot(page, skin, 'button-queued');

      // In round 3's betting phase the queued bet is simply ours, and the button offers to cancel it.
      await waitFor(page, { phase: 'BETTING', roundId: 3 });
      expect(await gameState(page)).toMatchObject({ bet: { stake: 10 }, queuedBet: null });
      await expect.poll(() => button.textContent()).toBe('CANCEL');
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
