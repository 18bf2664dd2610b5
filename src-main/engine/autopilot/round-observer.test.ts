import { describe, expect, it } from 'vitest';
import { toPhaseRead } from './round-observer';

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
