// Backtest → Optimize end to end, in Chromium against the real `cockpit headless` (its worker threads included): upload a CSV,
// grid-search sma-cross with walk-forward, watch progress, read the report, sort the trials, see the heat map, use the best params.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src-main/core/backtest/backtester';
import { createStrategy } from '../../src-main/core/strategies/registry';
import type { Candle } from '../../src-main/core/strategies/types';
import { launchHeadless } from '../support/chromium';
import { startHeadlessProcess, type HeadlessProcess } from '../support/headless-process';
import { syntheticCandles } from '../support/synthetic-candles';
import { tempDir } from '../support/temp-dir';
import { collectBridgeEvents, openCockpit, watchErrors } from '../support/ui-helpers';

const candles: Candle[] = [...syntheticCandles(4000, 21, 1_700_000_000_000)];
const csv = `time,open,high,low,close,volume\n${candles.map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume].join(',')).join('\n')}\n`;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 100 });

interface Progress {
  runId: number;
  state: string;
  done: number;
  total: number;
  phase: number;
}

describe('Backtest → Optimize page', () => {
  const dir = tempDir('cockpit-opt-ui-');
  const csvFile = join(dir.path, 'synthetic-1m.csv');
  let cockpit: HeadlessProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let progress: Progress[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync(csvFile, csv);
    [cockpit, browser] = await Promise.all([startHeadlessProcess(join(dir.path, 'data')), launchHeadless()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    errors = watchErrors(page);
    progress = collectBridgeEvents<Progress>(page, 'optimize.progress');
    await openCockpit(page, cockpit.url);
    await page.getByRole('button', { name: 'Backtest', exact: true }).click();
    await page.getByRole('button', { name: 'Optimize', exact: true }).click();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.error('page errors:', errors, cockpit.output().slice(-2000));
    if (task.result?.state === 'fail') await page?.screenshot({ path: `test-results/optimize-view-failed-${task.id}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    const code = await cockpit?.stop('SIGTERM');
    dir.cleanup();
    expect(code).toBe(0);
  });

  it('offers a search space around the strategy defaults', async () => {
    await page.getByLabel('fast min').waitFor();
    expect(await page.getByLabel('fast min').inputValue()).toBe('5');
    expect(await page.getByLabel('fast max').inputValue()).toBe('20');
    expect(await page.getByLabel('slow max').inputValue()).toBe('60');
    await page.getByLabel('Strategy', { exact: true }).selectOption('consensus');
    await poll(() => page.getByLabel('htfEmaPeriod min').inputValue()).toBe('25');
    expect(await page.getByLabel('smaCross.fast min').isDisabled()).toBe(true); // nested: offered, not ticked
    await page.getByLabel('Strategy', { exact: true }).selectOption('sma-cross');
  });

  it('grid-searches with walk-forward and live progress, then shows the out-of-sample report, trials and heat map', async () => {
    const set = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
    await set('fast min', '4');
    await set('fast max', '12');
    await set('fast step', '4');
    await set('slow min', '20');
    await set('slow max', '60');
    await set('slow step', '20');
    await page.getByLabel('Objective').selectOption('profit');
    await page.getByLabel('Search', { exact: true }).selectOption('grid');
    await set('Walk-forward folds', '2');
    await page.getByLabel(/Candles CSV/).setInputFiles(csvFile);
    await page.getByRole('button', { name: 'Run optimization' }).click();
    await page.locator('[data-testid="optimize-progress"][data-state="done"]').waitFor({ timeout: 60_000 });

    // 9 grid points on all the data, then on each of 2 training windows.
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 27, total: 27 });
    expect(progress.some((p) => p.state === 'running' && p.done < 27)).toBe(true);

    const grid: { fast: number; slow: number; pnl: number }[] = [];
    for (const fast of [4, 8, 12]) for (const slow of [20, 40, 60]) grid.push({ fast, slow, pnl: runBacktest(candles, { strategy: createStrategy('sma-cross', { fast, slow }), feeRate: 0.001 }).metrics.netPnlPct });
    const best = grid.reduce((a, b) => (b.pnl > a.pnl ? b : a));

    const rows = page.getByTestId('optimize-trials').locator('tbody tr');
    await poll(() => rows.count()).toBe(9);
    // Sorted by score (net P&L %), best first.
    const first = rows.first().locator('td');
    expect([await first.nth(1).textContent(), await first.nth(2).textContent()]).toEqual([String(best.fast), String(best.slow)]);
    expect(Number(await first.nth(3).getAttribute('data-value'))).toBeCloseTo(best.pnl, 12);
    // Sorting by a param column.
    await page.getByTestId('optimize-trials').getByRole('button', { name: 'fast' }).click();
    await poll(() => rows.first().locator('td').nth(1).textContent()).toBe('12');
    expect(await page.getByTestId('optimize-trials').locator('th[aria-sort="descending"]').textContent()).toMatch(/fast/);

    const wf = page.getByTestId('walk-forward');
    await poll(() => wf.getByTestId('wf-folds').locator('tbody tr').count()).toBe(2);
    expect(await wf.getByTestId('is-metrics').textContent()).toContain(JSON.stringify({ fast: best.fast, slow: best.slow }));
    await wf.getByTestId('oos-metrics').waitFor();
    expect(await wf.getByTestId('oos-chart').getAttribute('data-curves')).toBe('1');

    const heat = page.getByTestId('heat-map');
    expect(await heat.getAttribute('data-cells')).toBe('9');
    const painted = await heat.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && d[i + 1]! > 150) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
    await page.screenshot({ path: 'test-results/optimize-view.png', fullPage: true });
  });

  it('turns the chosen trial into a paper strategy config', async () => {
    await page.getByRole('button', { name: 'Use these parameters' }).click();
    await poll(() => page.getByTestId('use-params-result').textContent()).toMatch(/^Created paper strategy sma-cross-/);
    await page.getByRole('button', { name: 'Markets', exact: true }).click();
    await poll(() => page.getByText(/sma-cross-[0-9a-f]{6}/).first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
