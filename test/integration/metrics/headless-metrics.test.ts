// GET /metrics on a headless cockpit (in-process, a real engine on a SQLite file): refused without the printed token,
// parseable with it, and its counters equal what the engine recorded in SQLite after real activity: signals played in
// dry run on the simulated crash game, a paper order on the exchange simulator. Planted secrets never appear in it.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { startSignalServer, type SignalServer } from '../../../src-main/adapters/signals/test-server';
import { CrashScreen } from '../../../src-main/core/demo/crash-screen';
import { rehearseSimulated } from '../../../src-main/engine/demo/demo-rehearsal';
import { SIMULATED_PROFILE, simulatedDesktop } from '../../../src-main/engine/demo/simulated-desktop';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { startHeadless, type HeadlessShell } from '../../../src-main/headless/headless-shell';
import { buildClient, contract, type CockpitCalls, type Execution, type Result } from '../../../src-shared/contract';
import { parsePrometheus, sampleValue, type MetricFamily } from '../../support/prometheus-text';
import { tempDir } from '../../support/temp-dir';
import { KEY, simulator, until } from '../exchange/harness';

// The demo's game (as `cockpit demo` plays it): its betting phases are recognised from the first round.
const GAME = { seed: 'cockpit-demo', countdownMs: 2500, pauseMs: 1500, rate: 0.00025 } as const;
const SIGNAL_TOKEN = 'PLANTED-signal-token-5f0c1e9a7b';
const PASSPHRASE = 'metrics test passphrase';

const dir = tempDir('cockpit-metrics-');
let sim: Simulator;
let stopFeed: () => void;
let signals: SignalServer;
let shell: HeadlessShell<{ engine: Engine }>;
let screen: CrashScreen;
let calls: CockpitCalls;
let origin: string;
let testnetId = '';

async function must<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

function sql<T>(query: string): T[] {
  const db = new Database(join(dir.path, 'cockpit.sqlite'), { readonly: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

const scrape = (headers: Record<string, string> = {}) => fetch(`${origin}/metrics`, { headers });
const authorized = () => scrape({ Authorization: `Bearer ${shell.token}` });

beforeAll(async () => {
  [sim, signals] = await Promise.all([simulator(), startSignalServer({ token: SIGNAL_TOKEN })]);
  stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 100 }, everyMs: 20, volatility: 0.002, seed: 11 });
  screen = new CrashScreen({ ...GAME, startAt: Date.now() });
  const desktop = simulatedDesktop(screen);
  shell = await startHeadless({
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(dir.path, 'no-renderer'),
    openEngine: () => ({ engine: createEngine({ dataDir: dir.path, shell: 'headless', cipher: new ScryptCipher(PASSPHRASE), desktop, startMarkets: false }) }),
  });
  origin = new URL(shell.url).origin;
  const { engine } = shell.opened;
  calls = buildClient(contract, engine.dispatch);
  // Bets are refused on a game never watched: learn the simulated one first, on its own clock, as the demo does.
  rehearseSimulated(GAME, engine.autopilot.signatures, SIMULATED_PROFILE.name);
  await must(calls.profiles.save(SIMULATED_PROFILE));
  await must(calls.settings.update({ signalSource: { url: signals.url }, activeProfile: SIMULATED_PROFILE.name }));
  await must(calls.settings.setSignalToken({ token: SIGNAL_TOKEN }));
}, 60_000);

afterAll(async () => {
  await shell?.opened.engine.shutdown('test done');
  stopFeed?.();
  await Promise.all([sim?.close(), signals?.close()]);
  dir.cleanup();
});

describe('GET /metrics on cockpit headless', () => {
  it('is refused without the token, with a wrong one, or with another scheme', async () => {
    const refusals = await Promise.all([
      scrape(),
      scrape({ Authorization: 'Bearer wrong-token' }),
      scrape({ Authorization: `Bearer ${shell.token}x` }),
      scrape({ Authorization: `Basic ${Buffer.from(`cockpit:${shell.token}`).toString('base64')}` }),
      scrape({ Authorization: shell.token }),
    ]);
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).not.toContain('cockpit_');
    }
    expect((await fetch(`${origin}/metrics`, { method: 'POST', headers: { Authorization: `Bearer ${shell.token}` } })).status).toBe(405);
  });

  it('counts what SQLite recorded after signals played in dry run and a paper order', async () => {
    const { engine } = shell.opened;
    const done: Execution[] = [];
    engine.autopilot.onExecutionDone((e) => done.push(e));
    await must(calls.autopilot.start({}));
    await until(() => engine.autopilot.state().source.state === 'open', 10_000, 20);

    // Valid signals one at a time, each as a betting phase opens (none waits long enough to go stale), hostile frames in between.
    for (const [i, roundId] of ['m-1', 'm-2'].entries()) {
      await nextBettingPhase();
      signals.send({ timestamp: Date.now(), expectedMultiplier: 1.3, bet: true, roundId });
      signals.broadcastRaw('not json at all');
      signals.send({ timestamp: Date.now(), expectedMultiplier: 0.5, bet: true, roundId: `${roundId}-low` });
      await until(() => done.length > i, 20_000, 20);
    }
    signals.send({ timestamp: Date.now(), expectedMultiplier: 1.3, bet: true, roundId: 'm-1' }); // a duplicate
    await until(() => sql<{ n: number }>('SELECT count(*) AS n FROM signals')[0]!.n === 7, 10_000, 20);
    await must(calls.autopilot.stop());

    const paper = await must(calls.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'Paper', baseUrl: sim.httpUrl, paperBalance: 5_000 }));
    await until(async () => (await must(calls.markets.listAccounts())).find((a) => a.id === paper.id)?.connected === true, 10_000, 50);
    await must(calls.markets.placeOrder({ accountId: paper.id, symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1 }));
    // Keys planted before the first scrape (the next test looks for them in the output); a testnet order fills at once.
    testnetId = (await must(calls.markets.addAccount({ exchange: 'binance-spot', environment: 'testnet', label: 'Sim testnet', apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl }))).id;
    await must(calls.markets.placeOrder({ accountId: testnetId, symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 0.5 }));
    await new Promise((resolve) => setImmediate(resolve)); // the UI lane delivers the last rows after this turn

    const res = await authorized();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheus(await res.text());

    const verdicts = sql<{ verdict: string; n: number }>('SELECT verdict, count(*) AS n FROM signals GROUP BY verdict');
    expect(verdicts.map((v) => v.verdict).sort()).toEqual(['accepted', 'rejected']);
    for (const verdict of ['accepted', 'rejected', 'dropped']) {
      expect(sampleValue(families, 'cockpit_signals_total', { verdict }), verdict).toBe(verdicts.find((v) => v.verdict === verdict)?.n ?? 0);
    }

    const clicks = sql<{ kind: string; target: string; n: number }>(
      "SELECT kind, target, count(*) AS n FROM actions WHERE kind IN ('click', 'refused-click', 'type', 'refused-type') GROUP BY kind, target",
    );
    expect(clicks.length).toBeGreaterThan(0); // dry run: the Bet clicks are refused, and audited
    expect(metricRows(families, 'cockpit_clicks_total')).toEqual(clicks.map((c) => ({ labels: { kind: c.kind, target: c.target }, value: c.n })).sort(byLabels));

    // Every order reached its final status while this engine ran: each counts once under it.
    const final = sql<{ status: string; n: number }>("SELECT status, count(*) AS n FROM orders WHERE status IN ('FILLED', 'CANCELED', 'REJECTED', 'EXPIRED') GROUP BY status");
    expect(final.find((f) => f.status === 'FILLED')?.n).toBeGreaterThan(0);
    for (const status of ['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED']) {
      expect(sampleValue(families, 'cockpit_orders_total', { status }), status).toBe(final.find((f) => f.status === status)?.n ?? 0);
    }
    const positions = await must(calls.markets.positions());
    expect(sampleValue(families, 'cockpit_open_positions')).toBe(positions.length);
    expect(sampleValue(families, 'cockpit_equity', { account: paper.id })).toBeGreaterThan(4_000);
    expect(sampleValue(families, 'cockpit_errors_total', { component: 'autopilot' })).toBe(0);
  }, 90_000);

  it('never shows a planted secret: the signal token, an exchange API key and secret, the token itself', async () => {
    const text = await (await authorized()).text();
    expect(sampleValue(parsePrometheus(text), 'cockpit_equity', { account: testnetId })).toBeGreaterThan(0);
    for (const secret of [SIGNAL_TOKEN, KEY.secret, KEY.apiKey, shell.token, PASSPHRASE]) expect(text).not.toContain(secret);
  }, 30_000);
});

/** Until the simulated game opens a new betting phase (one the read loop sees from its start). */
async function nextBettingPhase(): Promise<void> {
  const betting = () => screen.at(Date.now()).phase === 'BETTING';
  await until(() => !betting(), 20_000, 5);
  await until(betting, 20_000, 5);
}

type Row = { labels: Record<string, string>; value: number };
const byLabels = (a: Row, b: Row) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels));

function metricRows(families: readonly MetricFamily[], name: string): Row[] {
  const found = families.find((f) => f.name === name);
  return (found?.metrics ?? []).map((m) => ({ labels: m.labels ?? {}, value: Number(m.value) })).sort(byLabels);
}
