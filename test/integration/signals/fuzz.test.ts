import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalIntake } from '../../../src-main/adapters/signals/signal-intake';
import { SignalRecorder } from '../../../src-main/adapters/store/signal-recorder';
import { startSignalServer, type SignalServer } from '../../../src-main/adapters/signals/test-server';
import { WsSignalSource } from '../../../src-main/adapters/signals/ws-signal-source';
import { fuzzFrames } from './fuzz-frames';
import { FAST_BACKOFF, tempDatabase, waitFor } from './helpers';

const TOTAL = 10_000;
const OVER_NETWORK = 1_000;
const store = tempDatabase();
let server: SignalServer;

beforeAll(async () => {
  server = await startSignalServer();
});
afterAll(async () => {
  await server.close();
  store.cleanup();
});

describe('fuzz: 10,000 hostile frames through the intake into a real SQLite file', () => {
  it('never crashes, never accepts, records every frame as rejected with a reason', async () => {
    const now = Date.now();
    const recorder = new SignalRecorder(store.db);
    // Rounds already used in a previous session, so re-sends of them are duplicates.
    const seeded = ['used-1', 'used-2', 'used-3'];
    for (const roundId of seeded) {
      recorder.record('seed', '{}', now, { verdict: 'accepted', signal: { roundId, timestamp: now, target: 2, range: null, bet: true, stake: null } });
    }
    const baseline = seeded.length;

    const source = new WsSignalSource({ url: server.url, backoff: FAST_BACKOFF });
    const intake = new SignalIntake({ recorder, sources: [source], now: () => now });
    const outcomes = { accepted: 0, dropped: 0, storeErrors: 0 };
    intake.on('accepted', () => outcomes.accepted++);
    intake.on('dropped', () => outcomes.dropped++);
    intake.on('storeError', () => outcomes.storeErrors++);
    intake.start();
    await waitFor(() => server.clients() === 1, 5_000, 'source connected');

    const frames = fuzzFrames(TOTAL, 20251121, now, seeded);
    const direct = frames.slice(0, TOTAL - OVER_NETWORK);
    const started = performance.now();
    for (const frame of direct) intake.handleFrame('fuzz', frame);
    const elapsed = performance.now() - started;

    // The rest goes over the real ws link (binary frames for raw bytes, as a hostile server could send).
    for (const frame of frames.slice(TOTAL - OVER_NETWORK)) server.broadcastRaw(typeof frame === 'string' ? frame : Buffer.from(frame));
    const count = () => (store.db.prepare('SELECT COUNT(*) AS n FROM signals WHERE id > ?').get(baseline) as { n: number }).n;
    await waitFor(() => count() === TOTAL, 20_000, `${TOTAL} rows`);
    await intake.stop();

    const byVerdict = store.db.prepare('SELECT verdict, COUNT(*) AS n FROM signals WHERE id > ? GROUP BY verdict').all(baseline);
    expect(byVerdict).toEqual([{ verdict: 'rejected', n: TOTAL }]);
    const withoutReason = store.db.prepare("SELECT COUNT(*) AS n FROM signals WHERE id > ? AND (reason IS NULL OR reason = '')").get(baseline);
    expect(withoutReason).toEqual({ n: 0 });
    const oversizedStored = store.db.prepare('SELECT MAX(LENGTH(CAST(raw AS BLOB))) AS maxRaw, MAX(raw_bytes) AS maxBytes FROM signals').get() as { maxRaw: number; maxBytes: number };
    expect(oversizedStored.maxRaw).toBeLessThanOrEqual(65_536 + 3);
    expect(oversizedStored.maxBytes).toBeGreaterThan(65_536);
    expect(outcomes).toEqual({ accepted: 0, dropped: 0, storeErrors: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('bet');

    const codes = store.db
      .prepare("SELECT substr(reason, 1, instr(reason, ':') - 1) AS code, COUNT(*) AS n FROM signals WHERE id > ? GROUP BY code ORDER BY n DESC")
      .all(baseline) as { code: string; n: number }[];
    expect(codes.map((c) => c.code)).toEqual(expect.arrayContaining(['invalid-utf8', 'too-deep', 'not-json', 'not-object', 'invalid-field', 'frame-too-large', 'stale', 'future', 'duplicate', 'target-not-finite', 'target-too-low', 'target-too-high', 'range-inverted', 'target-outside-range']));
    console.log(`fuzz: ${direct.length} direct frames validated+recorded in ${elapsed.toFixed(0)} ms (${Math.round(direct.length / (elapsed / 1000))} frames/s); by code: ${codes.map((c) => `${c.code}=${c.n}`).join(' ')}`);
  });
});
