// The Markets page end to end, in Chromium against the real `cockpit headless` and the exchange simulator on 127.0.0.1:
// add a paper account, see balances, configure a strategy and switch it on, watch orders, positions, P&L per symbol and
// stream health update, then engage the kill switch and see no further orders.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../src-main/adapters/exchange/simulator/demo-feed';
import { startSimulator, type Simulator } from '../../src-main/adapters/exchange/simulator/server';
import { launchHeadless } from '../support/chromium';
import { startHeadlessProcess, type HeadlessProcess } from '../support/headless-process';
import { tempDir } from '../support/temp-dir';
import { openCockpit, watchErrors } from '../support/ui-helpers';

const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 200 });

describe('Markets page: paper trading on the simulator', () => {
  const dir = tempDir('cockpit-mk-ui-');
  let sim: Simulator;
  let stopFeed: () => void;
  let cockpit: HeadlessProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    sim = await startSimulator();
    stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 60_000 }, everyMs: 20, volatility: 0.003, seed: 11 });
    [cockpit, browser] = await Promise.all([startHeadlessProcess(join(dir.path, 'data')), launchHeadless()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 1300 } });
    errors = watchErrors(page);
    await openCockpit(page, cockpit.url);
    await page.getByRole('button', { name: 'Markets', exact: true }).click();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.error('page errors:', errors, cockpit?.output().slice(-3000));
    if (task.result?.state === 'fail') await page?.screenshot({ path: `test-results/markets-view-failed-${task.id}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    const code = await cockpit?.stop('SIGTERM');
    stopFeed?.();
    await sim?.close();
    dir.cleanup();
    expect(code).toBe(0);
  });

  const orderRows = () => page.getByTestId('orders-table').locator('tbody tr');

  it('adds a paper account on the simulator and shows its balances', async () => {
    const form = page.getByRole('form', { name: 'Add account' });
    await form.getByLabel('Exchange').selectOption('paper');
    await form.getByLabel('Label').fill('Sim paper');
    await form.getByLabel(/Base URL/).fill(sim.httpUrl);
    await form.getByLabel('Starting USDT').fill('25000');
    await form.getByRole('button', { name: 'Add account' }).click();
    const accounts = page.getByTestId('accounts-panel');
    await accounts.getByText('Sim paper').waitFor();
    await accounts.getByRole('button', { name: 'Balances' }).click();
    await poll(() => accounts.getByRole('table', { name: 'Balances of Sim paper' }).locator('tbody tr').first().textContent()).toBe('USDT25,0000');
  });

  it('a strategy switched on trades: orders, positions, P&L per symbol and stream health update live', async () => {
    const form = page.getByRole('form', { name: 'Configure strategy' });
    await form.getByLabel('Strategy', { exact: true }).selectOption('sma-cross');
    await form.getByLabel('Interval').selectOption('1s');
    await form.getByLabel('Params (JSON)').fill('{"fast": 2, "slow": 3}');
    await form.getByLabel(/Quote per trade/).fill('5000');
    await form.getByRole('button', { name: 'Save strategy' }).click();
    const panel = page.getByTestId('strategies-panel');
    const toggle = panel.getByRole('checkbox', { name: /^Run sma-cross-/ });
    await toggle.waitFor();
    // The same engine toggle is a header checkbox (and a tray item in the app).
    await expect(page.getByRole('group', { name: 'Strategies' }).getByRole('checkbox', { name: /sma-cross · BTCUSDT 1s · Sim paper/ }).isChecked()).resolves.toBe(false);
    // Controlled by the engine's state: the click asks the engine, the box follows its answer.
    await toggle.click();
    await poll(() => toggle.isChecked()).toBe(true);
    await poll(() => page.getByRole('group', { name: 'Strategies' }).getByRole('checkbox', { name: /sma-cross · BTCUSDT 1s/ }).isChecked()).toBe(true);

    await poll(() => page.getByTestId('health-table').locator('tbody tr').first().textContent()).toMatch(/btcusdt@kline_1s● live/);
    await poll(async () => (await orderRows().allTextContents()).filter((t) => t.includes('FILLED')).length, 40_000).toBeGreaterThanOrEqual(2);
    const texts = await orderRows().allTextContents();
    // Every row is the strategy's: its market orders, and (risk profile on by default) the stops resting for its positions.
    expect(texts.every((t) => t.includes('sma-cross-') && /BTCUSDT(BUY|SELL)(FILLED|NEW|CANCELED|EXPIRED)/.test(t))).toBe(true);
    await poll(() => page.getByTestId('pnl-table').locator('tbody tr').first().textContent()).toMatch(/^Sim paperBTCUSDT/);
    await poll(() => page.getByTestId(/^strategy-stats-/).textContent()).toMatch(/● running · \d+ candles · [1-9]\d* orders/);
    // Health ages move: two readings of the last-message age are not frozen.
    const ages = new Set<string>();
    await poll(async () => ages.add((await page.getByTestId('health-age').first().textContent()) ?? '').size).toBeGreaterThan(1);
    // Wait for an open position so the screenshot shows all panels filled.
    await poll(() => page.getByTestId('positions-table').count(), 40_000).toBe(1);
    // The balances on show follow the fills: the bought BTC appears, USDT is no longer the starting amount.
    const balances = page.getByRole('table', { name: 'Balances of Sim paper' }).locator('tbody');
    await poll(() => balances.textContent()).toMatch(/BTC0\.0\d+/);
    expect(await balances.textContent()).not.toContain('USDT25,0000');
    await page.screenshot({ path: 'test-results/markets-live.png', fullPage: true });
  }, 120_000);

  it('the kill switch stops the strategy at once: no further orders', async () => {
    await page.getByRole('button', { name: 'Kill switch', exact: true }).click();
    await page.getByRole('button', { name: 'Kill switch engaged (release)' }).waitFor();
    await poll(() => page.getByTestId(/^strategy-stats-/).textContent()).toMatch(/○ stopped/);
    await poll(() => page.getByTestId('strategies-panel').getByRole('checkbox', { name: /^Run sma-cross-/ }).isChecked()).toBe(false);
    const count = await orderRows().count();
    const stats = await page.getByTestId(/^strategy-stats-/).textContent();
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await orderRows().count()).toBe(count);
    expect(await page.getByTestId(/^strategy-stats-/).textContent()).toBe(stats);
    await page.screenshot({ path: 'test-results/markets-killed.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
