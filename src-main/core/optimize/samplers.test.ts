import { describe, expect, it } from 'vitest';
import { createSampler, TpeSampler, type Observation } from './samplers';
import { dimensions, gridPoint, gridSize, paramSpaceSchema, withValues } from './space';

const space = paramSpaceSchema.parse({ fast: { min: 5, max: 50, step: 5 }, stop: { min: 0.01, max: 0.1, step: 0.01 }, mode: { choices: ['a', 'b', 'c'] } });
const dims = dimensions(space);

describe('param spaces', () => {
  it('enumerates a grid with tidy step values, last param fastest', () => {
    expect(gridSize(dims)).toBe(10 * 10 * 3);
    expect(gridPoint(dims, 0)).toEqual({ fast: 5, stop: 0.01, mode: 'a' });
    expect(gridPoint(dims, 1)).toEqual({ fast: 5, stop: 0.01, mode: 'b' });
    expect(gridPoint(dims, 299)).toEqual({ fast: 50, stop: 0.1, mode: 'c' });
    expect(gridPoint(dims, 3 * 2)).toEqual({ fast: 5, stop: 0.03, mode: 'a' }); // not 0.030000000000000002
  });

  it('sets dotted paths into nested params, replacing `"risk": true` with an object', () => {
    expect(withValues({ fast: 5, risk: true }, { 'risk.stopLoss': 0.05, 'smaCross.fast': 3 })).toEqual({ fast: 5, risk: { stopLoss: 0.05 }, smaCross: { fast: 3 } });
  });

  it('refuses a bad space', () => {
    expect(paramSpaceSchema.safeParse({}).success).toBe(false);
    expect(paramSpaceSchema.safeParse({ fast: { min: 9, max: 1 } }).success).toBe(false);
    expect(paramSpaceSchema.safeParse({ 'bad path': { choices: [1] } }).success).toBe(false);
  });
});

describe('samplers', () => {
  it('random: trial i depends only on the seed and i', () => {
    const a = createSampler('random', dims, 100, 42);
    const b = createSampler('random', dims, 100, 42);
    expect([5, 3, 9].map((i) => b.propose(i, []))).toEqual([5, 3, 9].map((i) => a.propose(i, [])));
    expect(createSampler('random', dims, 100, 43).propose(5, [])).not.toEqual(a.propose(5, []));
  });

  it('TPE: proposals use only earlier batches, and move towards the good region', () => {
    const continuous = dimensions(paramSpaceSchema.parse({ x: { min: 0, max: 1 } }));
    const tpe = new TpeSampler(continuous, 200, 1, { batchSize: 8, startup: 16 });
    const history: Observation[] = [];
    const f = (x: number) => -((x - 0.8) ** 2);
    for (let i = 0; i < 160; i++) {
      const values = tpe.propose(i, history);
      // A later result must not change a proposal inside the same batch.
      if (i % 8 === 3) expect(tpe.propose(i, [...history, { index: i - 1, values: { x: 0 }, score: 99 }])).toEqual(values);
      history.push({ index: i, values, score: f(values['x'] as number) });
    }
    const late = history.slice(120).map((o) => o.values['x'] as number);
    const mean = late.reduce((a, x) => a + x, 0) / late.length;
    expect(Math.abs(mean - 0.8)).toBeLessThan(0.1);
  });
});
