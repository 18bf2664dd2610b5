// Runs in: engine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { MarketSymbol } from '../../../core/exchange/matching/engine-types';
import { handleBinance } from './binance-routes';
import { handleBybit } from './bybit-routes';
import { handleFutures, ListenKeys } from './futures-routes';
import type { SimRequest, SimResponse } from './http-types';
import { StreamHub } from './streams';
import { SimVenue, type SimApiKey } from './venue';

export interface SimulatorOptions {
  readonly port?: number;
  readonly symbols?: readonly MarketSymbol[];
  readonly keys?: readonly SimApiKey[];
  readonly feeRate?: number;
  /** Per-order fill size per trade print; smaller values produce partial fills. */
  readonly liquidityPerTick?: number;
  readonly binanceWeightLimit?: number;
  readonly pingIntervalMs?: number;
  readonly binanceIntervals?: readonly string[];
  readonly bybitIntervals?: readonly string[];
}

export interface Simulator {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly binance: SimVenue;
  readonly bybit: SimVenue;
  /** Binance USDⓈ-M futures (paths under /fapi): its own account, positions from net fills. */
  readonly futures: SimVenue;
  readonly listenKeys: ListenKeys;
  readonly streams: StreamHub;
  /** Prints a trade on both venues: matches orders, updates candles, pushes streams. */
  trade(symbol: string, price: number, qty?: number): void;
  close(): Promise<void>;
}

export const DEFAULT_SYMBOLS: readonly MarketSymbol[] = [
  { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' },
  { symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT' },
];

function defaultFaultBody(status: number): unknown {
  if (status === 418) return { code: -1003, msg: 'Way too much request weight used; IP banned until later.' };
  if (status === 429) return { code: -1003, msg: 'Too much request weight used; current limit is exceeded.' };
  if (status === 403) return 'access too frequent';
  return 'Internal error; unable to process your request. Please try again.';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, r: SimResponse): void {
  const body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  res.writeHead(r.status, { 'Content-Type': typeof r.body === 'string' ? 'text/plain' : 'application/json', ...r.headers });
  res.end(body);
}

/**
 * Local Binance spot + Bybit v5 simulator on 127.0.0.1 (test fixture and demo mode). Both venues
 * share one HTTP port; paths decide (/api, /sapi → Binance; /v5 → Bybit).
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const symbols = new Map((opts.symbols ?? DEFAULT_SYMBOLS).map((s) => [s.symbol, s]));
  const venueOpts = { feeRate: opts.feeRate ?? 0.001, liquidityPerTick: opts.liquidityPerTick ?? Infinity };
  const binance = new SimVenue(symbols, venueOpts, opts.binanceWeightLimit ?? 6000, 60_000);
  const bybit = new SimVenue(symbols, venueOpts, 600, 5_000);
  const futures = new SimVenue(symbols, venueOpts, 2400, 60_000);
  const listenKeys = new ListenKeys();
  for (const k of opts.keys ?? []) for (const v of [binance, bybit, futures]) v.addKey(k);
  const streams = new StreamHub(binance, bybit, futures, listenKeys);
  const binanceIntervals = opts.binanceIntervals ?? ['1s', '1m'];
  const bybitIntervals = opts.bybitIntervals ?? ['1'];
  let tradeId = 1;

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const simReq: SimRequest = { method: req.method ?? 'GET', path: url.pathname, rawQuery: url.search.slice(1), rawBody: await readBody(req), headers: req.headers };
      const venue = url.pathname.startsWith('/v5/') ? bybit : url.pathname.startsWith('/fapi/') ? futures : binance;
      const handle = () => (venue === bybit ? handleBybit(bybit, simReq, { dropAttachedStop: fault?.kind === 'drop-attached-stop' }) : venue === futures ? handleFutures(futures, listenKeys, simReq) : handleBinance(binance, simReq));
      venue.onRequest?.(simReq);
      const fault = venue.faults.take(simReq.method, simReq.path);
      if (fault?.kind === 'status') {
        const retry = fault.retryAfterSec !== undefined ? { 'Retry-After': String(fault.retryAfterSec) } : undefined;
        return send(res, { status: fault.status, headers: { ...retry, ...fault.headers }, body: fault.body ?? defaultFaultBody(fault.status) });
      }
      const answer = handle();
      if (fault?.kind === 'error-after-handling') return send(res, { status: fault.status, body: fault.body ?? 'Internal error; unable to process your request. Please try again.' });
      if (fault?.kind === 'hang-after-handling') return; // the client times out; the socket is destroyed on close()
      send(res, answer);
    })().catch((e: unknown) => send(res, { status: 500, body: String(e) }));
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    streams.attach(ws, url.pathname, url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const pinger = setInterval(() => streams.ping(), opts.pingIntervalMs ?? 20_000);
  const { port } = server.address() as AddressInfo;

  return {
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    binance,
    bybit,
    futures,
    listenKeys,
    streams,
    trade(symbol, price, qty = 1) {
      const at = Date.now();
      for (const [venue, intervals] of [[binance, binanceIntervals], [bybit, bybitIntervals], [futures, binanceIntervals]] as const) {
        venue.publish(venue.engine.tick(symbol, price));
        const klines = venue.candles.trade(symbol, price, qty, at, intervals);
        if (venue !== futures) streams.klines(venue === binance ? 'binance' : 'bybit', klines, at);
      }
      streams.trades(symbol, price, qty, tradeId++, at);
    },
    async close() {
      clearInterval(pinger);
      streams.dropAll();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
