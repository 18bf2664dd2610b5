import { describe, expect, it } from 'vitest';
import { parseStopLevel } from './num';

describe('move-stop level typed in the orders panel', () => {
  it('accepts a positive price and nothing else', () => {
    expect(parseStopLevel(' 95.5 ')).toBe(95.5);
    for (const bad of ['', '  ', '0', '-3', 'abc', 'Infinity']) expect(parseStopLevel(bad)).toBeNull();
  });
});
