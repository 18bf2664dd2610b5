import { describe, expect, it } from 'vitest';
import { resolveUnknownOrder } from './resolve-unknown';
import type { OrderRequest, OrderSnapshot } from './types';

const req: OrderRequest = { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 100, clientOrderId: 'u1' };
const found: OrderSnapshot = { ...req, status: 'NEW', filledQty: 0, reduceOnly: false, updatedAt: 5 };

function deps(answers: Array<OrderSnapshot | null | Error>) {
  let t = 0;
  let i = 0;
  return {
    query: async () => {
      const a = answers[Math.min(i++, answers.length - 1)]!;
      if (a instanceof Error) throw a;
      return a;
    },
    serverNow: () => t,
    sleep: async (ms: number) => void (t += ms),
    signedAt: 0,
    recvWindow: 5_000,
    pollMs: 500,
    maxWaitMs: 20_000,
    calls: () => i,
  };
}

describe('resolveUnknownOrder', () => {
  it('returns the order once the venue shows it, even after failed and empty queries', async () => {
    const d = deps([new Error('503'), null, found]);
    expect(await resolveUnknownOrder(req, d)).toBe(found);
    expect(d.calls()).toBe(3);
  });
  it('declares it never placed only after recvWindow has passed', async () => {
    const d = deps([null]);
    const r = await resolveUnknownOrder(req, d);
    expect(r.status).toBe('REJECTED');
    expect(d.serverNow()).toBeGreaterThan(6_000);
  });
  it('stays UNKNOWN when the venue cannot be queried', async () => {
    const r = await resolveUnknownOrder(req, deps([new Error('down')]));
    expect(r.status).toBe('UNKNOWN');
  });
});
