// Downloading exchange candles from the Backtest page, in Chromium against the real `cockpit headless` whose downloads the
// harness points at the exchange simulator (COCKPIT_KLINE_BASE_URL, engine-side only): progress to done, the series in the
// cached list, a backtest on it with its equity curve, a repeat that fetches nothing, and a malformed reply in words.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src-main/adapters/exchange/simulator/server';
import { runBacktest } from '../../src-main/core/backtest/backtester';
import { createStrategy } from '../../src-main/core/strategies/registry';
import type { Candle } from '../../src-main/core/strategies/types';
import { launchHeadless } from '../support/chromium';
import { startHeadlessProcess, type HeadlessProcess } from '../support/headless-process';
import { tempDir } from '../support/temp-dir';
import { collectBridgeEvents, focusableControls, openCockpit, tabStops, watchErrors } from '../support/ui-helpers';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const N = 63 * 24; // 2024-01-01 through 2024-03-03: two pages of at most 1000
const SYMBOL = 'BTCUSDT';

/** A seeded walk on a slow wave (many SMA crosses), in cents and quarter volumes so the venue's decimal strings round-trip. */
function history(n: number): Candle[] {
  let s = 11;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const cents = (x: number) => Math.round(x * 100) / 100;
  return Array.from({ length: n }, (_, i) => {
    const close = cents(40_000 * Math.exp(0.05 * Math.sin(i / 40) + 0.01 * (rnd() - 0.5)));
    const open = cents(close * (1 + 0.004 * (rnd() - 0.5)));
    return { time: T0 + i * H, open, high: cents(Math.max(open, close) * 1.002), low: cents(Math.min(open, close) * 0.998), close, volume: 4 * (1 + Math.floor(rnd() * 500)) };
  });
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

interface Progress {
  jobId: string;
  state: string;
  fetched: number;
  cached: number;
  total: number;
}

describe('Backtest page: download from exchange', () => {
  const dir = tempDir('cockpit-bt-dl-');
  const candles = history(N);
  let sim: Simulator;
  let cockpit: HeadlessProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let progress: Progress[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    sim = await startSimulator();
    // The simulator builds candles from trade prints: four prints per bar reproduce each bar.
    for (const c of candles) [c.open, c.high, c.low, c.close].forEach((price, k) => sim.binance.candles.trade(SYMBOL, price, c.volume / 4, c.time + k, ['1h']));
    [cockpit, browser] = await Promise.all([startHeadlessProcess(join(dir.path, 'data'), [], { COCKPIT_KLINE_BASE_URL: sim.httpUrl }), launchHeadless()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 1300 } });
    errors = watchErrors(page);
    progress = collectBridgeEvents<Progress>(page, 'backtest.downloadProgress');
    await openCockpit(page, cockpit.url);
    await page.getByRole('button', { name: 'Backtest', exact: true }).click();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.error('page errors:', errors, cockpit?.output().slice(-3000));
    if (task.result?.state === 'fail') await page?.screenshot({ path: `test-results/backtest-download-failed-${task.id}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    const code = await cockpit?.stop('SIGTERM');
    await sim?.close();
    dir.cleanup();
    expect(code).toBe(0);
  });

  const form = () => page.getByRole('form', { name: 'Download from exchange' });
  const fill = async (fields: { venue?: string; symbol?: string; interval?: string; from?: string; to?: string }) => {
    if (fields.venue) await form().getByLabel('Exchange').selectOption(fields.venue);
    if (fields.symbol !== undefined) await form().getByLabel('Symbol').fill(fields.symbol);
    if (fields.interval) await form().getByLabel('Interval').selectOption(fields.interval);
    if (fields.from) await form().getByLabel('First day (UTC)').fill(fields.from);
    if (fields.to) await form().getByLabel('Last day (UTC)').fill(fields.to);
  };
  const state = () => form().getByTestId('download-progress').getAttribute('data-state');

  it('labels every control of the download form and reaches each with the keyboard', async () => {
    await form().waitFor();
    const controls = await focusableControls(page, 'form[aria-labelledby="download-form-title"]');
    expect(controls).toHaveLength(6);
    // Accessible names as assistive technology reads them (a wrapping label's text, not its options).
    const roles = [['combobox', 'Exchange'], ['textbox', 'Symbol'], ['combobox', 'Interval'], ['button', 'Download']] as const;
    for (const [role, name] of roles) expect(await form().getByRole(role, { name, exact: true }).count()).toBe(1);
    for (const name of ['First day (UTC)', 'Last day (UTC)']) expect(await form().getByLabel(name, { exact: true }).count()).toBe(1);
    // From the page's start, Tab reaches the form's first control (the shared walk stops at a date input, whose
    // month/day/year segments are several Tab stops on one element, so the form is walked here).
    const stops = await tabStops(page);
    expect(stops).toContain(controls[0]!.id);
    await form().getByLabel('Exchange').focus();
    const walked: string[] = [];
    for (let i = 0; i < 30 && walked.at(-1) !== controls.at(-1)!.id; i++) {
      const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tabProbe ?? '');
      if (walked.at(-1) !== id) walked.push(id);
      await page.keyboard.press('Tab');
    }
    expect(walked.filter((id) => controls.some((c) => c.id === id))).toEqual(controls.map((c) => c.id));
    // The form names venues only: there is no field for a host or URL.
    expect(await form().locator('input[type="url"], input[name*="url" i]').count()).toBe(0);
  });

  it('explains a bad symbol or range before sending anything', async () => {
    await fill({ symbol: 'BTC/USDT', from: '2024-01-01', to: '2024-03-03' });
    await form().getByRole('button', { name: 'Download' }).click();
    await poll(() => form().getByRole('alert').textContent()).toBe('Symbol: must be an upper-case pair like BTCUSDT');
    await fill({ symbol: SYMBOL, from: '2024-03-03', to: '2024-01-01' });
    await form().getByRole('button', { name: 'Download' }).click();
    await poll(() => form().getByRole('alert').textContent()).toBe('Last day: must be after from');
  });

  it('shows a malformed exchange reply as a failed download, in words', async () => {
    sim.binance.faults.inject('/api/v3/klines', { kind: 'status', status: 200, body: '[[1704067200000, "4' });
    await fill({ venue: 'binance', symbol: SYMBOL, interval: '1h', from: '2024-01-01', to: '2024-03-03' });
    await form().getByRole('button', { name: 'Download' }).click();
    await poll(state).toBe('failed');
    expect(await form().getByTestId('download-progress').getByRole('alert').textContent()).toMatch(/^Download failed: binance BTCUSDT 1h klines from 2024-01-01T00:00:00.000Z: reply is not JSON/);
    await form().screenshot({ path: 'test-results/backtest-download-failed-reply.png' });
  });

  it('downloads a range with progress to done, lists the series selected for a run, and backtests it to an equity curve', async () => {
    progress.length = 0;
    await form().getByRole('button', { name: 'Download' }).click();
    await poll(state).toBe('done');
    const bar = form().getByRole('progressbar', { name: 'Download progress' });
    expect(await bar.evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([N, N]);
    expect(await form().getByRole('status').textContent()).toBe(`Done: BTCUSDT 1h from binance, 1,512 bars downloaded, 0 already cached.1,512 / 1,512 bars · 2 request(s)`);
    // The engine reported each page as it was stored, not one jump at the end.
    expect(progress.map((p) => [p.state, p.fetched])).toEqual([['running', 0], ['running', 1000], ['running', N], ['done', N]]);

    // The new series is in the cached list and chosen as the run's data.
    const runForm = page.getByRole('form', { name: 'New backtest' });
    await poll(() => runForm.getByRole('button', { name: 'Cached candles' }).getAttribute('aria-pressed')).toBe('true');
    const series = runForm.getByLabel('Series', { exact: true });
    await poll(() => series.locator('option:checked').textContent()).toBe('binance · BTCUSDT · 1h (1,512 candles)');

    await runForm.getByLabel('Strategy', { exact: true }).selectOption('sma-cross');
    await runForm.getByLabel('Fast', { exact: true }).fill('5');
    await runForm.getByLabel('Slow', { exact: true }).fill('20');
    await runForm.getByLabel('Fee per side (%)', { exact: true }).fill('0.1');
    await runForm.getByRole('button', { name: 'Run backtest' }).click();
    await page.locator('[data-testid="run-progress"][data-state="done"]').waitFor();

    const expected = runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 5, slow: 20 }), feeRate: 0.001 });
    expect(expected.trades.length).toBeGreaterThan(5);
    const result = page.getByTestId('run-result');
    await poll(() => result.locator('[data-metric="trades"] dd').textContent()).toBe(String(expected.trades.length));
    await poll(() => result.getByRole('heading', { level: 2 }).textContent()).toMatch(/binance · BTCUSDT · 1h/);
    // The equity curve is drawn in the accent blue.
    await poll(() =>
      page.evaluate(() => {
        let n = 0;
        for (const canvas of document.querySelectorAll<HTMLCanvasElement>('[data-testid="equity-chart"] canvas')) {
          const ctx = canvas.getContext('2d');
          if (!ctx || canvas.width === 0) continue;
          const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - 41) < 30 && Math.abs(d[i + 1]! - 98) < 30 && Math.abs(d[i + 2]! - 255) < 30) n++;
        }
        return n;
      }),
    ).toBeGreaterThan(200);
    await page.screenshot({ path: 'test-results/backtest-download.png', fullPage: true });
  });

  it('a second download of the same range fetches nothing', async () => {
    progress.length = 0;
    await form().getByRole('button', { name: 'Download' }).click();
    await poll(() => progress.at(-1)?.state).toBe('done');
    await poll(state).toBe('done');
    expect(progress.at(-1)).toMatchObject({ total: N, cached: N, fetched: 0 });
    expect(await form().getByRole('status').textContent()).toBe(`Done: BTCUSDT 1h from binance, 0 bars downloaded, 1,512 already cached.1,512 / 1,512 bars · 0 request(s)`);
    expect(errors).toEqual([]);
  });
});
