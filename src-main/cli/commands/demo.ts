// Runs in: Node (CLI). `cockpit demo`: one process with everything running in dry run, in a throwaway data folder:
// the practice game, the autopilot on a simulated crash game fed by the test signal server, a paper account trading
// sma-cross on the exchange simulator's moving market, and a finished backtest of the synthetic sample history.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DemoInfo } from '../../../src-shared/contract';
import { startDemoFeed, type DemoFeedOptions } from '../../adapters/exchange/simulator/demo-feed';
import { startSimulator } from '../../adapters/exchange/simulator/server';
import { probeDisplay } from '../../adapters/screen/display-probe';
import { startSignalServer } from '../../adapters/signals/test-server';
import { CrashScreen } from '../../core/demo/crash-screen';
import { resolveDataDir } from '../../engine/data-dir';
import { claimDataDir } from '../../engine/data-dir-claim';
import { seedDemo } from '../../engine/demo/demo-seed';
import { rehearseSimulated } from '../../engine/demo/demo-rehearsal';
import { nutDesktop } from '../../engine/autopilot/desktop';
import { demoDesktop } from '../../engine/demo/demo-desktop';
import { SIMULATED_PROFILE, simulatedDesktop } from '../../engine/demo/simulated-desktop';
import type { Engine } from '../../engine/engine';
import { buildClient, contract } from '../../../src-shared/contract';
import { findBrowser, openGameWindow } from '../game-window';
import { startHeadless } from '../../headless/headless-shell';
import { openCliEngine, type CliContext } from '../cli-engine';
import { intOption, parseOptions, untilSignal } from '../options';
import { builtRendererDir } from '../renderer-dir';
import { announceReady, listenHost, SERVE_OPTIONS } from '../serve-options';
import { feedAuto } from './signals';

const HELP = `Usage: cockpit demo [--port 4319] [--data DIR] [--open]   (or: npm run demo)

Starts one process with everything running, in dry run, and prints the cockpit's URL:
  - the practice crash game, served at /practice-game.html;
  - the crash autopilot, with signals from the test signal server in auto mode, in dry run (nothing is clicked). It
    starts on a built-in round simulator (seeded crash rounds). On a machine with a screen, the demo also opens the
    practice game in its own browser window, finds it on the screen and moves the autopilot to it: it learns the
    game for two rounds, then plays it off the screen;
  - a paper account on the local exchange simulator's moving market, with sma-cross on it under the default risk profile;
  - a synthetic sample candle history (seeded model) with one backtest already run.
Data goes to a new temporary folder, deleted on exit (or to --data DIR, kept). Your real cockpit data is never used.
Ctrl+C or SIGTERM stops everything.
`;

/** A round every ~7 s on average: a short countdown, a quick curve (2× at 2.8 s) and a pause to show the crash. */
const DEMO_GAME = { seed: 'cockpit-demo', countdownMs: 2500, pauseMs: 1500, rate: 0.00025 } as const;
const SIGNAL_EVERY_MS = 4000;

/**
 * Ten ticks per 1 s candle, started the moment sma-cross is switched on. A walk started earlier traded first anywhere
 * from 4 to 10 s after the cockpit was ready, depending on how long startup took; this seed's walk gives it an entry
 * within 5 s of the feed's start, at any phase of the second (demo-feed.test.ts).
 */
export const DEMO_MARKET: DemoFeedOptions = { prices: { BTCUSDT: 60_000 }, everyMs: 100, volatility: 0.0012, seed: 274 };

function demoInfo(dataDir: string, practiceGameUrl: string, hasDisplay: boolean): DemoInfo {
  return {
    summary: `Demo: everything here is simulated and in dry run, in a throwaway data folder (${dataDir}). Your real cockpit data, your screen and the real exchanges are not touched.`,
    practiceGameUrl,
    notes: {
      autopilot: hasDisplay
        ? 'The autopilot starts on a built-in round simulator (seeded crash rounds), then moves to the practice game window the demo opened, once it finds it on your screen: it learns the game for two rounds, then reads it off the screen. Dry run: nothing is clicked. Signals come from the test signal server in auto mode.'
        : 'No display on this machine: the autopilot plays a built-in round simulator (seeded crash rounds) instead of reading a screen, in dry run: nothing is clicked. Signals come from the test signal server in auto mode.',
      calibrate: hasDisplay
        ? 'The screenshot is your screen, with the practice game window the demo opened: its profile "Practice game (this screen)" was made from the markers around its readout and buttons (Edit it to see the regions; Find the practice game does it again). The round simulator is the display "simulated".'
        : 'The screenshot is the round simulator\'s display (1280×800; its multiplier panel, Bet and Cash out as blocks); Edit its profile to see the regions. Run `cockpit headless` on a desktop to calibrate your game.',
      markets: 'The "Demo paper" account trades on the local exchange simulator\'s moving market (a seeded random walk, not a real exchange); sma-cross runs on it under the default risk profile.',
      backtest: 'The BTCUSDT 1h history under "synthetic" is generated by a seeded model (src-main/core/demo/sample-candles.ts), not market data.',
    },
  };
}

/** The practice game the demo opens on a screen: the demo's pace, framed by its markers so it can be found. */
const SCREEN_GAME_PATH = `/practice-game.html?skin=classic&seed=${DEMO_GAME.seed}&countdownMs=${DEMO_GAME.countdownMs}&pauseMs=${DEMO_GAME.pauseMs}&rate=${DEMO_GAME.rate}&markers=1`;
const FIND_EVERY_MS = 1000;
const FIND_FOR_MS = 90_000;

/**
 * Opens the practice game in its own window, looks for it on the screen, and moves the autopilot onto it once found.
 * Until then (or if it never shows: covered, no screen-recording permission) the autopilot stays on the simulator.
 */
function playOnScreen(engine: Engine, url: string, profileDir: string): { stop(): void } {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const browser = findBrowser();
  const window = browser ? openGameWindow({ browser, url, profileDir, size: { width: 1100, height: 820 } }) : null;
  say(browser ? `Opened the practice game in its own window (${browser}); looking for it on your screen.` : `No Chromium, Chrome or Edge found: open ${url} in a browser window beside the cockpit, and the demo finds it on your screen.`);
  const calls = buildClient(contract, engine.dispatch);
  let stopped = false;
  const giveUpAt = Date.now() + FIND_FOR_MS;
  const look = async (): Promise<void> => {
    if (stopped) return;
    const found = await calls.calibration.findPracticeGame({});
    if (stopped) return;
    if (found.ok && found.data.profile) {
      const profile = found.data.profile;
      const saved = await calls.profiles.save(profile);
      await calls.settings.update({ activeProfile: profile.name });
      await engine.autopilot.stop('demo: moving to the practice game on the screen');
      await engine.autopilot.whenStopped();
      if (stopped || !saved.ok) return;
      const started = await calls.autopilot.start({ profile: saved.data.name });
      say(
        started.ok
          ? `Autopilot: now reads the practice game on your screen. ${found.data.detail} It learns the game for two rounds, then plays it in dry run.`
          : `Found the practice game on your screen, but the autopilot did not start on it: ${started.error.message}`,
      );
      return;
    }
    if (Date.now() >= giveUpAt) {
      say(`The practice game did not show on your screen within ${FIND_FOR_MS / 1000} s (${found.ok ? found.data.detail : found.error.message}); the autopilot stays on the round simulator.`);
      return;
    }
    timer = setTimeout(lookSafely, FIND_EVERY_MS);
  };
  // Whatever fails in a look is said, never left to end the demo as an unhandled rejection.
  const lookSafely = () => void look().catch((error: Error) => say(`Looking for the practice game on your screen failed: ${error.message}`));
  let timer: NodeJS.Timeout | undefined = setTimeout(lookSafely, FIND_EVERY_MS);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      window?.kill();
    },
  };
}

export default async function run(args: string[], context: CliContext): Promise<number> {
  const { values } = parseOptions(args, SERVE_OPTIONS);
  if (values.help) return (process.stdout.write(HELP), 0);
  const host = listenHost(values.host);
  const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'cockpit-demo-'));
  if (dataDir === resolveDataDir(undefined)) {
    process.stderr.write(`cockpit demo: ${dataDir} is your real cockpit data folder; the demo never uses it. Pick another --data.\n`);
    return 2;
  }
  const port = intOption(values.port, 'port', 4319);
  const display = await probeDisplay();

  // Every part is stopped in reverse order on the way out, whatever started before a failure.
  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await Promise.resolve().then(stop).catch((error: Error) => process.stderr.write(`cockpit demo: stopping: ${error.message}\n`));
    if (!values.data) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const sim = await startSimulator({ port: 0 });
    stops.push(() => sim.close());
    for (const venue of [sim.binance, sim.bybit, sim.futures]) venue.engine.deposit('USDT', 100_000);

    const signals = await startSignalServer({ port: 0 });
    stops.push(() => signals.close());
    stops.push(feedAuto(signals, SIGNAL_EVERY_MS, 1, () => {}));

    const screen = new CrashScreen({ ...DEMO_GAME, startAt: Date.now() });
    const lock = claimDataDir(dataDir, 'cockpit demo');
    const shell = await startHeadless({
      host,
      port,
      rendererDir: builtRendererDir(),
      openEngine: () =>
        openCliEngine(context, lock, {
          dataDir,
          shell: 'headless',
          desktop: display.available ? demoDesktop(nutDesktop(), simulatedDesktop(screen)) : simulatedDesktop(screen),
          demo: demoInfo(dataDir, `/practice-game.html?seed=${DEMO_GAME.seed}`, display.available),
        }),
    }).catch((error: unknown) => {
      lock.release();
      throw error;
    });
    stops.push(async () => void (await shell.opened.stop('demo stopped')));
    const origin = new URL(shell.url).origin;
    // The same game the autopilot will read, watched ahead on its own clock: the demo bets from its first signal.
    rehearseSimulated(DEMO_GAME, shell.opened.engine.autopilot.signatures, SIMULATED_PROFILE.name);
    await seedDemo(shell.opened.engine.dispatch, { signalUrl: signals.url, exchangeUrl: sim.httpUrl });
    // The market starts with the strategy on (seedDemo's last step), so its first trade comes as promised above.
    stops.push(startDemoFeed(sim, DEMO_MARKET));
    process.stdout.write(
      [
        `Demo ready (dry run; data in ${dataDir}${values.data ? '' : ', deleted on exit'}):`,
        `  Practice game   ${origin}/practice-game.html?seed=${DEMO_GAME.seed}`,
        `  Autopilot       round simulator${display.available ? ', then the practice game on your screen once found' : ' (no display here)'}, signals from ${signals.url} every ${SIGNAL_EVERY_MS / 1000} s`,
        `  Markets         paper account on the exchange simulator ${sim.httpUrl}, sma-cross on BTCUSDT 1s`,
        `  Backtest        sma-cross on the synthetic BTCUSDT 1h sample history`,
        'Ctrl+C stops everything.',
        '',
      ].join('\n'),
    );
    announceReady(shell.url, values.open);
    if (display.available) {
      const onScreen = playOnScreen(shell.opened.engine, `${origin}${SCREEN_GAME_PATH}`, join(dataDir, 'game-window'));
      stops.push(() => onScreen.stop());
    }
    const signal = await untilSignal();
    process.stdout.write(`Demo stopping (${signal}).\n`);
    return 0;
  } finally {
    await stopAll();
  }
}
