// `cockpit demo` on a machine with a screen (a private Xvfb): it opens the practice game in its own browser window,
// finds it on the screen by its markers, moves the autopilot from the round simulator onto it, learns the game in
// two rounds and then plays it off the real screen, in dry run. Screenshots of the Autopilot and Calibrate views go to
// COCKPIT_DEMO_SHOTS (or test-results). SIGTERM closes the game window with everything else.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../support/chromium';
import { openCockpitSession, type CockpitSession } from '../support/cockpit-session';
import { tempDir } from '../support/temp-dir';
import { startXvfb, XVFB_AVAILABLE, type XDisplay } from '../support/xvfb';

const SHOTS = process.env.COCKPIT_DEMO_SHOTS ?? 'test-results';
const FOUND = 'Autopilot: now reads the practice game on your screen';

/** The demo's game window: processes started with the demo's own browser profile folder under the data dir. */
const gameWindows = (dataDir: string): string[] => {
  const flag = `--user-data-dir=${join(dataDir, 'game-window')}`;
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(flag);
    } catch {
      return false;
    }
  });
};

describe.runIf(XVFB_AVAILABLE && existsSync(CHROMIUM_PATH))('cockpit demo with a screen', () => {
  const dir = tempDir('cockpit-demo-screen-');
  let x: XDisplay;
  let session: CockpitSession;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    x = await startXvfb(1280, 800);
    session = await openCockpitSession(['demo', '--port', '0', '--data', dir.path], { DISPLAY: x.display, WAYLAND_DISPLAY: undefined, COCKPIT_DEMO_BROWSER: CHROMIUM_PATH }, { width: 1440, height: 1000 });
  }, 60_000);

  afterAll(async () => {
    await session?.browser.close();
    if (session?.cockpit.child.exitCode === null) session.cockpit.child.kill('SIGKILL');
    await x?.stop();
    dir.cleanup();
  });

  it('finds the practice game window on the screen, learns it and plays it off the screen in dry run', async () => {
    const { cockpit, page } = session;
    await expect.poll(() => cockpit.output(), { timeout: 30_000, interval: 200 }).toContain(FOUND);
    const movedAt = Date.now();
    expect(cockpit.output()).toMatch(/Found the practice game on display \S+, readout at \(\d+, \d+\) \d+×\d+/);

    // Rounds played off the screen: while learning, signals are skipped; then rounds are read to their end.
    const db = new Database(join(dir.path, 'cockpit.sqlite'), { readonly: true, fileMustExist: true });
    type Row = { status: string; mode: string; max_seen: number | null; reason: string | null };
    const played = () => db.prepare('SELECT status, mode, max_seen, reason FROM crash_executions WHERE started_at >= ? ORDER BY id').all(movedAt) as Row[];
    try {
      await expect.poll(() => played().filter((r) => r.status !== 'SKIPPED').length, { timeout: 90_000, interval: 500 }).toBeGreaterThanOrEqual(2);
      const rows = played();
      const seen = JSON.stringify(rows);
      // Signals that asked for a bet while the game was being learned were refused for it (auto mode may send none).
      const early = rows.slice(0, rows.findIndex((r) => r.status !== 'SKIPPED'));
      expect(early.every((r) => r.reason === 'signal says bet: false' || r.reason?.startsWith('refused: still learning this game')), seen).toBe(true);
      expect(rows.every((r) => r.mode === 'dry-run'), seen).toBe(true);
      // Multipliers read off the real screen, not the simulator's.
      expect(rows.some((r) => (r.max_seen ?? 0) > 1), seen).toBe(true);
    } finally {
      db.close();
    }

    await page.goto(cockpit.url);
    await expect.poll(() => page.getByTestId('autopilot-game').textContent(), { timeout: 10_000 }).toMatch(/Game learned/);
    expect(await page.getByTestId('autopilot-running').textContent()).toMatch(/Running/);
    await page.screenshot({ path: join(SHOTS, 'demo-screen-autopilot.png'), fullPage: true });
    await page.getByRole('button', { name: 'Calibrate', exact: true }).click();
    await page.getByTestId('screenshot').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, 'demo-screen-calibrate.png'), fullPage: true });
  }, 180_000);

  it('closes the game window with everything else on SIGTERM', async () => {
    expect(gameWindows(dir.path).length).toBeGreaterThan(0);
    expect(await session.cockpit.stop('SIGTERM')).toBe(0);
    await expect.poll(() => gameWindows(dir.path).length, { timeout: 10_000 }).toBe(0);
  }, 30_000);
});
