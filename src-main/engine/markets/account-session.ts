// Runs in: engine. One opened account: its Exchange (paper, Binance spot, Binance futures or Bybit), order manager, SQLite order store, user-data stream and labelled market streams.
import type { StreamHealthRow } from '../../../src-shared/contract';
import { OrderManager, type ManagerLog } from '../../adapters/exchange/shared/order-manager';
import type { OrderStore } from '../../adapters/store/order-store';
import type { Credentials } from '../../adapters/exchange/binance/binance-rest';
import type { ResilientStream } from '../../adapters/exchange/shared/ws-stream';
import { ClientOrderIdFactory } from '../../core/exchange/client-order-id';
import { PaperExchange } from '../../core/exchange/paper-exchange';
import { paperBook } from './paper-book';
import type { RateBudgetRegistry } from '../../core/exchange/rate-budget';
import type { Exchange, Fill, MarketData, OrderSnapshot } from '../../core/exchange/types';
import type { StoredAccount } from '../../adapters/store/account-store';
import { marketSymbols } from './symbols';
import { orderVenue } from './order-venue';
import type { TraderVenue } from './order-venue';
import { startUserData, type UserData, type UserStreamOptions } from './user-data';
import { connectVenue, type ConnectorDeps, type VenueConnector } from './venue-connector';

export interface SessionDeps {
  /** The orders, fills and positions of one account (called with this session's account id). */
  readonly orderStore: (accountId: string) => OrderStore;
  readonly budgets: RateBudgetRegistry;
  readonly credentials: () => Credentials | undefined;
  readonly log: ManagerLog;
  /** Called after every order write (placement, fill, cancel, reconcile, pushed update). */
  readonly onOrder: (clientOrderId: string) => void;
  /** Tests shorten the user stream's watchdog and backoff. */
  readonly userStream?: Partial<UserStreamOptions>;
  /** The user-data stream came back and was backfilled: strategies re-check their protection. */
  readonly onResynced?: () => void;
  /** Hears every REST request to the venue (latency metrics). */
  readonly observeRest?: ConnectorDeps['observeRest'];
}

/** Paper fills: the simulator's taker fee, no slippage beyond the book, no partial fills. */
export const PAPER_FEE_RATE = 0.001;

const USER_DATA_STREAM = 'user-data';

/** What `open()` connects: the venue, the account's Exchange (paper or the connector) and its order manager. */
interface OpenedVenue {
  readonly connector: VenueConnector;
  readonly exchange: Exchange;
  readonly manager: OrderManager;
}

/**
 * The constructor only wires; `open()` reads the credentials, connects the venue and, for paper, restores
 * the book from the store. Whoever constructs a session opens it right away (MarketsService.session).
 */
export class AccountSession {
  readonly store: OrderStore;
  private readonly streams = new Map<string, ResilientStream>();
  /** Paper price feeds kept while protective orders rest without a running strategy (key symbol/interval). */
  private readonly guards = new Map<string, () => void>();
  private opened: OpenedVenue | undefined;
  private userData: Promise<UserData | undefined> | undefined;
  private closed = false;

  constructor(
    readonly account: StoredAccount,
    private readonly deps: SessionDeps,
  ) {
    this.store = deps.orderStore(account.id);
  }

  /**
   * Reads (decrypts) the credentials, connects the venue and, for paper, restores the coins and resting
   * orders from the store, marking EXPIRED what could not be restored. Throws what the first of these
   * throws (the session is then unusable). Idempotent; answers the session.
   */
  open(): this {
    if (this.opened) return this;
    const { account, deps } = this;
    const credentials = account.exchange === 'paper' ? undefined : deps.credentials();
    const connector = connectVenue(account, { budgets: deps.budgets, credentials, observeRest: deps.observeRest });
    const market = this.labelled(connector.exchange, connector.streams);
    let lost: string[] = [];
    let exchange: Exchange;
    if (account.exchange === 'paper') {
      const quote = { USDT: account.paperBalance };
      const paper = new PaperExchange({ market, symbols: marketSymbols(), feeRate: PAPER_FEE_RATE, slippageBps: 0, liquidityPerTick: Infinity, balances: quote, now: Date.now });
      lost = this.restorePaper(paper);
      exchange = paper;
    } else {
      // The connector itself, with kline subscriptions going through the labelling wrapper.
      exchange = Object.assign(Object.create(connector.exchange) as Exchange, { subscribeKlines: market.subscribeKlines });
    }
    const prefix = `ck${account.id.replace(/[^A-Za-z0-9]/g, '').slice(-5)}`;
    const manager = new OrderManager(exchange, this.store, new ClientOrderIdFactory(prefix, Date.now, Math.random), deps.log, { emulateOco: connector.emulateOco });
    // The venue lost these for good: say so in the store, so the next protection sync re-places what is missing.
    for (const id of lost) {
      const o = this.store.get(id);
      if (o) manager.apply({ ...o, status: 'EXPIRED', updatedAt: Date.now() });
      deps.log('warn', `paper: order ${id} could not be restored after the restart: marked EXPIRED`);
    }
    this.opened = { connector, exchange, manager };
    return this;
  }

  get exchange(): Exchange {
    return this.venueOpened().exchange;
  }

  get manager(): OrderManager {
    return this.venueOpened().manager;
  }

  private get connector(): VenueConnector {
    return this.venueOpened().connector;
  }

  private venueOpened(): OpenedVenue {
    if (!this.opened) throw new Error(`account ${this.account.id}: session used before open()`);
    return this.opened;
  }

  /**
   * Paper is emulated in memory, so a restart would lose its coins and its resting protection. The
   * store is the paper venue's record: the engine gets back what the fills left and every order that
   * was resting, under the same ids, so the reconciliation that follows finds them as they were and the
   * strategies' protection sync keeps them (exactly one set, nothing re-placed twice).
   */
  private restorePaper(paper: PaperExchange): string[] {
    const book = paperBook({ fills: this.store.fills(), open: this.store.open(), order: (id) => this.store.get(id) }, marketSymbols(), PAPER_FEE_RATE);
    const lost = paper.restore(book);
    if (book.orders.length > 0) this.deps.log('info', `paper: ${book.orders.length - lost.length} resting order(s) restored after the restart`);
    return lost;
  }

  /** Refuses keys allowed to withdraw, then proves the key works with a balance read. */
  async test(): Promise<number> {
    const started = Date.now();
    if (this.account.exchange !== 'paper') await this.connector.assertKey?.();
    await this.exchange.balances();
    return Date.now() - started;
  }

  async reconcile(): Promise<void> {
    const plan = await this.manager.reconcile();
    for (const o of [...plan.importOrders, ...plan.updateOrders]) this.deps.onOrder(o.clientOrderId);
  }

  /**
   * Subscribes to the account's pushed order updates (idempotent). Each update goes through the same
   * state machine and fill ids as the REST path, so an event seen both ways is stored once.
   */
  startUserData(): Promise<UserData | undefined> {
    const source = this.connector.userData;
    if (!source || this.closed) return Promise.resolve(undefined);
    this.userData ??= startUserData(
      source,
      {
        onOrder: (order, fill) => this.pushed(order, fill),
        onFill: (fill) => {
          this.manager.recordFill(fill);
          this.deps.onOrder(fill.clientOrderId);
        },
        onReconnected: () => void this.backfill().then(() => this.deps.onResynced?.()),
        onError: (m) => this.deps.log('warn', `user data: ${m}`),
      },
      this.deps.userStream,
    ).then(
      (u) => {
        if (this.closed) void u.stop();
        else this.streams.set(USER_DATA_STREAM, u.stream);
        return u;
      },
      (e: unknown) => {
        this.userData = undefined; // the next reconcile tries again
        throw e;
      },
    );
    return this.userData;
  }

  /** What the stream may have missed while it was down, read over REST. */
  async backfill(): Promise<void> {
    try {
      for (const o of await this.manager.backfill()) this.deps.onOrder(o.clientOrderId);
    } catch (e) {
      this.deps.log('warn', `user data backfill: ${(e as Error).message}`);
    }
  }

  health(): StreamHealthRow[] {
    return [...this.streams].map(([stream, s]) => {
      const h = s.health();
      return { accountId: this.account.id, stream, connected: h.connected, latencyMs: h.latencyMs ?? null, lastMessageAgeMs: h.lastMessageAt > 0 ? h.lastMessageAgeMs : null, reconnects: h.reconnects, error: null };
    });
  }

  /** What a strategy trading `symbol` on this account uses. */
  venue(symbol: string, strategy: string): TraderVenue {
    const paper = this.account.exchange === 'paper';
    const step = this.connector.lotStep;
    const caps = paper ? { exitsReserveBalance: false } : this.connector.protection;
    return orderVenue({ exchange: this.exchange, manager: this.manager, store: this.store, caps, onOrder: this.deps.onOrder, roundQuantity: (q) => (paper ? q : Math.floor(q / step + 1e-9) * step), paperFeeRate: paper ? PAPER_FEE_RATE : undefined }, symbol, strategy);
  }

  /**
   * Paper protection is emulated from market data: its stops only trigger while prices reach the
   * matching engine. A strategy switched off (kill switch) with a position keeps this feed, and each
   * candle reads the engine's order changes back into the store.
   */
  guard(symbol: string, interval: string): void {
    const key = `${symbol}/${interval}`;
    if (this.account.exchange !== 'paper' || this.guards.has(key) || this.closed) return;
    this.guards.set(key, this.exchange.subscribeKlines(symbol, interval, (k) => void (k.closed && this.backfill())));
  }

  close(): void {
    this.closed = true;
    void this.userData?.then((u) => u?.stop(), () => undefined);
    for (const unsubscribe of this.guards.values()) unsubscribe();
    this.guards.clear();
    for (const s of this.streams.values()) s.stop();
    this.streams.clear();
  }

  private pushed(order: OrderSnapshot, fill: Fill | undefined): void {
    this.manager.apply(order, fill);
    this.deps.onOrder(order.clientOrderId);
  }

  /** Wraps kline subscriptions so each new stream is known by name (symbol@kline_interval) for the health panel. */
  private labelled(source: MarketData, streams: Set<ResilientStream>): MarketData {
    return {
      fetchKlines: (symbol, interval, opts) => source.fetchKlines(symbol, interval, opts),
      subscribeKlines: (symbol, interval, onKline) => {
        const before = new Set(streams);
        const unsubscribe = source.subscribeKlines(symbol, interval, onKline);
        const name = `${symbol.toLowerCase()}@kline_${interval}`;
        const added = [...streams].find((s) => !before.has(s));
        if (added) this.streams.set(name, added);
        return () => {
          unsubscribe();
          if (this.streams.get(name) === added) this.streams.delete(name);
        };
      },
    };
  }
}
