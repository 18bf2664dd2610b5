import { describe, expect, it } from 'vitest';
import { heatGrid } from './heat-map';
import { defaultSpaceRows, gridPoints, spaceOf, strategyParamsOf } from './space-draft';

describe('optimize space draft', () => {
  const schema = { properties: { fast: { type: 'integer', minimum: 1 }, slow: { type: 'integer', minimum: 1 } } };

  it('offers a range around each default, integers stepping by whole numbers', () => {
    const rows = defaultSpaceRows({ fast: 10, slow: 30 }, schema);
    expect(rows).toEqual([
      { path: 'fast', include: true, min: '5', max: '20', step: '2' },
      { path: 'slow', include: true, min: '15', max: '60', step: '5' },
    ]);
    expect(spaceOf(rows)).toEqual({ ok: true, space: { fast: { min: 5, max: 20, step: 2 }, slow: { min: 15, max: 60, step: 5 } } });
    expect(gridPoints(rows)).toBe(8 * 10);
  });

  it('leaves nested params unticked and handles negative defaults', () => {
    const rows = defaultSpaceRows({ exitThreshold: -0.2, smaCross: { fast: 10 } }, { properties: { exitThreshold: { type: 'number', minimum: -1, maximum: 1 }, smaCross: schema } });
    expect(rows[0]).toMatchObject({ path: 'exitThreshold', include: true, min: '-0.4', max: '-0.1' });
    expect(rows[1]).toMatchObject({ path: 'smaCross.fast', include: false });
  });

  it('says what is wrong with a row', () => {
    expect(spaceOf([{ path: 'fast', include: true, min: '9', max: '3', step: '1' }])).toEqual({ ok: false, error: 'fast: min is above max' });
    expect(spaceOf([{ path: 'fast', include: false, min: '1', max: '3', step: '1' }]).ok).toBe(false);
    expect(gridPoints([{ path: 'x', include: true, min: '0', max: '1', step: '' }])).toBeNull();
  });

  it('keeps run keys out of a strategy config', () => {
    expect(strategyParamsOf({ fast: 5, slow: 20, risk: { stopLoss: 0.1 }, fee: 0.001 })).toEqual({ params: { fast: 5, slow: 20 }, risk: true });
  });

  it('bins trials on two params with the best score per cell', () => {
    const grid = heatGrid(
      [
        { values: { a: 1, b: 'x' }, score: 1 },
        { values: { a: 1, b: 'x' }, score: 3 },
        { values: { a: 2, b: 'y' }, score: -1 },
        { values: { a: 2, b: 'y' }, score: null },
      ],
      'a',
      'b',
    );
    expect(grid.xLabels).toEqual(['1', '2']);
    expect(grid.yLabels).toEqual(['x', 'y']);
    expect(grid.cells).toEqual([
      { x: 0, y: 0, score: 3, trials: 2 },
      { x: 1, y: 1, score: -1, trials: 1 },
    ]);
  });
});
