/**
 * Exchange benchmarks: `npm run bench:exchange` (tsx test/bench/exchange.bench.ts).
 *  1. Tick-to-order, in-process: a Binance kline frame is parsed (zod), published on the MarketBus,
 *     a strategy decides, the connector builds and HMAC-signs POST /api/v3/order (budget, breaker,
 *     clock included) and hands it to the transport. The transport answers from memory, so this is
 *     the full decision + order-build path without the network. p50/p99.
 *  2. Loopback round trip: the same placeOrder against the local simulator over 127.0.0.1 HTTP.
 *  3. Market-data parse throughput: frames → parse → MarketBus, messages/s on one core; baseline:
 *     ccxt (pro binance) JSON.parse + handleOHLCV of the same frames, if ccxt is installed.
 *  4. Protection (protection-bench.ts): entry-to-protection-acknowledged per venue, restart-to-reconciled with 50 positions.
 *     `npm run bench:exchange -- protection` runs only these.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BreakerSet } from '../../src-main/core/exchange/circuit-breaker';
import { ClientOrderIdFactory } from '../../src-main/core/exchange/client-order-id';
import { MarketBus } from '../../src-main/core/exchange/market-bus';
import { RateBudget, RateBudgetRegistry } from '../../src-main/core/exchange/rate-budget';
import { ServerClock } from '../../src-main/core/exchange/server-clock';
import type { Kline, OrderRequest } from '../../src-main/core/exchange/types';
import { BinanceRest } from '../../src-main/adapters/exchange/binance/binance-rest';
import { parseBinanceKlineFrame } from '../../src-main/adapters/exchange/binance/binance-schemas';
import { BinanceSpotExchange } from '../../src-main/adapters/exchange/binance/binance-spot';
import { createBinanceSpot } from '../../src-main/adapters/exchange/binance/binance-factory';
import type { HttpSend } from '../../src-main/adapters/exchange/shared/http';
import { DEFAULT_SYMBOLS, startSimulator } from '../../src-main/adapters/exchange/simulator/server';
import { protectionBench } from './protection-bench';

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

function frames(n: number): string[] {
  const out: string[] = [];
  let p = 50_000;
  for (let i = 0; i < n; i++) {
    p += Math.sin(i) * 5;
    const t = 1_700_000_000_000 + Math.floor(i / 10) * 60_000;
    out.push(JSON.stringify({ e: 'kline', E: t + (i % 10) * 1000, s: 'BTCUSDT', k: { t, T: t + 59_999, s: 'BTCUSDT', i: '1m', f: i, L: i + 5, o: '50000.00000000', c: p.toFixed(8), h: (p + 10).toFixed(8), l: (p - 10).toFixed(8), v: '12.50000000', n: 6, x: i % 10 === 9, q: '625000.00000000', V: '6.00000000', Q: '300000.00000000', B: '0' } }));
  }
  return out;
}

async function tickToOrder(iterations: number): Promise<void> {
  let builtAt = 0;
  const reply = (body: string) => {
    const p = new URLSearchParams(body);
    return JSON.stringify({ symbol: p.get('symbol'), orderId: 1, orderListId: -1, clientOrderId: p.get('newClientOrderId'), transactTime: 1, price: p.get('price'), origQty: p.get('quantity'), executedQty: '0.00000000', cummulativeQuoteQty: '0.00000000', status: 'NEW', timeInForce: 'GTC', type: 'LIMIT', side: p.get('side'), fills: [] });
  };
  // In-memory transport: records when the signed request is ready, answers without a network.
  const send: HttpSend = async (req) => {
    builtAt = performance.now();
    return { status: 200, headers: new Headers({ 'x-mbx-used-weight-1m': '1' }), text: reply(req.body ?? '') };
  };
  const clock = new ServerClock(Date.now);
  const rest = new BinanceRest({
    baseUrl: 'https://api.binance.com',
    credentials: { apiKey: 'bench-key', secret: 'bench-secret' },
    recvWindow: 5000,
    timeoutMs: 1000,
    // A limitless budget: the bench sends far more than a real minute's weight.
    budget: new RateBudget({ limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000, headroom: 1 }, Date.now),
    breakers: new BreakerSet({ failureThreshold: 5, cooldownMs: 1000 }, Date.now),
    clock,
    send,
    localNow: Date.now,
  });
  const exchange = new BinanceSpotExchange({ rest, clock, symbols: DEFAULT_SYMBOLS, subscribeKlines: () => () => undefined });
  const ids = new ClientOrderIdFactory('bench', Date.now, Math.random);
  const bus = new MarketBus();
  let pending: Promise<unknown> | undefined;
  // Strategy: buy a limit 0.1% under the close whenever a candle prints (always fires, so every tick is an order).
  bus.onKline('BTCUSDT', '1m', (k: Kline) => {
    const req: OrderRequest = { symbol: k.symbol, side: 'BUY', type: 'LIMIT', quantity: 0.001, price: Math.round(k.close * 0.999 * 100) / 100, clientOrderId: ids.next() };
    pending = exchange.placeOrder(req);
  });
  const input = frames(iterations);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const k = parseBinanceKlineFrame(input[i]!);
    if (k) bus.publishKline(k);
    await pending;
    if (i >= 1000) samples.push(builtAt - t0); // first 1000 are JIT warm-up
  }
  samples.sort((a, b) => a - b);
  console.log(`tick-to-order (in-process, no network): n=${samples.length} p50=${fmt(pct(samples, 50))} p99=${fmt(pct(samples, 99))} max=${fmt(samples.at(-1)!)}  [target p99 <= 1 ms]`);
}

async function loopback(orders: number): Promise<void> {
  const sim = await startSimulator({ keys: [{ apiKey: 'bench-key', secret: 'bench-secret', canWithdraw: false }], binanceWeightLimit: 1_000_000 });
  sim.trade('BTCUSDT', 50_000);
  const { exchange } = createBinanceSpot({ httpUrl: sim.httpUrl, wsUrl: sim.wsUrl, credentials: { apiKey: 'bench-key', secret: 'bench-secret' }, budgets: new RateBudgetRegistry(Date.now), symbols: DEFAULT_SYMBOLS });
  const ids = new ClientOrderIdFactory('loop', Date.now, Math.random);
  const samples: number[] = [];
  for (let i = 0; i < orders; i++) {
    const t0 = performance.now();
    await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 0.001, price: 40_000, clientOrderId: ids.next() });
    if (i >= 100) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`loopback round trip (placeOrder → simulator on 127.0.0.1 → parsed reply): n=${samples.length} p50=${fmt(pct(samples, 50))} p90=${fmt(pct(samples, 90))} p99=${fmt(pct(samples, 99))}`);
  await sim.close();
}

function throughput(input: readonly string[], rounds: number): number {
  const bus = new MarketBus();
  let sink = 0;
  bus.onKline('BTCUSDT', '1m', (k) => (sink += k.close));
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of input) {
    const k = parseBinanceKlineFrame(f);
    if (k) bus.publishKline(k);
  }
  const s = (performance.now() - t0) / 1000;
  if (sink === 0) throw new Error('nothing parsed');
  return (input.length * rounds) / s;
}

async function ccxtThroughput(input: readonly string[], rounds: number): Promise<number | string> {
  let ccxt: { pro: Record<string, new (o?: object) => Record<string, unknown>> };
  try {
    ccxt = (await import('ccxt')) as unknown as typeof ccxt;
  } catch (e) {
    return `ccxt not installed (${(e as Error).message})`;
  }
  const ex = new ccxt.pro.binance!({}) as unknown as { handleOHLCV: (client: unknown, msg: unknown) => void; version?: string };
  let resolved = 0;
  const client = { url: 'wss://stream.binance.com:9443/ws', resolve: () => void resolved++ };
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of input) ex.handleOHLCV(client, JSON.parse(f));
  const s = (performance.now() - t0) / 1000;
  if (resolved === 0) throw new Error('ccxt resolved nothing');
  return (input.length * rounds) / s;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  if (process.argv.includes('protection')) return protectionBench();
  await tickToOrder(21_000);
  await loopback(1_100);
  const input = frames(100_000);
  throughput(input, 1); // warm-up
  const ours = throughput(input, 5);
  console.log(`market data parse → bus: ${Math.round(ours).toLocaleString('en-US')} msgs/s  [target >= 200,000]`);
  const ccxtPkg = (() => {
    try {
      return JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/ccxt/package.json'), 'utf8')) as { version: string };
    } catch {
      return { version: '?' };
    }
  })();
  const base = await ccxtThroughput(input.slice(0, 50_000), 1);
  const baseline = typeof base === 'number' ? await ccxtThroughput(input, 2) : base;
  console.log(typeof baseline === 'number' ? `baseline ccxt ${ccxtPkg.version} (JSON.parse + pro.binance.handleOHLCV): ${Math.round(baseline).toLocaleString('en-US')} msgs/s  → ours ${(ours / baseline).toFixed(1)}×` : `baseline: ${baseline}`);
  await protectionBench();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
