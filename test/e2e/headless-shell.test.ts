import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHeadless } from '../support/chromium';
import { startHeadlessProcess, type HeadlessProcess } from '../support/headless-process';
import { tempDir } from '../support/temp-dir';

/** Collects console errors and page errors: any at all fails the suite. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

describe('cockpit headless in Chromium', () => {
  const dir = tempDir();
  let cockpit: HeadlessProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    cockpit = await startHeadlessProcess(dir.path);
    browser = await launchHeadless();
  });
  afterAll(async () => {
    await browser?.close();
    expect(await cockpit.stop('SIGTERM')).toBe(0);
    dir.cleanup();
  });

  it('binds to loopback and prints the ready URL with a token', () => {
    expect(cockpit.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('loads with the token, shows connected, has no console errors, and hides the token from the address bar', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(cockpit.url);
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toBe('connected');
    expect(page.url()).not.toContain(cockpit.token);
    for (const name of ['Autopilot', 'Markets', 'Backtest', 'Settings']) await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Kill switch' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Safety limits' }).waitFor();
    await page.screenshot({ path: 'test-results/foundation-settings.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('engages the kill switch through the bridge and reflects it in the header', async () => {
    const page = await browser.newPage();
    await page.goto(cockpit.url);
    await page.getByRole('button', { name: 'Kill switch' }).click();
    await page.getByRole('button', { name: /Kill switch engaged/ }).waitFor();
    await page.getByRole('button', { name: /Kill switch engaged/ }).click();
    await page.getByRole('button', { name: 'Kill switch', exact: true }).waitFor();
    await page.close();
  });

  it('refuses a wrong token, and says so', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${cockpit.origin}/#token=wrong-token`);
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toMatch(/^refused: invalid token/);
    await page.screenshot({ path: 'test-results/foundation-refused.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
