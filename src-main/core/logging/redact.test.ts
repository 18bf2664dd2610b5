import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from './redact';

describe('Redactor', () => {
  const r = new Redactor();
  r.addSecret('sk-live-0123456789abcdef');
  r.addSecret('abc'); // too short to match safely: ignored

  it('removes registered secrets anywhere in text', () => {
    expect(r.text('connect failed with key sk-live-0123456789abcdef (x)')).toBe(`connect failed with key ${REDACTED} (x)`);
    expect(r.text('abc is a word')).toBe('abc is a word');
  });

  it('removes credential shapes: URL tokens, bearer headers, exchange headers, key=value', () => {
    expect(r.text('Cockpit ready: http://127.0.0.1:4318/#token=Zm9vYmFyYmF6cXV4')).toBe(`Cockpit ready: http://127.0.0.1:4318/#token=${REDACTED}`);
    expect(r.text('GET /api/v3/order?symbol=BTCUSDT&timestamp=1&signature=c8db56825ae71d6d')).toBe(`GET /api/v3/order?symbol=BTCUSDT&timestamp=1&signature=${REDACTED}`);
    expect(r.text('Authorization: Bearer eyJhbGciOi.J9.x')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(r.text('X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A')).toBe(`X-MBX-APIKEY: ${REDACTED}`);
    expect(r.text('password="hunter2hunter2"')).toBe(`password="${REDACTED}"`);
    expect(r.text('{"token":"abcdefgh","n":1}')).toBe(`{"token":"${REDACTED}","n":1}`);
    expect(r.text('multiplier 2.35x read in 0.8 ms')).toBe('multiplier 2.35x read in 0.8 ms');
  });

  it('blanks secret-named keys in objects but keeps has… flags and ordinary fields', () => {
    const out = r.value({ apiKey: 'AAAAAAAAAAAA', nested: { signalToken: 'zzzzzzzz', hasToken: true, url: 'ws://h/?token=qqqqqqqq' }, stake: 1, err: new Error('bad sk-live-0123456789abcdef') });
    expect(out).toEqual({
      apiKey: REDACTED,
      nested: { signalToken: REDACTED, hasToken: true, url: `ws://h/?token=${REDACTED}` },
      stake: 1,
      err: expect.objectContaining({ name: 'Error', message: `bad ${REDACTED}` }),
    });
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(r.value(a)).toEqual({ name: 'a', self: '[…]' });
  });
});
