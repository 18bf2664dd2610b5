import { describe, expect, it } from 'vitest';
import { fromDraft, labelOf, setDraft, toDraft } from './param-form';

const consensusLike = { entryThreshold: 0.35, weights: { smaCross: 1, rsi: 0.5 }, signals: [] as unknown[] };

describe('param form', () => {
  it('round-trips defaults through the draft, nested objects and JSON leaves included', () => {
    const draft = toDraft(consensusLike);
    expect(draft).toEqual({ entryThreshold: '0.35', weights: { smaCross: '1', rsi: '0.5' }, signals: '[]' });
    expect(fromDraft(draft, consensusLike)).toEqual({ ok: true, params: consensusLike });
  });

  it('applies an edit at a nested path and reports the path of a bad value', () => {
    const draft = setDraft(toDraft(consensusLike), ['weights', 'rsi'], '2');
    expect(fromDraft(draft, consensusLike)).toMatchObject({ ok: true, params: { weights: { smaCross: 1, rsi: 2 } } });
    expect(fromDraft(setDraft(draft, ['weights', 'smaCross'], ''), consensusLike)).toEqual({ ok: false, error: 'weights.smaCross must be a number' });
    expect(fromDraft(setDraft(draft, ['signals'], '[{'), consensusLike)).toEqual({ ok: false, error: 'signals is not valid JSON' });
  });

  it('labels camelCase keys', () => {
    expect(labelOf('htfEmaPeriod')).toBe('Htf ema period');
    expect(labelOf('fast')).toBe('Fast');
  });
});
