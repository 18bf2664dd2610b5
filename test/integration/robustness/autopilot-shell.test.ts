// `cockpit autopilot` touches only the crash autopilot, stops quickly on SIGTERM with rc 0, and closes the store last.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { startSignalServer, type SignalServer } from '../../../src-main/adapters/signals/test-server';
import { createEngine } from '../../../src-main/engine/engine';
import type { GameProfile } from '../../../src-shared/game-profile';
import type { AccountView, StrategyConfigView } from '../../../src-shared/contract';
import { runCockpit } from '../../support/cockpit-process';
import { tempDir } from '../../support/temp-dir';
import { startXvfb, XVFB_AVAILABLE, type XDisplay } from '../../support/xvfb';
import { simulator, until } from '../exchange/harness';

const PASSPHRASE = 'autopilot shell test';
const profile: GameProfile = {
  version: 1,
  name: 'shell-test',
  display: { id: '0', scaleFactor: 1 },
  regions: { multiplier: { x: 100, y: 100, width: 200, height: 60 } },
  points: { bet: { x: 150, y: 300 }, cashout: { x: 250, y: 300 } },
};

function orderCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'cockpit.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe.skipIf(!XVFB_AVAILABLE)('cockpit autopilot as a shell', () => {
  const dir = tempDir('cockpit-autopilot-shell-');
  const dataDir = join(dir.path, 'data');
  const profileFile = join(dir.path, 'profile.json');
  let sim: Simulator;
  let stopFeed: () => void;
  let signals: SignalServer;
  let x: XDisplay;

  beforeAll(async () => {
    writeFileSync(profileFile, JSON.stringify(profile));
    [sim, signals, x] = await Promise.all([simulator(), startSignalServer(), startXvfb()]);
    stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 100 }, everyMs: 20, volatility: 0.004, seed: 3 });
    // A data dir with a paper strategy left enabled, and trading: the headless cockpit would resume it.
    const engine = createEngine({ dataDir, shell: 'headless', cipher: new ScryptCipher(PASSPHRASE) });
    const call = async <T>(name: string, input?: unknown): Promise<T> => {
      const r = await engine.dispatch(name, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.data as T;
    };
    const paper = await call<AccountView>('markets.addAccount', { exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: sim.httpUrl, paperBalance: 5_000 });
    const strategy = await call<StrategyConfigView>('markets.configureStrategy', { strategy: 'sma-cross', params: { fast: 2, slow: 3 }, accountId: paper.id, symbol: 'BTCUSDT', interval: '1s', quotePerTrade: 100 });
    engine.strategies.setEnabled(`strategy:${strategy.id}`, true);
    await until(async () => ((await call<unknown[]>('markets.orders', { accountId: paper.id })).length ?? 0) > 0, 30_000, 200);
    await engine.shutdown('test setup');
  }, 60_000);
  afterAll(async () => {
    stopFeed?.();
    await Promise.all([sim?.close(), signals?.close(), x?.stop()]);
    dir.cleanup();
  });

  it('never starts the exchange strategies; SIGTERM stops it fast with rc 0 and no stack trace', async () => {
    const ordersBefore = orderCount(dataDir);
    const cli = runCockpit(['autopilot', '--profile', profileFile, '--signals', signals.url, '--data', dataDir], { DISPLAY: x.display, COCKPIT_PASSPHRASE: PASSPHRASE });
    await cli.waitForStderr(/signals: open/, 30_000);
    await sleep(3_000); // the strategy's 1 s bars would have placed orders by now
    expect(orderCount(dataDir)).toBe(ordersBefore);
    const started = performance.now();
    cli.kill('SIGTERM');
    const code = await cli.exited();
    const stopMs = performance.now() - started;
    console.log(`[autopilot-shell] SIGTERM to exit: ${Math.round(stopMs)} ms, rc ${code}`);
    expect(code).toBe(0);
    expect(cli.stderr()).not.toMatch(/database connection is not open|at .*\.js:\d+/);
    expect(stopMs).toBeLessThan(3_000);
    expect(orderCount(dataDir)).toBe(ordersBefore);
  }, 60_000);
});
