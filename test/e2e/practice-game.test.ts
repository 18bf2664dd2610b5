// The practice crash game in headless Chromium: betting, cash-out, ignored bets, crash, and the display matching
// m(t) = e^(r·t) floored to 2 decimals.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrashChain } from '../../src-shared/crash/bustabit';
import { displayedCentsAt } from '../../src-shared/crash/growth';
import type { GameSnapshot, LogEntry } from '../../src-renderer/practice-game/types';
import { launchHeadless } from '../support/chromium';
import { servePracticeGame, type PracticeGameServer } from '../support/practice-game-server';
import { seedWhere } from '../support/seeds';

const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results');
const RATE = 0.0002;

/** What page.evaluate callbacks see; this file is compiled for Node, so the browser globals are declared here. */
interface PageGlobals {
  practiceGame?: { log: LogEntry[]; state(): GameSnapshot };
  document: { getElementById(id: string): { textContent: string | null } | null; querySelector(selector: string): unknown };
  getComputedStyle(element: unknown): { fontFamily: string; fontSize: string; color: string; backgroundColor: string };
}

const gameLog = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).practiceGame!.log);
const gameState = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).practiceGame!.state());
const waitForPhase = (page: Page, phase: string) =>
  page.waitForFunction((p) => (globalThis as unknown as PageGlobals).practiceGame?.state().phase === p, phase, { timeout: 20_000, polling: 10 });

let server: PracticeGameServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([servePracticeGame(), launchHeadless()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openGame(params: Record<string, string | number>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${server.url}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).practiceGame !== undefined);
  expect(errors).toEqual([]);
  return page;
}

describe('practice crash game', () => {
  it('takes a bet while betting, ignores one in flight, pays the cash-out at the clicked multiplier, then crashes', async () => {
    const seed = seedWhere('e2e', 1, (crashPoint) => crashPoint >= 2 && crashPoint <= 4);
    const crashPoint = new CrashChain(seed).crashPoint(1);
    const page = await openGame({ seed, rate: RATE, countdownMs: 2500, pauseMs: 1500, balance: 1000, stake: 25 });

    expect(await gameState(page)).toMatchObject({ phase: 'BETTING', roundId: 1, balance: 1000 });
    await page.click('#bet');
    expect((await gameLog(page)).filter((e) => e.type === 'bet')).toMatchObject([{ roundId: 1, stake: 25, balance: 975 }]);
    await expect.poll(() => page.textContent('#balance')).toBe('975.00');
    expect(await page.getAttribute('#bet', 'data-state')).toBe('placed');

    await waitForPhase(page, 'FLYING');
    await page.click('#bet');
    expect((await gameLog(page)).at(-1)).toMatchObject({ type: 'bet-ignored', roundId: 1, reason: 'phase FLYING' });
    expect((await gameState(page)).balance).toBe(975);

    // The readout follows e^(r·t) floored to 2 decimals; it may be up to a few frames old when sampled.
    const { flightStartsAt } = await gameState(page);
    for (let i = 0; i < 15; i++) {
      const { text, now } = await page.evaluate(() => ({
        text: (globalThis as unknown as PageGlobals).document.getElementById('multiplier')!.textContent!,
        now: performance.timeOrigin + performance.now(),
      }));
      expect(text).toMatch(/^\d+\.\d\dx$/);
      const shown = Math.round(parseFloat(text) * 100);
      expect(shown).toBeLessThanOrEqual(displayedCentsAt(now - flightStartsAt, RATE));
      expect(shown).toBeGreaterThanOrEqual(displayedCentsAt(now - flightStartsAt - 50, RATE));
      await page.waitForTimeout(60);
    }

    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).practiceGame!.state().multiplier >= 1.5, null, { polling: 10 });
    expect(await page.getAttribute('#cashout', 'data-state')).toBe('ready');
    await mkdir(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: resolve(RESULTS_DIR, 'practice-game.png') });

    const clickedFrom = await page.evaluate(() => performance.timeOrigin + performance.now());
    await page.click('#cashout');
    const cashout = (await gameLog(page)).find((e) => e.type === 'cashout')!;
    expect(cashout.at).toBeGreaterThan(clickedFrom);
    const cents = displayedCentsAt(cashout.at - flightStartsAt, RATE);
    expect(cashout).toMatchObject({ roundId: 1, stake: 25, multiplier: cents / 100, payout: Math.floor(25 * cents) / 100 });
    expect(cashout.multiplier).toBeLessThan(crashPoint);
    expect(cashout.balance).toBeCloseTo(975 + cashout.payout!, 9);
    await expect.poll(() => page.textContent('#cashout')).toBe(`Cashed out @ ${(cents / 100).toFixed(2)}x`);

    await waitForPhase(page, 'CRASHED');
    const crash = (await gameLog(page)).find((e) => e.type === 'crash')!;
    expect(crash).toMatchObject({ roundId: 1, crashPoint });
    expect(crash.at).toBeCloseTo(flightStartsAt + Math.log(crashPoint) / RATE, 6);
    await expect.poll(() => page.textContent('#multiplier')).toBe(`CRASHED @ ${crashPoint.toFixed(2)}x`);
    expect(await gameState(page)).toMatchObject({ crashPoints: [{ roundId: 1, crashPoint }], balance: cashout.balance });

    await waitForPhase(page, 'BETTING');
    expect((await gameState(page)).roundId).toBe(2);
    expect((await gameLog(page)).map((e) => `${e.type}:${e.roundId}`)).toEqual(['round:1', 'bet:1', 'bet-ignored:1', 'cashout:1', 'crash:1', 'round:2']);
    await page.close();
  });

  it('survives an instant 1.00x crash: the bet is lost and a cash-out is ignored', async () => {
    const seed = seedWhere('instant', 1, (crashPoint) => crashPoint === 1);
    // Windows wide enough for a loaded machine: the Bet click must land in betting, the checks below in the pause.
    const page = await openGame({ seed, rate: RATE, countdownMs: 3000, pauseMs: 4000, balance: 100, stake: 10 });
    await page.click('#bet');
    await waitForPhase(page, 'CRASHED');
    const { flightStartsAt } = await gameState(page);
    await page.click('#cashout');
    const log = await gameLog(page);
    expect(log.find((e) => e.type === 'crash')).toMatchObject({ roundId: 1, crashPoint: 1, at: flightStartsAt });
    expect(log.at(-1)).toMatchObject({ type: 'cashout-ignored', roundId: 1, reason: 'phase CRASHED' });
    expect(await page.textContent('#multiplier')).toBe('CRASHED @ 1.00x');
    expect((await gameState(page)).balance).toBe(90);
    await waitForPhase(page, 'BETTING');
    await page.close();
  });

  it('applies appearance parameters to the readout for OCR tests', async () => {
    const page = await openGame({ seed: 'look', rate: RATE, countdownMs: 200, theme: 'light', font: 'Liberation Mono', size: 64, fg: '#00ff00', bg: '#000080' });
    await waitForPhase(page, 'FLYING');
    const style = await page.evaluate(() => {
      const browser = globalThis as unknown as PageGlobals;
      const readout = browser.getComputedStyle(browser.document.getElementById('multiplier'));
      const stage = browser.getComputedStyle(browser.document.querySelector('.stage'));
      return { font: readout.fontFamily, size: readout.fontSize, color: readout.color, bg: stage.backgroundColor };
    });
    expect(style).toEqual({ font: '"Liberation Mono"', size: '64px', color: 'rgb(0, 255, 0)', bg: 'rgb(0, 0, 128)' });
    await page.close();
  });
});
