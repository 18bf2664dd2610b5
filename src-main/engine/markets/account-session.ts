// Runs in: engine. One opened account: its Exchange (paper or Binance spot), order manager, SQLite order store and labelled market streams.
import type { StreamHealthRow } from '../../../src-shared/contract';
import { createBinanceSpot } from '../../adapters/exchange/binance-factory';
import { OrderManager, type ManagerLog } from '../../adapters/exchange/order-manager';
import { OrderStore } from '../../adapters/exchange/order-store';
import type { Credentials } from '../../adapters/exchange/binance-rest';
import type { ResilientStream } from '../../adapters/exchange/ws-stream';
import type { Db } from '../../adapters/store/database';
import { ClientOrderIdFactory } from '../../core/exchange/client-order-id';
import { PaperExchange } from '../../core/exchange/paper-exchange';
import type { RateBudgetRegistry } from '../../core/exchange/rate-budget';
import type { Exchange, MarketData } from '../../core/exchange/types';
import type { StoredAccount } from './account-store';
import { marketSymbols } from './symbols';
import { orderVenue } from './order-venue';
import type { TraderVenue } from './strategy-trader';
import { venueUrls } from './venue-urls';

export interface SessionDeps {
  readonly db: Db;
  readonly budgets: RateBudgetRegistry;
  readonly credentials: () => Credentials | undefined;
  readonly log: ManagerLog;
  /** Called after every order write (placement, fill, cancel, reconcile). */
  readonly onOrder: (clientOrderId: string) => void;
}

/** Paper fills: the simulator's taker fee, no slippage beyond the book, no partial fills. */
export const PAPER_FEE_RATE = 0.001;

export class AccountSession {
  readonly exchange: Exchange;
  readonly store: OrderStore;
  readonly manager: OrderManager;
  private readonly streams = new Map<string, ResilientStream>();
  private readonly assertKey: (() => Promise<void>) | undefined;

  constructor(
    readonly account: StoredAccount,
    private readonly deps: SessionDeps,
  ) {
    const urls = venueUrls(account);
    const credentials = account.exchange === 'paper' ? undefined : deps.credentials();
    const spot = createBinanceSpot({ httpUrl: urls.httpUrl, wsUrl: urls.wsUrl, credentials, budgets: deps.budgets, symbols: marketSymbols(), timeoutMs: 8_000 });
    const market = this.labelled(spot.exchange, spot.streams);
    if (account.exchange === 'paper') {
      const quote = { USDT: account.paperBalance };
      this.exchange = new PaperExchange({ market, symbols: marketSymbols(), feeRate: PAPER_FEE_RATE, slippageBps: 0, liquidityPerTick: Infinity, balances: quote, now: Date.now });
    } else {
      // The connector itself, with kline subscriptions going through the labelling wrapper.
      this.exchange = Object.assign(Object.create(spot.exchange) as Exchange, { subscribeKlines: market.subscribeKlines });
      this.assertKey = () => spot.exchange.assertNoWithdrawPermission();
    }
    this.store = new OrderStore(deps.db, account.id);
    const prefix = `ck${account.id.replace(/[^A-Za-z0-9]/g, '').slice(-5)}`;
    this.manager = new OrderManager(this.exchange, this.store, new ClientOrderIdFactory(prefix, Date.now, Math.random), deps.log);
  }

  /** Refuses keys allowed to withdraw, then proves the key works with a balance read. */
  async test(): Promise<number> {
    const started = Date.now();
    await this.assertKey?.();
    await this.exchange.balances();
    return Date.now() - started;
  }

  async reconcile(): Promise<void> {
    const plan = await this.manager.reconcile();
    for (const o of [...plan.importOrders, ...plan.updateOrders]) this.deps.onOrder(o.clientOrderId);
  }

  health(): StreamHealthRow[] {
    return [...this.streams].map(([stream, s]) => {
      const h = s.health();
      return { accountId: this.account.id, stream, connected: h.connected, latencyMs: h.latencyMs ?? null, lastMessageAgeMs: h.lastMessageAt > 0 ? h.lastMessageAgeMs : null, reconnects: h.reconnects };
    });
  }

  /** What a strategy trading `symbol` on this account uses. */
  venue(symbol: string, strategy: string): TraderVenue {
    const paper = this.account.exchange === 'paper';
    return orderVenue({ exchange: this.exchange, manager: this.manager, store: this.store, onOrder: this.deps.onOrder, roundQuantity: (q) => (paper ? q : Math.floor(q * 1e5) / 1e5), paperFeeRate: paper ? PAPER_FEE_RATE : undefined }, symbol, strategy);
  }

  close(): void {
    for (const s of this.streams.values()) s.stop();
    this.streams.clear();
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
