// The Backtest and Markets pages end to end, in Chromium against the real `cockpit headless`: upload a CSV, run with
// progress, read the metrics, equity curve, trade markers and trade list, compare two runs, then see the candles on Markets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src-main/core/backtest/backtester';
import type { Candle } from '../../src-main/core/strategies/types';
import { createStrategy } from '../../src-main/core/strategies/registry';
import { launchHeadless } from '../support/chromium';
import { startHeadlessProcess, type HeadlessProcess } from '../support/headless-process';
import { tempDir } from '../support/temp-dir';
import { collectBridgeEvents, focusableControls, openCockpit, tabStops, watchErrors } from '../support/ui-helpers';

const N = 12_000;

/** Hourly candles: a seeded random walk on a slow wave, so there are many SMA crosses, winners and losers. */
function waves(n: number): Candle[] {
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
  // Four decimals keep the file under the page's upload limit; the expected results use the same rounded values.
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  let walk = 0;
  return Array.from({ length: n }, (_, i) => {
    walk += 0.006 * noise();
    const close = r4(100 * Math.exp(0.08 * Math.sin(i / 60) + walk));
    const open = r4(close * (1 + 0.003 * noise()));
    const wick = close * 0.002 * (1 + Math.abs(noise()));
    return { time: 1_700_000_000_000 + i * 3_600_000, open, high: r4(Math.max(open, close) + wick), low: r4(Math.min(open, close) - wick), close, volume: r4(50 + 40 * Math.abs(noise())) };
  });
}
const csvOf = (candles: readonly Candle[]) => `time,open,high,low,close,volume\n${candles.map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume].join(',')).join('\n')}\n`;

/** The UI updates asynchronously (bridge round trips, chart frames): poll rather than sample once. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

interface Progress {
  jobId: string;
  state: string;
  done: number;
  total: number;
}

/** Pixels of the canvas stack inside `selector` close to an RGB colour: proves a series was drawn, not just a blank canvas. */
const pixelsNear = (page: Page, selector: string, rgb: [number, number, number]) =>
  page.evaluate(
    ({ selector, rgb }) => {
      let n = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas`)) {
        const ctx = canvas.getContext('2d');
        if (!ctx || canvas.width === 0) continue;
        const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - rgb[0]) < 30 && Math.abs(d[i + 1]! - rgb[1]) < 30 && Math.abs(d[i + 2]! - rgb[2]) < 30) n++;
      }
      return n;
    },
    { selector, rgb },
  );

describe('Backtest and Markets pages', () => {
  const dir = tempDir('cockpit-bt-ui-');
  const candles = waves(N);
  const csvFile = join(dir.path, 'waves-1h.csv');
  const badFile = join(dir.path, 'bad.csv');
  let cockpit: HeadlessProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let progress: Progress[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync(csvFile, csvOf(candles));
    writeFileSync(badFile, 'time,open,high,low,close,volume\n1,1,2,0.5,1.5,10\n2,1,2,0.5,oops,10\n');
    [cockpit, browser] = await Promise.all([startHeadlessProcess(join(dir.path, 'data')), launchHeadless()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    errors = watchErrors(page);
    progress = collectBridgeEvents<Progress>(page, 'backtest.progress');
    await openCockpit(page, cockpit.url);
    await page.getByRole('button', { name: 'Backtest', exact: true }).click();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.error('page errors:', errors);
    if (task.result?.state === 'fail') await page?.screenshot({ path: `test-results/backtest-view-failed-${task.id}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    const code = await cockpit?.stop('SIGTERM');
    dir.cleanup();
    expect(code).toBe(0);
  });

  const runWith = async (strategy: string, params: Record<string, string>) => {
    await page.getByLabel('Strategy', { exact: true }).selectOption(strategy);
    for (const [label, value] of Object.entries(params)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Run backtest' }).click();
  };

  it('reaches every control of the run form with the keyboard', async () => {
    await page.getByLabel('Fast', { exact: true }).waitFor();
    const controls = await focusableControls(page, '.run-form');
    expect(controls.length).toBeGreaterThanOrEqual(9);
    const stops = await tabStops(page);
    expect(controls.filter((c) => !stops.includes(c.id)).map((c) => c.name)).toEqual([]);
  });

  it('refuses a CSV with a bad row and says which line', async () => {
    await page.getByLabel(/Candles CSV/).setInputFiles(badFile);
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toMatch(/line 3: close is not a number/);
  });

  it('runs sma-cross on an uploaded CSV with a progress bar, then shows metrics, equity curve, trade markers and the trade list', async () => {
    await page.getByLabel(/Candles CSV/).setInputFiles(csvFile);
    await runWith('sma-cross', { Fast: '5', Slow: '20', 'Fee per side (%)': '0.1' });
    await page.locator('[data-testid="run-progress"][data-state="done"]').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Backtest progress' });
    expect(await bar.evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([N, N]);
    // The engine streamed progress in steps while it ran, not one jump at the end.
    const steps = progress.filter((p) => p.state === 'running' && p.done > 0 && p.done < N);
    expect(steps.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: N, total: N });

    const expected = runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 5, slow: 20 }), feeRate: 0.001 });
    expect(expected.trades.length).toBeGreaterThan(20);
    const result = page.getByTestId('run-result');
    await poll(() => result.getByTestId('trades').locator('tbody tr').count()).toBe(expected.trades.length);
    const net = expected.metrics.netPnl;
    await poll(() => result.locator('[data-metric="netPnl"] dd').textContent()).toBe(`${net > 0 ? '▲ +' : '▼ −'}${Math.abs(net).toFixed(2)}`);
    expect(await result.locator('[data-metric="trades"] dd').textContent()).toBe(String(expected.trades.length));
    const firstPnl = Number(await result.getByTestId('trades').locator('tbody tr').first().locator('td[data-value]').getAttribute('data-value'));
    expect(firstPnl).toBeCloseTo(expected.trades[0]!.pnl, 8);

    await poll(() => pixelsNear(page, '[data-testid="equity-chart"]', [41, 98, 255])).toBeGreaterThan(200);
    const chart = page.getByTestId('price-chart');
    expect(Number(await chart.getAttribute('data-markers'))).toBe(2 * expected.trades.length);
    expect(Number(await chart.getAttribute('data-candles'))).toBe(1500); // 12,000 candles in 8-candle buckets
    await poll(() => pixelsNear(page, '[data-testid="price-chart"]', [38, 166, 154])).toBeGreaterThan(200);

    // Choosing a trade draws its entry and exit as price lines.
    await result.getByRole('button', { name: 'Trade 2: show on chart' }).click();
    await poll(() => result.getByRole('button', { name: 'Trade 2: show on chart' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('compares two runs side by side: metrics per run and overlaid equity curves', async () => {
    await runWith('sma-cross', { Fast: '10', Slow: '30', 'Fee per side (%)': '0.1' });
    await poll(() => page.getByTestId('run-history').locator('tbody tr').count()).toBe(2);
    await page.locator('[data-testid="run-progress"][data-state="done"]').waitFor();
    await poll(() => page.getByTestId('run-result').getAttribute('data-run')).toBe('2');
    await page.getByLabel('Compare run 1').check();
    await page.getByLabel('Compare run 2').check();
    const compare = page.getByTestId('run-compare');
    await compare.waitFor();
    const second = runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 10, slow: 30 }), feeRate: 0.001 });
    const trades = await compare.locator('tr[data-metric="trades"] td').allTextContents();
    expect(trades.map((t) => t.replace(' ★ best', ''))).toEqual([String(runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 5, slow: 20 }), feeRate: 0.001 }).trades.length), String(second.trades.length)]);
    expect(await compare.getByTestId('compare-chart').getAttribute('data-curves')).toBe('2');
    await poll(() => pixelsNear(page, '[data-testid="compare-chart"]', [240, 185, 11])).toBeGreaterThan(100); // the second (amber) curve
    await page.screenshot({ path: 'test-results/backtest-view.png', fullPage: true });
  });

  it('shows the uploaded candles with indicators and the last run\'s trades on Markets, and says what the account panels need', async () => {
    await page.getByRole('button', { name: 'Markets', exact: true }).click();
    const chart = page.getByTestId('market-chart');
    await chart.waitFor();
    const second = runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 10, slow: 30 }), feeRate: 0.001 });
    await poll(async () => Number(await chart.getAttribute('data-markers'))).toBe(2 * second.trades.length);
    expect(Number(await chart.getAttribute('data-candles'))).toBe(1500);
    await page.getByRole('checkbox', { name: 'Bollinger' }).check();
    await poll(() => pixelsNear(page, '[data-testid="market-chart"]', [38, 198, 218])).toBeGreaterThan(100);
    for (const panel of ['positions', 'open-orders', 'p-l-per-symbol']) await poll(() => page.getByTestId(`needs-${panel}`).textContent()).toMatch(/No exchange account is connected/);
    await page.screenshot({ path: 'test-results/markets-view.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
