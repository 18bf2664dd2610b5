// Runs in: engine.
import { z } from 'zod';
import type { BookTicker } from '../../../core/exchange/types';

/** Book frames are untrusted input: zod-parsed (a few per second per symbol, not the kline hot path). */
const num = z.string().transform((v, ctx) => {
  const n = v === '' ? NaN : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a number: ${v}` });
    return z.NEVER;
  }
  return n;
});

/** Spot `<symbol>@bookTicker` has no event fields; the futures one adds e/E/T. */
export const BinanceBookTickerFrame = z.object({ e: z.literal('bookTicker').optional(), E: z.number().optional(), u: z.number(), s: z.string(), b: num, B: num, a: num, A: num });

const Level = z.tuple([num, num]);
/** `orderbook.1.<SYMBOL>`: level 1 only ever pushes snapshots (re-sent unchanged after 3 s of quiet). */
export const BybitOrderbookTopFrame = z.object({
  topic: z.string().startsWith('orderbook.1.'),
  type: z.literal('snapshot'),
  ts: z.number(),
  data: z.object({ s: z.string(), b: z.array(Level), a: z.array(Level), u: z.number(), seq: z.number().optional() }),
});

/** A raw or combined-stream Binance bookTicker frame → BookTicker; undefined for anything else. */
export function parseBinanceBookTicker(text: string): BookTicker | undefined {
  const raw = JSON.parse(text) as unknown;
  const inner = typeof raw === 'object' && raw !== null && 'stream' in raw && 'data' in raw ? (raw as { data: unknown }).data : raw;
  const r = BinanceBookTickerFrame.safeParse(inner);
  if (!r.success) return undefined;
  const f = r.data;
  return { symbol: f.s, bidPrice: f.b, bidQty: f.B, askPrice: f.a, askQty: f.A, updateId: f.u, eventTime: f.E };
}

/** A Bybit level-1 orderbook frame → BookTicker; undefined for acks, pongs, deeper books, or a side with no level. */
export function parseBybitBookTicker(text: string): BookTicker | undefined {
  const r = BybitOrderbookTopFrame.safeParse(JSON.parse(text));
  if (!r.success) return undefined;
  const { s, b, a, u } = r.data.data;
  const [bid, ask] = [b[0], a[0]];
  if (!bid || !ask) return undefined;
  return { symbol: s, bidPrice: bid[0], bidQty: bid[1], askPrice: ask[0], askQty: ask[1], updateId: u, eventTime: r.data.ts };
}
