// Runs in: engine. Accounts, their sessions, the configured strategy traders and the events the Markets view follows.
import { z } from 'zod';
import { CallFailure, CONFIRM_SECONDS_DEFAULT, confirmDeadlineProblem, NO_STOP_PHRASE, type AccountView, type OrderRow, type PositionRow, type StrategyConfigView, type StreamHealthRow, type SymbolPnl } from '../../../src-shared/contract';
import type { OrderStore } from '../../adapters/store/order-store';
import { redact } from '../../adapters/exchange/shared/redact';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import { RateBudgetRegistry } from '../../core/exchange/rate-budget';
import { errorText, silentLogger, type Logger } from '../../core/logging/logger';
import type { EventBus } from '../event-bus';
import type { SafetyService } from '../services/safety-service';
import type { StrategyToggles } from '../services/strategy-toggles';
import { AccountSession, PAPER_FEE_RATE, type SessionDeps } from './account-session';
import type { AccountStore, NewAccount, StoredAccount } from '../../adapters/store/account-store';
import { orderRow, pnlRows, positionRows } from './account-views';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { StrategyStateRepo } from '../../adapters/store/strategy-state-repo';
import { AccountLimits, AccountLimitsConfig } from './account-limits';
import { foldFills } from './fill-ledger';
import { MANUAL, ManualTrading } from './manual-trading';
import { isLive } from './order-venue';
import { flattenAccount, type FlattenStep } from './flatten';
import { riskFor, StrategyConfigs, type StoredStrategyConfig } from './strategy-configs';
import { MarketTimings, type MarketTiming } from './market-timings';
import { StrategyTrader } from './strategy-trader';
import { TraderStateSchema, type TraderStore } from './trader-state';
import type { ConfirmationService } from '../confirmations/confirmation-service';

export interface MarketsDeps {
  /** The exchange accounts and their sealed keys. */
  readonly accounts: AccountStore;
  /** Per-strategy state and the entry/exit journal. */
  readonly states: StrategyStateRepo;
  /** The orders, fills and positions of one account. */
  readonly orderStore: (accountId: string) => OrderStore;
  /** The audit log: manual orders and their refusals are recorded there. */
  readonly actions: ActionsRepo;
  readonly settings: SettingsRepo;
  readonly bus: EventBus;
  readonly safety: SafetyService;
  readonly toggles: StrategyToggles;
  readonly healthEveryMs?: number;
  /** Tests shorten the user-data streams' watchdog and backoff. */
  readonly userStream?: SessionDeps['userStream'];
  /** A new toggle was registered: the header and tray must re-read the list. */
  readonly onTogglesRegistered?: () => void;
  readonly log?: Logger;
  /** Asks a person before each entry of a strategy with `confirmEntries` on; without it such entries never trade. */
  readonly confirmations?: Pick<ConfirmationService, 'ask'>;
}

const toggleId = (configId: string) => `strategy:${configId}`;
/** Per-account portfolio limits in settings (defaults: 5 positions, 5% daily loss, 25% drawdown). */
const LIMITS_KEY = 'markets.accountLimits';
/** Accounts flattened at shutdown (emergency sweep), by id. */
const SWEEP_KEY = 'markets.sweepOnShutdown';

export class MarketsService {
  readonly accounts: AccountStore;
  readonly configs: StrategyConfigs;
  private readonly states: StrategyStateRepo;
  private readonly limits: AccountLimits;
  readonly manual: ManualTrading;
  private readonly sessions = new Map<string, AccountSession>();
  private readonly errors = new Map<string, string | null>();
  private readonly traders = new Map<string, StrategyTrader>();
  /** Last close seen per account and symbol: the mark for unrealized P&L. */
  private readonly marks = new Map<string, number>();
  /** One weight budget per host for the whole process: kline downloads draw on it too. */
  readonly budgets = new RateBudgetRegistry(Date.now);
  private healthTimer: ReturnType<typeof setInterval> | undefined;
  private opened = false;
  private readonly log: Logger;
  private readonly timings: MarketTimings;

  constructor(private readonly deps: MarketsDeps) {
    this.log = deps.log ?? silentLogger;
    this.timings = new MarketTimings(this.log);
    this.accounts = deps.accounts;
    this.configs = new StrategyConfigs(deps.settings);
    this.states = deps.states;
    this.limits = new AccountLimits(this.states, (id) => deps.settings.get(LIMITS_KEY, z.record(z.string(), AccountLimitsConfig), {})[id] ?? AccountLimitsConfig.parse({}));
    this.manual = new ManualTrading({
      session: (id) => this.session(id),
      actions: deps.actions,
      mode: () => deps.safety.snapshot().mode,
      gate: (id, opening) => (opening ? this.entryGate(id) : Promise.resolve(this.blockedReason(id))),
      holder: (id, symbol) => {
        const t = this.heldBy(id, symbol);
        return t?.entryId ? { entry: t.entryId, resync: () => t.resync() } : undefined;
      },
      journal: (accountId, symbol, step, clientOrderId, detail) => this.states.journal({ accountId, configId: 'manual', symbol, step, clientOrderId, detail }),
    });
    // The kill switch stops every strategy at once (no entry, no strategy-driven order); each order also
    // re-checks it (blockedReason). Protective orders already resting at the venue stay there.
    // Returning to dry-run switches off the strategies of live accounts.
    deps.safety.onChange((s) => {
      const live = (c: StoredStrategyConfig) => this.accounts.get(c.accountId)?.environment === 'live';
      const victims = this.configs.list().filter((c) => s.killSwitch || (s.mode !== 'live' && live(c)));
      // Traders stop first, in memory; unticking the toggles writes settings, which may be what is failing.
      for (const c of victims) this.stopTrader(c, s.killSwitch ? 'kill switch engaged' : 'live mode disarmed');
      for (const c of victims) {
        try {
          if (deps.toggles.list().find((t) => t.id === toggleId(c.id))?.enabled) deps.toggles.setEnabled(toggleId(c.id), false);
        } catch (error) {
          this.log.error(`could not untick ${c.id}: ${errorText(error)}`);
        }
      }
    });
  }

  /**
   * Registers a tray/header toggle per configured strategy (reads the settings and the accounts) and starts
   * the stream-health timer. No venue is touched: `start()` reconciles and resumes. The composition root
   * calls it right after construction, also where `start()` never runs (`cockpit autopilot`). Idempotent.
   */
  open(): void {
    if (this.opened) return;
    for (const c of this.configs.list()) this.registerToggle(c);
    this.healthTimer = setInterval(() => this.publishHealth(), this.deps.healthEveryMs ?? 1_000);
    this.healthTimer.unref?.();
    this.opened = true;
  }

  /** Venue REST latencies and candle → order latencies, as they happen (the engine's /metrics). */
  onTiming(listener: (timing: MarketTiming) => void): () => void {
    return this.timings.on(listener);
  }

  /**
   * Reconciles every account with its venue; then every strategy reconciles its own position (fills
   * while away, lost state, missing protection), enabled or not; then the strategies left enabled
   * resume from the next closed candle (never on a live account, never under the kill switch).
   */
  start(): Promise<void> {
    this.started ??= this.startOnce();
    return this.started;
  }

  private started: Promise<void> | undefined;

  private async startOnce(): Promise<void> {
    // The toggles must exist before the enabled strategies resume (a no-op when the composition root opened it).
    this.open();
    await Promise.all(this.accounts.list().map((a) => this.reconcile(a.id)));
    await Promise.all(this.configs.list().map((c) => this.ensureTrader(c)?.resume()));
    for (const c of this.configs.list()) {
      const toggle = this.deps.toggles.list().find((t) => t.id === toggleId(c.id));
      if (toggle?.enabled && (this.accounts.get(c.accountId)?.environment === 'live' || this.deps.safety.snapshot().killSwitch)) this.deps.toggles.setEnabled(toggle.id, false);
      else if (toggle?.enabled) this.startTrader(c);
      else this.guardIfHolding(c);
    }
    for (const a of this.accounts.list()) this.guardManualPaper(a.id);
  }

  /**
   * Paper protection only triggers on prices reaching its engine. A strategy's position has its
   * strategy's feed (or the guard kept when it stops); a manual position's stop and take-profit
   * have no strategy, so the account keeps a 1s feed on each symbol where one rests (1s: a stop reacts within a second, as at a venue).
   */
  private guardManualPaper(accountId: string): void {
    if (this.accounts.get(accountId)?.exchange !== 'paper') return;
    const s = this.session(accountId);
    const symbols = new Set(s.store.open().filter((o) => o.strategy === MANUAL && (o.role === 'stop-loss' || o.role === 'take-profit') && isLive(o)).map((o) => o.symbol));
    for (const symbol of symbols) s.guard(symbol, '1s');
  }

  /**
   * Flatten all: cancels every open order and closes every position at market on every account (or
   * one), whatever the kill switch or mode says, since it only removes risk. Strategies are switched off
   * first so none re-enters. Answers each step per account and symbol.
   */
  async flattenAll(accountId?: string): Promise<FlattenStep[]> {
    // After the start's reconciliation, so every strategy knows its position and no resume races the closes.
    await this.start().catch(() => undefined);
    const ids = accountId ? [accountId] : this.accounts.list().map((a) => a.id);
    for (const c of this.configs.list().filter((x) => ids.includes(x.accountId))) {
      if (this.deps.toggles.list().find((t) => t.id === toggleId(c.id))?.enabled) this.deps.toggles.setEnabled(toggleId(c.id), false);
      this.traders.get(c.id)?.stop('flatten all');
    }
    const steps: FlattenStep[] = [];
    for (const id of ids) {
      const s = this.session(id);
      const caps = s.venue('BTCUSDT', 'flatten').caps;
      const holder = (symbol: string) => {
        const t = this.heldBy(id, symbol);
        return t?.entryId ? { entry: t.entryId, strategy: t.config.id } : undefined;
      };
      const step = (x: FlattenStep) => steps.push(x);
      try {
        for (const x of await flattenAccount(s, { holder, reduceOnly: !caps.exitsReserveBalance, roundQuantity: (q) => s.venue('BTCUSDT', 'flatten').roundQuantity(q) })) step(x);
      } catch (e) {
        step({ accountId: id, symbol: null, step: 'not-flat', detail: redact((e as Error).message) });
      }
      // Book the closes into each strategy's position at once.
      await Promise.all(this.configs.list().filter((c) => c.accountId === id).map((c) => this.traders.get(c.id)?.resync()));
      this.changed(id, 'position');
    }
    this.deps.bus.emit('toast', { level: steps.some((x) => x.step === 'not-flat') ? 'error' : 'info', message: `Flatten all: ${summary(steps)}` });
    return steps;
  }

  listAccounts(): AccountView[] {
    return this.accounts.list().map((a) => this.view(a));
  }

  async addAccount(input: NewAccount): Promise<AccountView> {
    const account = this.accounts.add(input);
    try {
      await this.session(account.id).test();
      this.errors.set(account.id, null);
    } catch (e) {
      this.closeSession(account.id);
      this.accounts.remove(account.id);
      throw new CallFailure('REFUSED', redact((e as Error).message, [input.apiSecret ?? '', input.apiKey ?? '']));
    }
    void this.reconcile(account.id);
    this.changed(account.id, 'account');
    return this.view(account);
  }

  async testAccount(id: string): Promise<{ ok: boolean; message: string; latencyMs: number | null }> {
    try {
      const latencyMs = await this.session(id).test();
      this.errors.set(id, null);
      return { ok: true, message: `Connected in ${latencyMs} ms; trading key without withdrawal permission.`, latencyMs };
    } catch (e) {
      const message = redact((e as Error).message);
      this.errors.set(id, message);
      return { ok: false, message, latencyMs: null };
    } finally {
      this.changed(id, 'account');
    }
  }

  removeAccount(id: string): boolean {
    const inUse = this.configs.list().some((c) => c.accountId === id && this.traders.get(c.id)?.running);
    if (inUse) throw new CallFailure('CONFLICT', 'A running strategy trades on this account: switch it off first.');
    this.closeSession(id);
    return this.accounts.remove(id);
  }

  balances(id: string) {
    return this.session(id).exchange.balances();
  }

  orders(accountId: string | undefined, status: 'open' | 'all', limit: number): OrderRow[] {
    const ids = accountId ? [accountId] : this.accounts.list().map((a) => a.id);
    const rows = ids.flatMap((id) => this.storeOf(id).recent(status, limit).map((o) => orderRow(id, o)));
    return rows.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
  }

  async cancelOrder(accountId: string, clientOrderId: string): Promise<OrderRow> {
    const after = await this.manual.cancel(accountId, clientOrderId);
    this.onOrder(accountId, clientOrderId);
    return orderRow(accountId, after);
  }

  async placeOrder(input: Parameters<ManualTrading['place']>[0]): Promise<OrderRow> {
    const o = await this.manual.place(input);
    this.guardManualPaper(input.accountId);
    this.changed(input.accountId, 'position');
    return orderRow(input.accountId, o);
  }

  async closePosition(accountId: string, symbol: string): Promise<OrderRow> {
    const o = await this.manual.close(accountId, symbol);
    this.changed(accountId, 'position');
    return orderRow(accountId, o);
  }

  async moveStop(accountId: string, clientOrderId: string, stopPrice: number): Promise<OrderRow> {
    const o = await this.manual.moveStop(accountId, clientOrderId, stopPrice);
    this.changed(accountId, 'order');
    return orderRow(accountId, o);
  }

  positions(): PositionRow[] {
    return this.accounts.list().flatMap((a) => positionRows(a.id, this.storeOf(a.id).fills(), this.marks, (symbol) => this.heldBy(a.id, symbol)));
  }

  pnlBySymbol(): SymbolPnl[] {
    return this.accounts.list().flatMap((a) => pnlRows(a.id, this.storeOf(a.id).fills(), this.marks));
  }

  candles(accountId: string, symbol: string, interval: string, limit: number) {
    return this.session(accountId).exchange.fetchKlines(symbol, interval, { limit });
  }

  streamHealth(): StreamHealthRow[] {
    const strategies = this.configs.list().flatMap((c): StreamHealthRow[] => {
      const t = this.traders.get(c.id);
      if (!t || (!t.stoppedReason && !t.lastEvent?.startsWith('error:'))) return [];
      return [{ accountId: c.accountId, stream: `strategy:${c.id}`, connected: t.running, latencyMs: null, lastMessageAgeMs: null, reconnects: 0, error: t.stoppedReason ?? t.lastEvent }];
    });
    return [...[...this.sessions.values()].flatMap((s) => s.health()), ...strategies];
  }

  configureStrategy(input: Parameters<StrategyConfigs['save']>[0]): StrategyConfigView {
    if (!this.accounts.get(input.accountId)) throw new CallFailure('NOT_FOUND', `No account ${input.accountId}.`);
    if (input.id && this.traders.get(input.id)?.running) throw new CallFailure('CONFLICT', 'Switch the strategy off before changing it.');
    const bare = this.unprotectedOnLive(input);
    if (bare) throw new CallFailure('REFUSED', bare);
    const late = input.confirmEntries ? confirmDeadlineProblem(input.interval, input.confirmSeconds ?? CONFIRM_SECONDS_DEFAULT) : null;
    if (late) throw new CallFailure('BAD_INPUT', `Confirm entries: ${late}.`);
    const config = this.configs.save(input);
    this.traders.delete(config.id);
    this.registerToggle(config);
    this.changed(config.accountId, 'strategy');
    this.deps.onTogglesRegistered?.();
    return this.strategyView(config);
  }

  listStrategies(): StrategyConfigView[] {
    return this.configs.list().map((c) => this.strategyView(c));
  }

  trader(configId: string): StrategyTrader | undefined {
    return this.traders.get(configId);
  }

  /**
   * Shutdown: strategies stop; an account whose emergency sweep is on is flattened (every order
   * canceled, every position closed at market); on every other account positions stay open with their
   * protective orders resting at the venue. Answers what it did, so the shell can say so.
   */
  async close(): Promise<string> {
    clearInterval(this.healthTimer);
    for (const t of this.traders.values()) if (t.running) t.stop('shutdown');
    await Promise.allSettled([...this.traders.values()].map((t) => t.idle()));
    const sweep = this.sweepOnShutdown();
    const swept = this.accounts.list().filter((a) => sweep[a.id]);
    const notes: string[] = [];
    for (const a of swept) {
      const steps = await this.flattenAll(a.id).catch((e: unknown) => [{ accountId: a.id, symbol: null, step: 'not-flat' as const, detail: (e as Error).message }]);
      notes.push(`${a.id}: emergency sweep ${steps.some((x) => x.step === 'not-flat') ? 'did NOT end flat' : 'ended flat'}`);
    }
    const held = [...this.traders.values()].filter((t) => t.position());
    const resting = [...this.sessions.values()].reduce((n, s) => n + s.store.open().filter((o) => o.role === 'stop-loss' || o.role === 'take-profit').length, 0);
    notes.push(held.length === 0 ? 'no open strategy positions' : `${held.length} open strategy position(s) left open with ${resting} protective order(s) resting at the venue (emergency sweep off)`);
    const message = notes.join('; ');
    // The logger, never stdout: stdout belongs to the CLI commands' JSON lines.
    this.log.info(`shutdown: ${message}`);
    for (const id of [...this.sessions.keys()]) this.closeSession(id);
    return message;
  }

  /** Opt-in per account: flatten it when the app shuts down. Off by default (protection keeps resting instead). */
  setShutdownSweep(accountId: string, enabled: boolean): boolean {
    if (!this.accounts.get(accountId)) throw new CallFailure('NOT_FOUND', `No account ${accountId}.`);
    this.deps.settings.set(SWEEP_KEY, { ...this.sweepOnShutdown(), [accountId]: enabled });
    this.changed(accountId, 'account');
    return enabled;
  }

  private sweepOnShutdown(): Record<string, boolean> {
    return this.deps.settings.get(SWEEP_KEY, z.record(z.string(), z.boolean()), {});
  }

  private registerToggle(c: StoredStrategyConfig): void {
    const account = this.accounts.get(c.accountId);
    const label = `${c.strategy} · ${c.symbol} ${c.interval} · ${account?.label ?? c.accountId}`;
    this.deps.toggles.register({ id: toggleId(c.id), label, kind: 'strategy' }, (enabled) => {
      const current = this.configs.get(c.id);
      if (enabled) this.startTrader(c.id);
      else if (current) this.stopTrader(current, 'switched off');
      this.changed(c.accountId, 'strategy');
    });
  }

  private startTrader(configOrId: StoredStrategyConfig | string): void {
    const c = typeof configOrId === 'string' ? this.configs.get(configOrId) : configOrId;
    if (!c) return;
    const refuse = this.blockedReason(c.accountId) ?? this.unprotectedOnLive(c);
    if (refuse) {
      this.deps.bus.emit('toast', { level: 'warn', message: `${c.id} not started: ${refuse}.` });
      queueMicrotask(() => this.deps.toggles.setEnabled(toggleId(c.id), false));
      return;
    }
    this.ensureTrader(c)?.start();
  }

  private stopTrader(c: StoredStrategyConfig, reason: string): void {
    this.traders.get(c.id)?.stop(reason);
    this.guardIfHolding(c);
  }

  /** A stopped paper strategy with a position keeps its price feed: paper stops only trigger on prices. */
  private guardIfHolding(c: StoredStrategyConfig): void {
    if (this.traders.get(c.id)?.position()) this.session(c.accountId).guard(c.symbol, c.interval);
  }

  private ensureTrader(c: StoredStrategyConfig): StrategyTrader | undefined {
    const existing = this.traders.get(c.id);
    if (existing) return existing;
    if (!this.accounts.get(c.accountId)) return undefined;
    const venue = this.session(c.accountId).venue(c.symbol, c.id);
    const marked = {
      ...venue,
      market: {
        subscribeKlines: (symbol: string, interval: string, onKline: Parameters<typeof venue.market.subscribeKlines>[2]) =>
          venue.market.subscribeKlines(symbol, interval, (k) => {
            this.marks.set(`${c.accountId}/${symbol}`, k.close);
            onKline(k);
          }),
      },
    };
    const feeRate = this.accounts.get(c.accountId)?.exchange === 'paper' ? PAPER_FEE_RATE : c.feeRate;
    const trader = new StrategyTrader(
      { id: c.id, strategy: c.strategy, params: c.params, symbol: c.symbol, interval: c.interval, risk: riskFor(c), feeRate },
      marked,
      {
        blockedReason: () => this.entryGate(c.accountId),
        onEvent: () => this.changed(c.accountId, 'strategy'),
        onFailure: (message, stopped) => this.strategyFailed(c, message, stopped),
        onTickToOrder: (ms) => this.timings.emit({ kind: 'tick-to-order', ms }),
        ...(c.confirmEntries ? { confirmEntry: (what: { side: 'BUY'; quantity: number; price: number }, signal: AbortSignal) => this.confirmEntry(c, what, signal) } : {}),
      },
      this.traderStore(c),
    );
    this.traders.set(c.id, trader);
    return trader;
  }

  private traderStore(c: StoredStrategyConfig): TraderStore {
    return {
      load: () => this.states.get(c.id, TraderStateSchema),
      save: (state) => this.states.save(c.id, c.accountId, state),
      journal: (step, clientOrderId, detail) => this.states.journal({ accountId: c.accountId, configId: c.id, symbol: c.symbol, step, clientOrderId, detail }),
    };
  }

  /** A person's yes before the entry goes out; null when approved, else why not (no answer is no trade). */
  private async confirmEntry(c: StoredStrategyConfig, what: { side: 'BUY'; quantity: number; price: number }, signal: AbortSignal): Promise<string | null> {
    const confirmations = this.deps.confirmations;
    if (!confirmations) return 'no confirmation service in this engine';
    const d = await confirmations.ask({ kind: 'entry', strategy: c.id, accountId: c.accountId, symbol: c.symbol, side: what.side, quantity: what.quantity, priceEstimate: what.price }, (c.confirmSeconds ?? CONFIRM_SECONDS_DEFAULT) * 1000, signal);
    return d.approved ? null : d.reason;
  }

  /** Loud: logged, toasted, shown in the health panel; the third in a row switched the strategy off (its protection stays). */
  private strategyFailed(c: StoredStrategyConfig, message: string, stopped: boolean): void {
    const text = redact(message);
    this.log.child(c.accountId).error(`strategy ${c.id} failed: ${text}`, { strategy: c.id, stopped });
    this.deps.bus.emit('toast', { level: 'error', message: stopped ? `${c.id} stopped after repeated failures: ${text}. Its protective orders stay at the venue.` : `${c.id} failed on a candle: ${text}`, component: 'markets' });
    if (stopped) {
      if (this.deps.toggles.list().find((t) => t.id === toggleId(c.id))?.enabled) this.deps.toggles.setEnabled(toggleId(c.id), false);
      this.guardIfHolding(c);
    }
    this.publishHealth();
    this.changed(c.accountId, 'strategy');
  }

  /** A strategy with no stop may trade a live account only with the phrase typed; why not, or null. */
  private unprotectedOnLive(c: Pick<StoredStrategyConfig, 'accountId' | 'riskProfile' | 'quotePerTrade' | 'confirmNoStop'>): string | null {
    if (this.accounts.get(c.accountId)?.environment !== 'live' || riskFor(c).stopLoss !== null || c.confirmNoStop === NO_STOP_PHRASE) return null;
    return `a strategy with no stop trades a live account only once you type "${NO_STOP_PHRASE}": nothing would protect its positions at the venue`;
  }

  /** Before a new position, strategy or manual: the safety state, then the account's portfolio limits. */
  private async entryGate(accountId: string): Promise<string | null> {
    const blocked = this.blockedReason(accountId);
    if (blocked) return blocked;
    const { equity, openPositions } = await this.markedEquity(this.session(accountId));
    return this.limits.check(accountId, { openPositions, equity, now: Date.now() });
  }

  /** The account's equity for the history chart; null while it has no open session, which this never opens. */
  async equity(accountId: string): Promise<number | null> {
    const s = this.sessions.get(accountId);
    return s ? (await this.markedEquity(s)).equity : null;
  }

  private async markedEquity(s: AccountSession): Promise<{ equity: number; openPositions: number }> {
    const held = foldFills(s.store.fills()).filter((l) => Math.abs(l.quantity) > 1e-12);
    const usdt = (await s.exchange.balances()).find((b) => b.asset === 'USDT');
    // Spot and paper hold the coins (worth their mark); derivatives hold margin (worth their unrealized P&L).
    const margin = s.account.exchange === 'binance-futures' || s.account.exchange === 'bybit';
    const marked = held.reduce((e, l) => {
      const mark = this.marks.get(`${s.account.id}/${l.symbol}`) ?? l.entryPrice;
      return e + l.quantity * (margin ? mark - l.entryPrice : mark);
    }, 0);
    return { equity: (usdt?.free ?? 0) + (usdt?.locked ?? 0) + marked, openPositions: held.length };
  }

  /** Why no new order may go out on this account right now; null when it may. */
  private blockedReason(accountId: string): string | null {
    const safety = this.deps.safety.snapshot();
    if (safety.killSwitch) return 'the kill switch is engaged';
    if (this.accounts.get(accountId)?.environment === 'live' && !this.deps.safety.mayActLive()) return 'live mode is not armed';
    return null;
  }

  private session(id: string): AccountSession {
    const existing = this.sessions.get(id);
    if (existing) return existing;
    const account = this.accounts.get(id);
    if (!account) throw new CallFailure('NOT_FOUND', `No account ${id}.`);
    const log = this.log.child(id);
    const session = new AccountSession(account, {
      orderStore: this.deps.orderStore,
      budgets: this.budgets,
      credentials: () => this.accounts.credentials(id),
      log: (level, message) => log[level](redact(message)),
      onOrder: (cid) => this.onOrder(id, cid),
      userStream: this.deps.userStream,
      onResynced: () => void this.resyncAccount(id),
      observeRest: (venue, timing) => this.timings.emit({ kind: 'rest', venue, ...timing }),
    });
    // Reads the credentials and restores paper; a failure here leaves no session behind.
    session.open();
    this.sessions.set(id, session);
    return session;
  }

  /** Recorded orders and fills need no venue connection (and no decrypted key). */
  private storeOf(id: string): OrderStore {
    return this.sessions.get(id)?.store ?? this.deps.orderStore(id);
  }

  private closeSession(id: string): void {
    this.sessions.get(id)?.close();
    this.sessions.delete(id);
  }

  /** Reconciles over REST, then follows pushed order updates (a failed subscription is retried at the next reconcile). */
  private async reconcile(id: string): Promise<void> {
    try {
      const s = this.session(id);
      await s.reconcile();
      await s.startUserData().catch((e: unknown) => {
        throw new Error(`user-data stream: ${(e as Error).message}`);
      });
      this.errors.set(id, null);
    } catch (e) {
      this.errors.set(id, redact((e as Error).message));
    }
    this.changed(id, 'account');
  }

  /** After a user-data reconnect: every strategy of the account re-reads its position and re-creates missing protection. */
  async resyncAccount(accountId: string): Promise<void> {
    await Promise.all(this.configs.list().filter((c) => c.accountId === accountId).map((c) => this.traders.get(c.id)?.resync()));
  }

  private onOrder(accountId: string, clientOrderId: string): void {
    const o = this.sessions.get(accountId)?.store.get(clientOrderId);
    if (o) this.deps.bus.emit('markets.order', orderRow(accountId, o));
    this.changed(accountId, 'order');
  }

  private changed(accountId: string, what: 'order' | 'position' | 'account' | 'strategy'): void {
    this.deps.bus.emit('markets.changed', { accountId, what });
  }

  private publishHealth(): void {
    const rows = this.streamHealth();
    if (rows.length > 0) this.deps.bus.emit('markets.health', rows);
  }

  private view(a: StoredAccount): AccountView {
    const error = this.errors.get(a.id);
    return { id: a.id, exchange: a.exchange, label: a.label, environment: a.environment, apiKeyMasked: a.apiKeyMasked, baseUrl: a.baseUrl, connected: error === null, error: error ?? null, shutdownSweep: this.sweepOnShutdown()[a.id] ?? false };
  }


  /** The running trader holding `symbol` on this account, for its stop and targets. */
  private heldBy(accountId: string, symbol: string): StrategyTrader | undefined {
    return [...this.traders.values()].find((t) => t.config.symbol === symbol && this.configs.get(t.config.id)?.accountId === accountId && t.position());
  }

  private strategyView(c: StoredStrategyConfig): StrategyConfigView {
    const t = this.traders.get(c.id);
    const enabled = this.deps.toggles.list().find((x) => x.id === toggleId(c.id))?.enabled ?? false;
    const hasStop = riskFor(c).stopLoss !== null;
    return {
      id: c.id, strategy: c.strategy, params: c.params, accountId: c.accountId, symbol: c.symbol, interval: c.interval, quotePerTrade: c.quotePerTrade ?? null, riskProfile: c.riskProfile, feeRate: c.feeRate,
      confirmEntries: c.confirmEntries ?? false, confirmSeconds: c.confirmSeconds ?? CONFIRM_SECONDS_DEFAULT, enabled, running: t?.running ?? false, candles: t?.runner.processed ?? 0, orders: t?.orders ?? 0, lastEvent: t?.lastEvent ?? null,
      warning: hasStop ? null : 'No stop: positions of this strategy are not protected at the venue.', stoppedReason: t?.stoppedReason ?? null,
    };
  }
}

const summary = (steps: readonly FlattenStep[]): string => {
  const accounts = new Set(steps.map((s) => s.accountId)).size;
  const closes = steps.filter((s) => s.step === 'close').length;
  const cancels = steps.filter((s) => s.step === 'cancel').length;
  const notFlat = steps.filter((s) => s.step === 'not-flat').length;
  return `${accounts} account(s), ${cancels} order(s) canceled, ${closes} close order(s)${notFlat ? `, ${notFlat} account(s) NOT flat` : ', all flat'}`;
};
