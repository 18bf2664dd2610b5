import { describe, expect, it } from 'vitest';
import { parseMultiplier } from './parse-multiplier';

describe('parseMultiplier', () => {
  it.each([
    ['2.35x', 2.35],
    ['2.35×', 2.35],
    ['x2.35', 2.35],
    ['×2.35', 2.35],
    ['2.35', 2.35],
    ['2.35X', 2.35],
    [' 2.35 x ', 2.35],
    ['1,234.56x', 1234.56],
    ['12,345.67x', 12345.67],
    ['1.00x', 1],
    ['999.99x', 999.99],
    ['3x', 3],
    ['235', 235],
    ['2.5x', 2.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseMultiplier(text)).toEqual({ value });
  });

  it.each([
    '',
    'x',
    '0.99x',
    '0.50',
    '2..35x',
    '2.355x',
    '2,35x',
    '1,23.45x',
    '1,2345.00x',
    'x2.35x',
    '2.35xx',
    '02.35x',
    '.35x',
    '2.x',
    'abc',
    '1234567',
    'Crashed @ 2.35x',
  ])('rejects %j', (text) => {
    expect(parseMultiplier(text)).toBeNull();
  });
});
