// Entry, then a real SIGKILL of the process running the strategy, then a restart on the same file: the position is still
// protected at the venue by exactly one set of protective orders, the very stop placed before the kill.
// Against the exchange simulator (in this process) for Binance spot, Binance USDⓈ-M futures and Bybit linear.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { simulator, tempDir, until } from '../exchange/harness';
import { boot, resting, shutdown, VENUES, type Booted, type Venue } from './protection-harness';

const env = {} as { sim: Simulator; tmp: ReturnType<typeof tempDir>; booted?: Booted; child?: ChildProcess };
// As protection-harness's `simulatorAndFile`, without its own boot list: the first boot is in the child.
beforeEach(async () => {
  env.sim = await simulator();
  env.sim.futures.engine.deposit('USDT', 100_000);
  env.sim.trade('BTCUSDT', 100);
  env.sim.trade('ETHUSDT', 10);
  env.tmp = tempDir();
});
afterEach(async () => {
  // A test that failed before its kill must not leave the child trading against the next simulator.
  if (env.child && env.child.exitCode === null && env.child.signalCode === null) env.child.kill('SIGKILL');
  env.child = undefined;
  if (env.booted) await shutdown(env.booted).catch(() => undefined);
  env.booted = undefined;
  await env.sim.close();
  env.tmp.cleanup();
});

/** One set of protection, as the venue reports it (as in protection.test.ts): one stop at 85 for the whole position, take-profit tiers where exits are reduce-only. */
function expectOneSet(v: Venue, quantity: number) {
  const r = resting(env.sim, v);
  expect(r.stops).toHaveLength(1);
  expect(r.stops[0]).toMatchObject({ side: 'SELL', stopPrice: 85 });
  expect(r.stops[0]!.quantity).toBeCloseTo(quantity, 6);
  if (v === 'binance-spot') expect(r.targets).toEqual([]);
  else expect(r.targets.map((t) => t.stopPrice ?? 0).sort((a, b) => a - b)).toEqual([130, 175]);
  return r;
}

/** Spawns the child that boots on the file and enters; resolves with its strategy id and position once it says ENTERED. */
async function enterInChild(v: Venue) {
  const script = join(import.meta.dirname, '../../support/strategy-entry-child.ts');
  const child = (env.child = spawn(process.execPath, ['--import', 'tsx', script, env.tmp.file, v, env.sim.httpUrl], { stdio: ['ignore', 'pipe', 'pipe'] }));
  // Drained, never inherited: an unread pipe can block the child, and its errors belong in the failure.
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const entered = await new Promise<{ configId: string; quantity: number }>((resolve, reject) => {
    void exited.then(() => reject(new Error(`child exited early with ${child.exitCode}: ${errors}`)));
    // Fail with what the child said, not with a bare test timeout.
    setTimeout(() => reject(new Error(`child did not enter in 60 s; stderr: ${errors || '(none)'}`)), 60_000).unref();
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('ENTERED '));
      if (!line) return;
      const [, configId, quantity] = line.split(' ');
      resolve({ configId: configId!, quantity: Number(quantity) });
    });
  });
  return { child, exited, ...entered };
}

describe.each(VENUES)('%s: protection survives a SIGKILL', (v) => {
  it('entry in a child process, SIGKILL, restart on the same file: exactly one set rests, the same stop, the position booked', async () => {
    const { child, exited, configId, quantity } = await enterInChild(v);
    expect(quantity).toBeCloseTo(10, 2);
    // Before the kill: the venue holds the set; its stop is the one that must survive.
    const stop = expectOneSet(v, quantity).stops[0]!.clientOrderId;
    expect(child.exitCode).toBeNull(); // still running: the kill below is what ends it
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expectOneSet(v, quantity); // the kill itself cancels nothing at the venue

    const b = (env.booted = await boot(env.tmp.file));
    expect(expectOneSet(v, quantity).stops[0]!.clientOrderId).toBe(stop); // kept, not re-placed
    const trader = b.markets.trader(configId)!;
    expect(trader.position()?.quantity).toBeCloseTo(quantity, 9);
    expect(trader.position()?.stopPrice).toBe(85);
    expect(trader.trades).toEqual([]);
    // Reconciles that finish after start (the user stream connecting, account sync) add nothing either.
    await until(() => b.markets.streamHealth().some((h) => h.stream === 'user-data' && h.connected), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(expectOneSet(v, quantity).stops[0]!.clientOrderId).toBe(stop);
    await shutdown(b);
    env.booted = undefined;
    expectOneSet(v, quantity); // a clean shutdown leaves it resting
  }, 90_000);
});
