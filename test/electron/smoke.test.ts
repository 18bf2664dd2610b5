// The Electron app end to end, through Playwright's _electron: launch, open the cockpit, toggle a strategy from the
// tray hook, open a calibration overlay per display, and prove forged frames cannot call the engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLaunchTarget } from './launch-target';

const target = findLaunchTarget();
const missing = 'missing' in target ? target.missing : null;
if (missing) {
  if (process.env.COCKPIT_REQUIRE_ELECTRON === '1') throw new Error(`Electron smoke suite required but cannot run: ${missing}`);
  console.warn(`[electron smoke] SKIPPED: ${missing}.`);
}

type Status = { mode: string; killSwitch: boolean; shell: string; strategies: Array<{ id: string; label: string; enabled: boolean }> };
type CallResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe.skipIf(Boolean(missing))('Electron app smoke', () => {
  let app: ElectronApplication;
  let page: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-electron-'));
  const status = () => page.evaluate(() => (window as unknown as { cockpit: { calls: { app: { getStatus(): Promise<unknown> } } } }).cockpit.calls.app.getStatus()) as Promise<CallResult<Status>>;

  beforeAll(async () => {
    if ('missing' in target) return;
    app = await _electron.launch({
      executablePath: target.executablePath,
      args: target.args,
      // A passphrase instead of the OS keychain: CI runners have no unlocked keychain to prompt on.
      env: { ...process.env, COCKPIT_TEST_HOOKS: '1', COCKPIT_DATA_DIR: dataDir, COCKPIT_PASSPHRASE: 'smoke-test', COCKPIT_DISABLE_UPDATES: '1' },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => {});
    await app?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the cockpit from app:// with the contract bridge and nothing else', async () => {
    expect(page.url()).toMatch(/^app:\/\/cockpit\/index\.html/);
    expect(await page.title()).toBe('Trading Cockpit');
    const s = await status();
    expect(s).toMatchObject({ ok: true, data: { shell: 'electron', mode: 'dry-run' } });
    // Sandboxed renderer: no Node, no raw ipcRenderer.
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process, typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer])).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('toggles a strategy through the tray test hook', async () => {
    const before = await status();
    if (!before.ok) throw new Error(before.error.message);
    const strategy = before.data.strategies[0];
    expect(strategy, 'the engine registers at least one strategy or autopilot').toBeDefined();
    const clicked = await app.evaluate((_electron, label) => (globalThis as unknown as { __cockpitTray: { clickByLabel(l: string): boolean } }).__cockpitTray.clickByLabel(label), strategy!.label);
    expect(clicked).toBe(true);
    await expect.poll(async () => {
      const s = await status();
      return s.ok ? s.data.strategies.find((x) => x.id === strategy!.id)?.enabled : undefined;
    }).toBe(!strategy!.enabled);
  });

  it('opens one calibration overlay per display, covering it, and closes them all', async () => {
    const opened = await app.evaluate(({ screen }) => {
      const overlays = (globalThis as unknown as { __cockpitOverlays: { open(): string[]; describe(): Array<{ displayId: string; bounds: { x: number; y: number; width: number; height: number }; alwaysOnTop: boolean; url: string }> } }).__cockpitOverlays;
      const ids = overlays.open();
      return { ids, displays: screen.getAllDisplays().map((d) => ({ id: String(d.id), bounds: d.bounds })), described: overlays.describe() };
    });
    expect(opened.ids.sort()).toEqual(opened.displays.map((d) => d.id).sort());
    for (const d of opened.displays) {
      const overlay = opened.described.find((o) => o.displayId === d.id);
      expect(overlay?.bounds).toEqual(d.bounds);
      expect(overlay?.alwaysOnTop).toBe(true);
    }
    await expect.poll(() => app.windows().filter((w) => w.url().includes('#/calibrate?display=')).length).toBe(opened.displays.length);
    const closed = await app.evaluate(() => (globalThis as unknown as { __cockpitOverlays: { close(): boolean; isOpen: boolean } }).__cockpitOverlays.close());
    expect(closed).toBe(true);
    await expect.poll(() => app.windows().filter((w) => w.url().includes('#/calibrate')).length).toBe(0);
  });

  it('refuses engine calls from a forged frame', async () => {
    // 1. A window this app did not register, on a data: page, even with our preload: refused by sender validation.
    const forged = (await app.evaluate(async ({ BrowserWindow, app: electronApp }) => {
      const win = new BrowserWindow({ show: false, webPreferences: { preload: `${electronApp.getAppPath()}/out/preload/index.cjs`, sandbox: true, contextIsolation: true } });
      try {
        await win.loadURL('data:text/html,<title>forged</title>');
        return await win.webContents.executeJavaScript('window.cockpit ? window.cockpit.calls.app.setKillSwitch({ engaged: true }) : { bridge: false }');
      } finally {
        win.destroy();
      }
    })) as CallResult<unknown> | { bridge: false };
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // 2. An iframe inside the real cockpit gets no bridge at all (no preload in sub-frames).
    const inFrame = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.src = 'app://cockpit/index.html';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const bridge = typeof (frame.contentWindow as unknown as { cockpit?: unknown } | null)?.cockpit;
      frame.remove();
      return bridge;
    });
    expect(inFrame).toBe('undefined');
    const after = await status();
    expect(after).toMatchObject({ ok: true, data: { killSwitch: false } });
  });
});
