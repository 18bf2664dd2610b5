import { describe, expect, it } from 'vitest';
import { ClientOrderIdFactory, isValidClientOrderId, legId } from './client-order-id';

describe('client order ids', () => {
  it('are unique, valid for Binance futures and Bybit, and legs stay within 36 chars', () => {
    const f = new ClientOrderIdFactory('cockpit', () => 1_760_000_000_000, Math.random);
    const ids = new Set(Array.from({ length: 1000 }, () => f.next()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isValidClientOrderId(id)).toBe(true);
    const long = 'a'.repeat(36);
    expect(legId(long, 'tp')).toHaveLength(36);
    expect(isValidClientOrderId('has space')).toBe(false);
    expect(isValidClientOrderId('x'.repeat(37))).toBe(false);
  });
});
