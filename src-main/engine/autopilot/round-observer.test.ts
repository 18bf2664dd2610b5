import { describe, expect, it } from 'vitest';
import { RoundObserver, toPhaseRead } from './round-observer';

const read = (over: Partial<Parameters<typeof toPhaseRead>[0]>) => ({ at: 1, text: '', value: null, ms: 1, path: 'glyph' as const, ...over });

describe('toPhaseRead', () => {
  it('passes values through', () => {
    expect(toPhaseRead(read({ text: '2.00x', value: 2 }), 'FLYING')).toEqual({ at: 1, kind: 'value', value: 2 });
  });
  it('treats a blank region as no read', () => {
    expect(toPhaseRead(read({}), 'FLYING')).toEqual({ at: 1, kind: 'none' });
    expect(toPhaseRead(read({}), 'CRASHED')).toEqual({ at: 1, kind: 'none' });
  });
  it('never ends a flight on one garbled multiplier read, but does outside a flight', () => {
    expect(toPhaseRead(read({ text: '2.0?x' }), 'FLYING')).toEqual({ at: 1, kind: 'none' });
    expect(toPhaseRead(read({ text: '1.00' }), 'BETTING')).toEqual({ at: 1, kind: 'crash' });
  });
  it('takes long text as the crash text, even in flight', () => {
    expect(toPhaseRead(read({ text: '(13 characters of text)', otherText: true }), 'FLYING')).toEqual({ at: 1, kind: 'crash' });
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

  it('stops while held', async () => {
    const observer = new RoundObserver(countingReader(), { x: 0, y: 0, width: 10, height: 10 }, { idleIntervalMs: 0 });
    observer.start();
    observer.hold();
    await turns(3);
    await observer.stop();
  });
});
