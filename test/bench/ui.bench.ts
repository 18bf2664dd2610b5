/**
 * Cockpit UI benchmark: `npm run bench:ui` (tsx test/bench/ui.bench.ts [signalsPerSecond] [seconds]). Needs `npm run build`.
 * Real parts only: the practice game on a private Xvfb screen, `cockpit headless` reading that screen, the test signal
 * server, and the cockpit UI in headless Chromium.
 *  1. Frame rate: a requestAnimationFrame counter on the Autopilot view, first idle (baseline, same run), then while the
 *     signal server pushes signals; the engine turns each into several real events (signal.recorded, execution.updated,
 *     round.ended, pnl.updated, autopilot.state; round.sample while a bet is in flight). Events/s are counted on the
 *     bridge WebSocket as the page receives them.
 *  2. First meaningful paint from localhost: navigation start → the "Signal queue" heading in the DOM, and LCP;
 *     5 cold loads (fresh browser context each).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { startSignalServer } from '../../src-main/adapters/signals/test-server';
import { launchHeadless, launchOnDisplay } from '../support/chromium';
import { servePracticeGame } from '../support/practice-game-server';
import { tempDir } from '../support/temp-dir';
import { screenBoxOf } from '../support/ui-helpers';
import { startXvfb } from '../support/xvfb';

const SIGNALS_PER_SECOND = Number(process.argv[2] ?? 16);
const SECONDS = Number(process.argv[3] ?? 10);
const WIDTH = 1280;
const HEIGHT = 800;

interface Cockpit {
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** `cockpit headless` as a user runs it (test/support/headless-process.ts uses import.meta.dirname, which tsx's ESM lacks). */
async function startCockpit(dataDir: string, display: string): Promise<Cockpit> {
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../src-main/cli/cockpit.mjs'), 'headless', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: display },
  });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`headless did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /Cockpit ready: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One contract call over the bridge, as the UI makes it. */
async function bridgeCalls(cockpit: Cockpit) {
  const ws = new WebSocket(`${cockpit.origin.replace('http', 'ws')}/bridge`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'hello', token: cockpit.token, protocol: 1 }));
  let id = 0;
  const pending = new Map<number, (r: { ok: boolean; data?: unknown; error?: unknown }) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type === 'result') pending.get(frame.id)?.(frame.result);
  });
  return {
    call: async <T>(method: string, input?: unknown): Promise<T> => {
      const result = await new Promise<{ ok: boolean; data?: unknown; error?: unknown }>((resolve) => {
        pending.set(++id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.data as T;
    },
    close: () => ws.close(),
  };
}

// Page scripts are strings: tsx (esbuild keepNames) would wrap function literals in a `__name` helper the page lacks.
const START_METER = `(() => {
  const m = (window.__meter = { frames: 0, gaps: [], last: performance.now(), start: performance.now(), on: true });
  const tick = (now) => {
    if (!m.on) return;
    m.frames++;
    m.gaps.push(now - m.last);
    m.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_METER = `(() => {
  const m = window.__meter;
  m.on = false;
  const seconds = (performance.now() - m.start) / 1000;
  const gaps = [...m.gaps].sort((a, b) => a - b);
  return { fps: m.frames / seconds, p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0, maxFrameMs: gaps.at(-1) ?? 0, framesOver50ms: gaps.filter((g) => g > 50).length };
})()`;
const PAINT_PROBE = `(() => {
  const p = (window.__paint = {});
  new PerformanceObserver((list) => (p.lcp = list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
  new MutationObserver(() => {
    if (p.heading === undefined && document.getElementById('queue-h')) p.heading = performance.now();
    if (p.connected === undefined && document.querySelector('[data-testid="connection-status"]')?.textContent === 'connected') p.connected = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})()`;

interface FrameStats {
  fps: number;
  p95FrameMs: number;
  maxFrameMs: number;
  framesOver50ms: number;
}

/** Starts a rAF counter in the page; the returned function stops it and reports. */
async function frameMeter(page: Page): Promise<() => Promise<FrameStats>> {
  await page.evaluate(START_METER);
  return () => page.evaluate(STOP_METER) as Promise<FrameStats>;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

function printProfile(profile: CpuProfile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  console.log(`\nCPU profile under load, self time (total ${(total / 1000).toFixed(0)} ms):`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function firstPaint(browser: Browser, cockpit: Cockpit) {
  const runs: Array<{ heading: number; lcp: number; connected: number }> = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(PAINT_PROBE);
    await page.goto(cockpit.url);
    await page.getByRole('heading', { name: 'Signal queue' }).waitFor();
    await page.getByTestId('connection-status').getByText('connected', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    runs.push((await page.evaluate('window.__paint')) as { heading: number; lcp: number; connected: number });
    await context.close();
  }
  return runs;
}

async function main() {
  const dir = tempDir('cockpit-ui-bench-');
  const xvfb = await startXvfb(WIDTH, HEIGHT);
  const [game, signals] = await Promise.all([servePracticeGame(), startSignalServer()]);
  const [cockpit, gameBrowser, browser] = await Promise.all([
    startCockpit(dir.path, xvfb.display),
    launchOnDisplay(xvfb.display, ['--kiosk', '--window-position=0,0', `--window-size=${WIDTH},${HEIGHT}`]),
    launchHeadless(),
  ]);
  try {
    const gamePage = await gameBrowser.newPage({ viewport: null });
    await gamePage.goto(`${game.url}?seed=ui-bench&rate=0.0003&countdownMs=2000&pauseMs=1000`);
    const box = await screenBoxOf(gamePage, '#multiplier');
    const center = async (sel: string) => {
      const b = await screenBoxOf(gamePage, sel);
      return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) };
    };

    // Profile and settings straight over the bridge: the calibration UI has its own e2e test.
    const bridge = await bridgeCalls(cockpit);
    const [display] = await bridge.call<Array<{ id: string; scaleFactor: number }>>('calibration.listDisplays');
    await bridge.call('profiles.save', {
      version: 1,
      name: 'bench',
      display: { id: display!.id, scaleFactor: display!.scaleFactor },
      regions: { multiplier: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) } },
      points: { bet: await center('#bet'), cashout: await center('#cashout') },
    });
    await bridge.call('settings.update', { activeProfile: 'bench', signalSource: { url: signals.url }, limits: { maxBetsPerHour: 10000 } });
    bridge.close();

    const paints = await firstPaint(browser, cockpit);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    let events = 0;
    page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && f.payload.startsWith('{"type":"event"') && events++));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(cockpit.url);
    await page.getByRole('button', { name: 'Start autopilot' }).click();
    await page.getByTestId('signal-source').getByText(/connected/).waitFor({ timeout: 20_000 });

    // UI_BENCH_VIEW=Settings measures the same load with none of the autopilot panels drawn (isolates rendering cost).
    if (process.env.UI_BENCH_VIEW) await page.getByRole('button', { name: process.env.UI_BENCH_VIEW, exact: true }).click();
    let stop = await frameMeter(page);
    await page.waitForTimeout(SECONDS * 1000);
    const idleEvents = events;
    const idle = await stop();

    events = 0;
    // UI_BENCH_PROFILE=1 prints where the page's main thread spent its time under load (CPU profile via CDP).
    const cdp = process.env.UI_BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    stop = await frameMeter(page);
    let n = 0;
    const started = Date.now();
    const timer = setInterval(() => {
      // Mostly bet:false (skipped at once, 5+ events each); every 25th bets, so a flight streams round.sample too.
      const bet = n % 25 === 0;
      signals.send({ timestamp: new Date().toISOString(), expectedMultiplier: 1.5, bet, roundId: `bench-${n++}`, ...(bet ? { stake: 1 } : {}) });
    }, 1000 / SIGNALS_PER_SECOND);
    await page.waitForTimeout(SECONDS * 1000);
    const loaded = await stop();
    if (cdp) printProfile(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
    const loadSeconds = (Date.now() - started) / 1000;
    const loadEvents = events;
    const rows = await page.locator('[data-testid="signal-queue"] tbody tr').count();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ui-bench.png', fullPage: true });

    // Control: the same load with the Settings view shown (events still flow into the stores, no panels drawn),
    // so a slow machine shows up here too and the difference is what the cockpit's rendering costs.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    events = 0;
    stop = await frameMeter(page);
    const controlStarted = Date.now();
    await page.waitForTimeout(SECONDS * 1000);
    clearInterval(timer);
    const control = await stop();
    const controlSeconds = (Date.now() - controlStarted) / 1000;

    const fmt = (x: number) => x.toFixed(1);
    console.log(`\nUI frame rate, Autopilot view, ${SECONDS} s each (headless Chromium, software rendering)`);
    console.log(`  idle (baseline):   ${fmt(idle.fps)} fps, p95 frame ${fmt(idle.p95FrameMs)} ms, max ${fmt(idle.maxFrameMs)} ms, ${idle.framesOver50ms} frames > 50 ms, ${fmt(idleEvents / SECONDS)} events/s`);
    console.log(
      `  under load:        ${fmt(loaded.fps)} fps, p95 frame ${fmt(loaded.p95FrameMs)} ms, max ${fmt(loaded.maxFrameMs)} ms, ${loaded.framesOver50ms} frames > 50 ms, ${fmt(loadEvents / loadSeconds)} events/s (${n} signals sent, ${rows} queue rows shown)`,
    );
    console.log(
      `  control (Settings): ${fmt(control.fps)} fps, p95 frame ${fmt(control.p95FrameMs)} ms, max ${fmt(control.maxFrameMs)} ms, ${control.framesOver50ms} frames > 50 ms, ${fmt(events / controlSeconds)} events/s`,
    );
    console.log(`\nFirst meaningful paint from localhost (5 cold loads, ms since navigation start)`);
    console.log(`  "Signal queue" heading: median ${fmt(median(paints.map((p) => p.heading)))} (min ${fmt(Math.min(...paints.map((p) => p.heading)))}, max ${fmt(Math.max(...paints.map((p) => p.heading)))})`);
    console.log(`  LCP:                    median ${fmt(median(paints.map((p) => p.lcp)))}`);
    console.log(`  connected + hydrated:   median ${fmt(median(paints.map((p) => p.connected)))}`);
    if (errors.length) console.log(`page errors: ${errors.join('\n')}`);
  } finally {
    await browser.close();
    await gameBrowser.close();
    await cockpit.stop();
    await signals.close();
    await game.close();
    await xvfb.stop();
    dir.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
