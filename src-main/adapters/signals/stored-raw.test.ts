import { describe, expect, it } from 'vitest';
import { storedRaw } from './stored-raw';

describe('storedRaw', () => {
  it('keeps small frames whole and counts UTF-8 bytes', () => {
    expect(storedRaw('{"a":"€"}')).toEqual({ text: '{"a":"€"}', bytes: 11 });
    expect(storedRaw(Buffer.from('{"a":1}'))).toEqual({ text: '{"a":1}', bytes: 7 });
  });

  it('truncates to 64 KiB but reports the real size', () => {
    const big = 'x'.repeat(200_000);
    const stored = storedRaw(big);
    expect(stored.bytes).toBe(200_000);
    expect(stored.text.length).toBe(65_536);
    const multiByte = storedRaw('€'.repeat(30_000));
    expect(multiByte.bytes).toBe(90_000);
    expect(Buffer.byteLength(multiByte.text)).toBeLessThanOrEqual(65_536 + 2);
  });

  it('stores invalid UTF-8 lossily without throwing', () => {
    expect(storedRaw(new Uint8Array([0x41, 0xff, 0x42]))).toEqual({ text: 'A\uFFFDB', bytes: 3 });
  });
});
