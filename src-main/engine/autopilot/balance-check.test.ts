import { describe, expect, it } from 'vitest';
import type { RegionReader, ScreenRead } from '../../core/autopilot/ports';
import { BalanceCheck } from './balance-check';

const REGION = { x: 0, y: 0, width: 100, height: 20 };

/** A balance region whose reads follow a script: one value per read, the last one repeated. */
function scripted(values: Array<number | null | Error>): RegionReader {
  let i = 0;
  return {
    read: async (): Promise<ScreenRead> => {
      const v = values[Math.min(i++, values.length - 1)];
      if (v instanceof Error) throw v;
      return { at: Date.now(), text: String(v), value: v ?? null, ms: 1, path: 'glyph' };
    },
  };
}

describe('BalanceCheck', () => {
  it('begins the "before" read at once, synchronously, as the check is created in flight', async () => {
    let reads = 0;
    const reader: RegionReader = { read: async () => (reads++, { at: Date.now(), text: '998', value: 998, ms: 1, path: 'glyph' }) };
    const check = BalanceCheck.begin(reader, REGION);
    expect(reads).toBe(1);
    await expect(check.payout(1, 50)).resolves.toEqual({ kind: 'unchanged', balance: 998 });
  });

  it('turns the balance change over the stake into the multiplier the game paid, floored to the cent', async () => {
    const check = BalanceCheck.begin(scripted([998, 998, 998, 1002.03]), REGION);
    // No whole cent times 2 is credited 4.03: the game paid on the unrounded multiplier, 2.015 to 2.02.
    const verdict = await check.payout(2, 1_000);
    expect(verdict).toMatchObject({ kind: 'paid', multiplier: 2.01, balance: 1002.03 });
    expect(verdict.kind === 'paid' && verdict.paidBelow).toBeCloseTo(2.02, 9);
  });

  it('finds the whole cent behind a floored credit: 2.5 at 3.61x is credited 9.02, which is 3.61x, not 9.02 / 2.5 = 3.608', async () => {
    const check = BalanceCheck.begin(scripted([996.08, 996.08, 1005.1]), REGION);
    await expect(check.payout(2.5, 1_000)).resolves.toEqual({ kind: 'paid', multiplier: 3.61, paidBelow: 3.62, balance: 1005.1 });
  });

  it('says so when the balance never moves: the game did not pay', async () => {
    const check = BalanceCheck.begin(scripted([998]), REGION);
    await expect(check.payout(1, 100)).resolves.toEqual({ kind: 'unchanged', balance: 998 });
  });

  it('claims nothing when the balance cannot be read', async () => {
    await expect(BalanceCheck.begin(scripted([null]), REGION).payout(1, 100)).resolves.toEqual({ kind: 'unreadable' });
    await expect(BalanceCheck.begin(scripted([new Error('capture failed')]), REGION).payout(1, 100)).resolves.toEqual({ kind: 'unreadable' });
  });

  it('stops waiting one read after the next round opens: a signal for that round must not queue behind the check', async () => {
    let reads = 0;
    const reader: RegionReader = { read: async () => (reads++, { at: Date.now(), text: '998', value: 998, ms: 1, path: 'glyph' }) };
    const check = BalanceCheck.begin(reader, REGION);
    const started = Date.now();
    const verdict = await check.payout(1, 10_000, () => reads >= 3);
    expect(verdict).toEqual({ kind: 'unchanged', balance: 998 });
    expect(reads).toBe(4);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
