// Runs in: engine.
import type { WebSocket } from 'ws';
import type { Kline } from '../../../core/exchange/types';
import { signBinanceWsApi, hmacSha256Hex, signaturesEqual } from '../shared/signing';
import { binanceKlineEvent, executionReport } from './binance-format';
import { bybitExecutionEvent, bybitOrderEvent } from './bybit-routes';
import { futuresUserEvent, type ListenKeys } from './futures-routes';
import type { SimVenue } from './venue';

const BOOK_TICK = 0.01;

/**
 * Market and user-data streams of the simulator. `stalled` keeps sockets open but silent, the
 * failure mode that bites bots which only watch for a close.
 */
export class StreamHub {
  stalled = false;
  private readonly binanceMarket = new Map<WebSocket, Set<string>>();
  private readonly bybitPublic = new Map<WebSocket, Set<string>>();
  private readonly sockets = new Set<WebSocket>();
  connectionsOpened = 0;
  private bookUpdateId = 0;

  private readonly futuresUsers = new Set<WebSocket>();

  constructor(
    private readonly binance: SimVenue,
    private readonly bybit: SimVenue,
    private readonly futures?: SimVenue,
    private readonly listenKeys?: ListenKeys,
  ) {}

  get openSockets(): number {
    return this.sockets.size;
  }

  attach(ws: WebSocket, path: string, query: URLSearchParams): void {
    this.sockets.add(ws);
    this.connectionsOpened += 1;
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.binanceMarket.delete(ws);
      this.bybitPublic.delete(ws);
    });
    ws.on('error', () => undefined);
    if (path.startsWith('/ws/') || path === '/stream') {
      const names = path === '/stream' ? (query.get('streams') ?? '').split('/') : [path.slice('/ws/'.length)];
      this.binanceMarket.set(ws, new Set(names.filter(Boolean)));
      (ws as WebSocket & { combined?: boolean }).combined = path === '/stream';
    } else if (path === '/ws-api/v3') {
      this.binanceWsApi(ws);
    } else if (path.startsWith('/v5/public/')) {
      this.bybitPublic.set(ws, new Set());
      ws.on('message', (raw) => this.bybitPublicMessage(ws, String(raw)));
    } else if (path === '/v5/private') {
      this.bybitPrivate(ws);
    } else if (path.startsWith('/fws/')) {
      this.futuresUser(ws, path.slice('/fws/'.length));
    } else {
      ws.close(1008, 'unknown stream path');
    }
  }

  klines(venue: 'binance' | 'bybit', klines: readonly Kline[], at: number): void {
    if (this.stalled) return;
    for (const k of klines) {
      if (venue === 'binance') {
        const name = `${k.symbol.toLowerCase()}@kline_${k.interval}`;
        for (const [ws, subs] of this.binanceMarket) {
          if (!subs.has(name)) continue;
          const data = binanceKlineEvent(k, at);
          ws.send(JSON.stringify((ws as WebSocket & { combined?: boolean }).combined ? { stream: name, data } : data));
        }
      } else {
        const topic = `kline.${k.interval}.${k.symbol}`;
        const data = [{ start: k.openTime, end: k.closeTime, interval: k.interval, open: String(k.open), close: String(k.close), high: String(k.high), low: String(k.low), volume: String(k.volume), turnover: String(k.volume * k.close), confirm: k.closed, timestamp: at }];
        for (const [ws, subs] of this.bybitPublic) if (subs.has(topic)) ws.send(JSON.stringify({ topic, data, ts: at, type: 'snapshot' }));
      }
    }
  }

  trades(symbol: string, price: number, qty: number, tradeId: number, at: number): void {
    if (this.stalled) return;
    const name = `${symbol.toLowerCase()}@trade`;
    const book = `${symbol.toLowerCase()}@bookTicker`;
    // The simulator keeps no book: the top of book is one tick either side of the last print.
    const [bid, ask] = [(price - BOOK_TICK).toFixed(8), (price + BOOK_TICK).toFixed(8)];
    const u = ++this.bookUpdateId;
    for (const [ws, subs] of this.binanceMarket) {
      if (subs.has(name)) ws.send(JSON.stringify({ e: 'trade', E: at, s: symbol, t: tradeId, p: price.toFixed(8), q: qty.toFixed(8), T: at, m: false, M: true }));
      if (subs.has(book)) ws.send(JSON.stringify({ u, s: symbol, b: bid, B: '1.00000000', a: ask, A: '1.00000000' }));
    }
    const topic = `orderbook.1.${symbol}`;
    for (const [ws, subs] of this.bybitPublic) {
      if (subs.has(topic)) ws.send(JSON.stringify({ topic, type: 'snapshot', ts: at, data: { s: symbol, b: [[bid, '1']], a: [[ask, '1']], u, seq: u }, cts: at }));
    }
  }

  /** Protocol pings, as Binance sends every 20 s; `ws` answers pongs automatically. */
  ping(): void {
    for (const ws of this.sockets) ws.ping();
  }

  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** Futures user data on `/fws/<listenKey>`: ORDER_TRADE_UPDATE for plain orders, ALGO_UPDATE for conditional ones. */
  private futuresUser(ws: WebSocket, listenKey: string): void {
    const venue = this.futures;
    if (!venue || !this.listenKeys?.valid(listenKey, venue.now())) return void ws.close(1008, 'invalid listenKey');
    this.futuresUsers.add(ws);
    const off = venue.onOrderEvent((ev) => {
      if (!this.stalled && ws.readyState === ws.OPEN) ws.send(JSON.stringify(futuresUserEvent(ev, venue.now())));
    });
    ws.on('close', () => {
      off();
      this.futuresUsers.delete(ws);
    });
  }

  /** What Binance does when a key lapses: a `listenKeyExpired` event, then the stream stops. */
  expireFuturesUserStreams(): void {
    this.listenKeys?.expireAll();
    for (const ws of this.futuresUsers) {
      ws.send(JSON.stringify({ e: 'listenKeyExpired', E: Date.now(), listenKey: 'expired' }));
      ws.close();
    }
  }

  private binanceWsApi(ws: WebSocket): void {
    let unsubscribe: (() => void) | undefined;
    ws.on('close', () => unsubscribe?.());
    ws.on('message', (raw) => {
      let msg: { id?: unknown; method?: string; params?: Record<string, string | number> };
      try {
        msg = JSON.parse(String(raw)) as typeof msg;
      } catch {
        return;
      }
      const reply = (status: number, body: Record<string, unknown>) => ws.send(JSON.stringify({ id: msg.id, status, ...body }));
      if (msg.method !== 'userDataStream.subscribe.signature') return reply(400, { error: { code: -1100, msg: `unsupported method ${msg.method}` } });
      const p = msg.params ?? {};
      const key = this.binance.keys.get(String(p.apiKey ?? ''));
      if (!key) return reply(401, { error: { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' } });
      if (!signaturesEqual(String(p.signature ?? ''), signBinanceWsApi(key.secret, p))) return reply(400, { error: { code: -1022, msg: 'Signature for this request is not valid.' } });
      if (Math.abs(this.binance.now() - Number(p.timestamp)) > 5000) return reply(400, { error: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' } });
      unsubscribe?.();
      unsubscribe = this.binance.onOrderEvent((ev) => {
        if (!this.stalled && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ subscriptionId: 0, event: executionReport(ev, this.binance.now()) }));
      });
      reply(200, { result: { subscriptionId: 0 } });
    });
  }

  private bybitPublicMessage(ws: WebSocket, raw: string): void {
    let msg: { op?: string; args?: string[]; req_id?: string };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return;
    }
    if (msg.op === 'ping') return void ws.send(JSON.stringify({ success: true, ret_msg: 'pong', conn_id: 'sim', op: 'ping' }));
    if (msg.op === 'subscribe') {
      for (const t of msg.args ?? []) this.bybitPublic.get(ws)?.add(t);
      ws.send(JSON.stringify({ success: true, ret_msg: '', conn_id: 'sim', req_id: msg.req_id, op: 'subscribe' }));
    }
  }

  private bybitPrivate(ws: WebSocket): void {
    let authed = false;
    let unsubscribe: (() => void) | undefined;
    ws.on('close', () => unsubscribe?.());
    ws.on('message', (raw) => {
      let msg: { op?: string; args?: unknown[] };
      try {
        msg = JSON.parse(String(raw)) as typeof msg;
      } catch {
        return;
      }
      if (msg.op === 'ping') return void ws.send(JSON.stringify({ success: true, ret_msg: 'pong', op: 'ping' }));
      if (msg.op === 'auth') {
        const [apiKey, expires, signature] = (msg.args ?? []) as [string, number, string];
        const key = this.bybit.keys.get(apiKey);
        authed = !!key && Number(expires) > this.bybit.now() && signaturesEqual(String(signature), hmacSha256Hex(key.secret, `GET/realtime${expires}`));
        return void ws.send(JSON.stringify({ success: authed, ret_msg: authed ? '' : 'Params Error', op: 'auth', conn_id: 'sim' }));
      }
      const topics = msg.op === 'subscribe' && authed ? (msg.args ?? []) : [];
      if (topics.includes('order') || topics.includes('execution')) {
        unsubscribe?.();
        unsubscribe = this.bybit.onOrderEvent((ev) => {
          if (this.stalled) return;
          // Bybit pushes the execution before the order update that includes it.
          if (ev.fill && topics.includes('execution')) ws.send(JSON.stringify({ id: `sim-${Date.now()}`, topic: 'execution', creationTime: this.bybit.now(), data: [bybitExecutionEvent(ev.order, ev.fill)] }));
          if (topics.includes('order')) ws.send(JSON.stringify({ id: `sim-${Date.now()}`, topic: 'order', creationTime: this.bybit.now(), data: [bybitOrderEvent(ev.order)] }));
        });
        ws.send(JSON.stringify({ success: true, ret_msg: '', op: 'subscribe', conn_id: 'sim' }));
      }
    });
  }
}
