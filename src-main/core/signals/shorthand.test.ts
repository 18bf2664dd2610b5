import { describe, expect, it } from 'vitest';
import { parseInteractiveLine } from './shorthand';
import { validateSignalFrame } from './validate';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const context = { nextRoundId: 5, nowMs: NOW };

describe('parseInteractiveLine', () => {
  it('turns shorthand into a frame the validator accepts', () => {
    const line = parseInteractiveLine('2.0', context);
    expect(line).toEqual({ kind: 'signal', explicitRoundId: false, frame: { timestamp: '2025-06-01T12:00:00.000Z', expectedMultiplier: 2, bet: true, roundId: 5 } });
    if (line.kind !== 'signal') throw new Error('expected a signal');
    expect(validateSignalFrame(JSON.stringify(line.frame), { now: NOW }).verdict).toBe('accepted');
  });

  it('reads nobet, round, range, stake and age', () => {
    expect(parseInteractiveLine('1.5 nobet round=42 range=1.4-1.6 stake=3 age=20000', context)).toMatchObject({
      kind: 'signal',
      explicitRoundId: true,
      frame: { expectedMultiplier: 1.5, bet: false, roundId: 42, expectedRange: '1.4-1.6', stake: 3, timestamp: '2025-06-01T11:59:40.000Z' },
    });
    expect(parseInteractiveLine('2 round=abc', context)).toMatchObject({ frame: { roundId: 'abc' } });
  });

  it('passes JSON and raw lines through untouched, and flags mistakes', () => {
    expect(parseInteractiveLine(' {"bad": ', context)).toEqual({ kind: 'raw', text: '{"bad":' });
    expect(parseInteractiveLine('raw not json', context)).toEqual({ kind: 'raw', text: 'not json' });
    expect(parseInteractiveLine('   ', context)).toEqual({ kind: 'empty' });
    expect(parseInteractiveLine('abc', context)).toMatchObject({ kind: 'error' });
    expect(parseInteractiveLine('2.0 wat', context)).toMatchObject({ kind: 'error', message: expect.stringContaining('wat') });
  });
});
