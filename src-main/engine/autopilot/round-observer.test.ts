import { describe, expect, it } from 'vitest';
import { lookOf } from '../../core/crash';
import { RED, text } from '../../core/crash/read-streams.test-support';
import { RoundObserver, toPhaseRead } from './round-observer';
import { ScreenButtons } from './screen-buttons';
import { SimulatedGame } from './simulated-game.test-support';

const read = (over: Partial<Parameters<typeof toPhaseRead>[0]>) => ({ at: 1, text: '', value: null, ms: 1, path: 'glyph' as const, ...over });

describe('toPhaseRead', () => {
  it('a number is a value, with its look', () => {
    expect(toPhaseRead(read({ text: '2.00x', value: 2, decimals: 2, ink: { r: 1, g: 2, b: 3 }, extraLines: 0 }))).toEqual({ at: 1, kind: 'value', value: 2, decimals: 2, ink: { r: 1, g: 2, b: 3 }, extraLines: 0 });
  });
  it('a blank region is none, and anything else is text for the phase model to judge', () => {
    expect(toPhaseRead(read({}))).toEqual({ at: 1, kind: 'none' });
    expect(toPhaseRead(read({ text: '2.0?x' }))).toEqual({ at: 1, kind: 'text' });
    // Digits alone: a number the reader refused, its point perhaps joined to a digit.
    expect(toPhaseRead(read({ text: '227x', extraLines: 1 }))).toEqual({ at: 1, kind: 'text', digits: '227x', number: 227, extraLines: 1 });
    // A number the reader would not vouch for (a comet touching it) still says what it spells.
    expect(toPhaseRead(read({ text: '3.18x', ink: { r: 1, g: 2, b: 3 } }))).toEqual({ at: 1, kind: 'text', number: 3.18, ink: { r: 1, g: 2, b: 3 } });
    expect(toPhaseRead(read({ text: '(13 characters of text)', otherText: true }))).toEqual({ at: 1, kind: 'text', long: true, words: 'CHA' });
    // What text says, coarsely: crash text and a countdown in one ink differ only there.
    expect(toPhaseRead(read({ text: 'CRASHED @ 1.00x', otherText: true }))).toEqual({ at: 1, kind: 'text', long: true, words: 'CRA' });
    expect(toPhaseRead(read({ text: 'Startingin 1', otherText: true }))).toEqual({ at: 1, kind: 'text', long: true, words: 'STA' });
    // A blank number line under "PREPARING" is still something on screen.
    expect(toPhaseRead(read({ extraLines: 1 }))).toEqual({ at: 1, kind: 'text', extraLines: 1 });
    // The reader found a line but refused it (incomplete): an unread number, not a blank region.
    expect(toPhaseRead(read({ ink: { r: 1, g: 2, b: 3 }, extraLines: 0 }))).toEqual({ at: 1, kind: 'text', inkOnly: true, ink: { r: 1, g: 2, b: 3 }, extraLines: 0 });
    expect(toPhaseRead(read({ ink: null, extraLines: 0 }))).toEqual({ at: 1, kind: 'none' });
  });
});

describe('RoundObserver.hold', () => {
  /** Counts reads; each one resolves at once with a blank region. */
  const countingReader = () => {
    const reader = { reads: 0, read: async () => (reader.reads++, read({ at: performance.now() })) };
    return reader;
  };
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  it('reads nothing while held, and reads again once every holder lets go', async () => {
    const reader = countingReader();
    const observer = new RoundObserver(reader, { x: 0, y: 0, width: 10, height: 10 }, { idleIntervalMs: 0 });
    observer.setActive(true);
    observer.start();
    await turns(5);
    expect(reader.reads).toBeGreaterThan(0);
    const first = observer.hold();
    const second = observer.hold();
    await turns(2);
    const held = reader.reads;
    await turns(20);
    expect(reader.reads).toBe(held);
    first();
    first();
    await turns(20);
    expect(reader.reads).toBe(held);
    second();
    await turns(20);
    expect(reader.reads).toBeGreaterThan(held);
    await observer.stop();
  });

  it('tells the reader the format the game was learned with, once known', async () => {
    const told: unknown[] = [];
    const reader = { read: async (_region: unknown, _kind?: unknown, format?: unknown) => (told.push(format), read({ at: performance.now() })) };
    const observer = new RoundObserver(reader, { x: 0, y: 0, width: 10, height: 10 }, { idleIntervalMs: 0 });
    observer.setActive(true);
    observer.start();
    await turns(3);
    observer.setKnownLooks({ bettingLooks: [], crashLooks: [], format: { decimals: 2, trailingZeros: 'dropped' } });
    await turns(3);
    await observer.stop();
    expect(told[0]).toBeUndefined();
    expect(told.at(-1)).toEqual({ decimals: 2, trailingZeros: 'dropped' });
  });

  it('stops while held', async () => {
    const observer = new RoundObserver(countingReader(), { x: 0, y: 0, width: 10, height: 10 }, { idleIntervalMs: 0 });
    observer.start();
    observer.hold();
    await turns(3);
    await observer.stop();
  });
});

describe('RoundObserver: betting told by the Bet button', () => {
  // A game whose readout keeps its crash text through betting: only the button shows betting opened.
  const sameText = { betting: () => text(RED, { long: true }), crashed: () => text(RED, { long: true }), decimals: 2 as const };

  async function phasesSeen(withButton: boolean): Promise<string[]> {
    const game = new SimulatedGame({ look: sameText, rounds: [{ crash: 1.5 }, { crash: 1.5 }, { crash: 1.5 }] });
    const buttons = new ScreenButtons(game.profile(), (r) => game.grab(r));
    const observer = new RoundObserver(game, game.profile().regions.multiplier, { idleIntervalMs: 0, now: game.clock.now, ...(withButton ? { betButton: () => buttons.look('bet') } : {}) });
    const seen: string[] = [];
    observer.subscribe((o) => seen.push(...o.events.filter((e) => e.type === 'betting' || e.type === 'flight' || e.type === 'crash').map((e) => e.type)));
    observer.setActive(true);
    observer.start();
    while (game.now - 1_700_000_000_000 < game.timing(2).flightAt + 100) await new Promise<void>((r) => setImmediate(r));
    await observer.stop();
    return seen;
  }

  it('a crash seen only after lost reads, once betting had opened, gives no button cue: the round starting is not betting', async () => {
    const game = new SimulatedGame({ look: sameText, rounds: [{ crash: 1.5 }, { crash: 1.5 }, { crash: 1.5 }], buttonLeadMs: 150 });
    const buttons = new ScreenButtons(game.profile(), (r) => game.grab(r));
    const observer = new RoundObserver(game, game.profile().regions.multiplier, { idleIntervalMs: 0, now: game.clock.now, betButton: () => buttons.look('bet') });
    const look = lookOf({ at: 0, ...text(RED, { long: true }) });
    observer.setKnownLooks({ bettingLooks: [look], crashLooks: [look] });
    // Our bet flies in round 0; the reads are lost from mid-flight until half-way through round 1's betting.
    game.blackout = { from: game.timing(0).flightAt + 500, to: game.timing(1).flightAt - 1500 };
    const seen: Array<{ type: string; at: number }> = [];
    observer.subscribe((o) => {
      for (const e of o.events) if (e.type === 'betting' || e.type === 'flight' || e.type === 'crash') seen.push({ type: e.type, at: o.read.at - 1_700_000_000_000 });
      if (o.events.some((e) => e.type === 'crash')) observer.setBetOpen(false);
    });
    observer.setActive(true);
    observer.start();
    while (game.now - 1_700_000_000_000 < game.timing(0).flightAt + 100) await new Promise<void>((r) => setImmediate(r));
    observer.setBetOpen(true);
    while (game.now - 1_700_000_000_000 < game.timing(2).flightAt + 100) await new Promise<void>((r) => setImmediate(r));
    await observer.stop();
    expect(seen.map((e) => e.type)).toEqual(['betting', 'flight', 'crash', 'flight', 'crash', 'betting', 'flight']);
    // The late crash was seen in round 1's betting; no betting was claimed at round 1's start.
    expect(seen[2]!.at).toBeGreaterThan(game.timing(1).flightAt - 1500);
  });

  it('after a crash, a changed Bet button opens betting where the readout does not change', async () => {
    expect(await phasesSeen(false)).toEqual(['flight', 'crash', 'flight', 'crash', 'flight']);
    expect(await phasesSeen(true)).toEqual(['flight', 'crash', 'betting', 'flight', 'crash', 'betting', 'flight']);
  });
});

describe('RoundObserver.readStats', () => {
  it('splits capture+read times by the path that read them', async () => {
    // Every fourth read needs Tesseract (20 ms); the rest take the glyph fast path (2 ms).
    let n = 0;
    const reader = { read: async () => (n++ % 4 === 3 ? read({ at: performance.now(), ms: 20, path: 'tesseract' }) : read({ at: performance.now(), ms: 2 })) };
    const observer = new RoundObserver(reader, { x: 0, y: 0, width: 10, height: 10 }, { idleIntervalMs: 0 });
    observer.setActive(true);
    observer.start();
    while (n < 40) await new Promise<void>((resolve) => setImmediate(resolve));
    await observer.stop();
    const stats = observer.readStats();
    expect(stats.byPath.glyph).toMatchObject({ p50: 2, p99: 2 });
    expect(stats.byPath.tesseract).toMatchObject({ p50: 20, p99: 20 });
    expect(stats.byPath.glyph.reads + stats.byPath.tesseract.reads).toBe(stats.reads);
    expect(stats.byPath.tesseract.reads / stats.reads).toBeCloseTo(0.25, 1);
  });
});
