import { describe, expect, it } from 'vitest';
import { barsIn, closedRange } from './kline-range';

const H = 3_600_000;

describe('closedRange', () => {
  it('counts the grid bars in [from, to] and leaves out the bar still forming', () => {
    expect(closedRange(0, 10 * H, H, 100 * H)).toEqual({ from: 0, to: 10 * H, bars: 11 });
    expect(closedRange(H / 2, 10 * H + 5, H, 100 * H)).toEqual({ from: H / 2, to: 10 * H, bars: 10 });
    // now is inside bar 5: bars 0..4 are closed.
    expect(closedRange(0, 10 * H, H, 5 * H + 10)).toEqual({ from: 0, to: 4 * H, bars: 5 });
  });

  it('says when nothing in the range has closed yet', () => {
    expect(closedRange(5 * H, 10 * H, H, 5 * H + 10)).toEqual({ from: 5 * H, to: null, bars: 0 });
  });
});

describe('barsIn', () => {
  it('sums inclusive ranges', () => {
    expect(barsIn([{ from: 0, to: 2 * H }, { from: 5 * H, to: 5 * H }], H)).toBe(4);
    expect(barsIn([], H)).toBe(0);
  });
});
