import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/database';
import { SignalIntake, type DroppedSignal } from './signal-intake';
import { SignalRecorder, type SignalRow } from '../store/signal-recorder';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const frame = (roundId: string | number, extra: object = {}) =>
  JSON.stringify({ timestamp: NOW - 100, expectedMultiplier: '1.8', bet: true, roundId, ...extra });

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'intake-'));
  db = openDatabase(join(dir, 'cockpit.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = () => db.prepare('SELECT * FROM signals ORDER BY id').all() as SignalRow[];

describe('SignalIntake with a real SQLite store', () => {
  it('records every frame once with its verdict, and queues accepted signals in order', () => {
    const intake = new SignalIntake({ recorder: new SignalRecorder(db), now: () => NOW });
    intake.start();
    expect(intake.handleFrame('test', frame(1))).toBe('accepted');
    expect(intake.handleFrame('test', frame('1'))).toBe('rejected');
    expect(intake.handleFrame('test', 'nope')).toBe('rejected');
    expect(intake.handleFrame('test', frame(2, { expectedMultiplier: 0.5 }))).toBe('rejected');
    expect(intake.handleFrame('test', frame(3))).toBe('accepted');

    expect(rows().map((r) => [r.round_id, r.verdict, r.reason?.split(':')[0] ?? null])).toEqual([
      ['1', 'accepted', null],
      ['1', 'rejected', 'duplicate'],
      [null, 'rejected', 'not-json'],
      ['2', 'rejected', 'target-too-low'],
      ['3', 'accepted', null],
    ]);
    expect(JSON.parse(rows()[0]!.parsed!)).toEqual({ roundId: '1', timestamp: NOW - 100, target: 1.8, range: null, bet: true, stake: null });
    expect([intake.take()?.signal.roundId, intake.take()?.signal.roundId, intake.take()]).toEqual(['1', '3', undefined]);
  });

  it('drop-oldest: evicted signal row becomes dropped, and its round stays used', () => {
    const intake = new SignalIntake({ recorder: new SignalRecorder(db), now: () => NOW, queueCapacity: 2 });
    const dropped: DroppedSignal[] = [];
    intake.on('dropped', (d) => dropped.push(d));
    intake.start();
    for (const id of [1, 2, 3]) intake.handleFrame('test', frame(id));
    expect(dropped.map((d) => d.signal.roundId)).toEqual(['1']);
    expect(intake.pending().map((q) => q.signal.roundId)).toEqual(['2', '3']);
    expect(rows().map((r) => r.verdict)).toEqual(['dropped', 'accepted', 'accepted']);
    expect(rows()[0]!.reason).toMatch(/drop-oldest/);
    expect(intake.handleFrame('test', frame(1))).toBe('rejected');
  });

  it('reject-newest: the new signal is recorded as dropped and the queue is unchanged', () => {
    const intake = new SignalIntake({ recorder: new SignalRecorder(db), now: () => NOW, queueCapacity: 1, overflow: 'reject-newest' });
    intake.start();
    expect(intake.handleFrame('test', frame(1))).toBe('accepted');
    expect(intake.handleFrame('test', frame(2))).toBe('dropped');
    expect(intake.pending().map((q) => q.signal.roundId)).toEqual(['1']);
    expect(rows().map((r) => r.verdict)).toEqual(['accepted', 'dropped']);
  });

  it('takeFresh skips signals that went stale in the queue and records them as dropped', () => {
    let now = NOW;
    const intake = new SignalIntake({ recorder: new SignalRecorder(db), now: () => now, staleMs: 1_000 });
    const dropped: DroppedSignal[] = [];
    intake.on('dropped', (d) => dropped.push(d));
    intake.start();
    intake.handleFrame('test', frame(1));
    now += 2_000;
    intake.handleFrame('test', frame(2, { timestamp: now - 10 }));
    expect(intake.takeFresh()?.signal.roundId).toBe('2');
    expect(dropped.map((d) => [d.signal.roundId, d.reason])).toEqual([['1', 'stale in queue: 2100 ms old (limit 1000 ms)']]);
    expect(rows().map((r) => r.verdict)).toEqual(['dropped', 'accepted']);
    expect(intake.takeFresh()).toBeUndefined();
  });

  it('seeds duplicates from the store, so a restarted intake rejects a used round', () => {
    const first = new SignalIntake({ recorder: new SignalRecorder(db), now: () => NOW });
    first.start();
    first.handleFrame('test', frame('r-9'));
    const restarted = new SignalIntake({ recorder: new SignalRecorder(db), now: () => NOW });
    restarted.start();
    expect(restarted.handleFrame('test', frame('r-9'))).toBe('rejected');
    expect(restarted.handleFrame('test', frame('r-10'))).toBe('accepted');
  });

  it('fails closed when the store refuses a write: nothing is queued', () => {
    const intake = new SignalIntake({ recorder: new SignalRecorder(db), now: () => NOW });
    const errors: Error[] = [];
    intake.on('storeError', (e) => errors.push(e));
    intake.start();
    db.exec('CREATE TRIGGER refuse BEFORE INSERT ON signals BEGIN SELECT RAISE(ABORT, "disk says no"); END');
    expect(intake.handleFrame('test', frame(5))).toBe('store-error');
    expect(intake.pending()).toEqual([]);
    expect(errors[0]?.message).toMatch(/disk says no/);
    db.exec('DROP TRIGGER refuse');
    expect(intake.handleFrame('test', frame(5))).toBe('accepted');
  });
});
