// Runs in: anywhere (pure).
import type { ExitFill } from '../risk/exit-plan';
import { RiskEngine } from '../risk/risk-engine';
import { StrategyRunner } from '../strategies/runner';
import type { Candle, EnterIntent, ExitIntent } from '../strategies/types';
import { EquityCurve } from './equity-curve';
import { FillModel } from './fill-model';
import { barsPerYearFromSpacing, MetricsAccumulator } from './metrics';
import { OpenPosition } from './position';
import type { BacktestConfig, BacktestResult, Trade, TradeExitReason } from './types';

const MS_TIME_THRESHOLD = 1e11; // epoch seconds stay below this until year 5138

/**
 * Streaming single-symbol backtester. Per candle, in this order:
 *  1. protective exits of an open position (risk profile only) against the candle's OHLC;
 *  2. the strategy sees the closed candle (through the shared StrategyRunner) and its intent
 *     is filled at the close: entries only when flat, exits only on the matching position;
 *  3. equity is marked at the close for metrics, limits and the (downsampled) curve.
 * Memory is O(trades + curve points), flat in the candle count.
 */
export class Backtester {
  private readonly runner: StrategyRunner;
  private readonly fills: FillModel;
  private readonly risk: RiskEngine | null;
  private readonly symbol: string;
  private readonly metrics: MetricsAccumulator;
  private readonly curve: EquityCurve;
  private readonly trades: Trade[] = [];
  private readonly rejected: Record<string, number> = {};
  private readonly exitFills: ExitFill[] = [];
  private position: OpenPosition | null = null;
  private cash: number;
  private bar = -1;
  private timeUnitMs: number;
  private minSpacing = Infinity;
  private lastTime = NaN;
  private lastClose = NaN;

  constructor(private readonly cfg: BacktestConfig) {
    this.runner = new StrategyRunner(cfg.strategy);
    this.fills = new FillModel(cfg.feeRate ?? 0, cfg.slippage ?? 0);
    this.risk = cfg.risk ? new RiskEngine(cfg.risk) : null;
    this.symbol = cfg.symbol ?? 'BACKTEST';
    this.cash = cfg.initialEquity ?? 10_000;
    this.metrics = new MetricsAccumulator(this.cash);
    this.curve = new EquityCurve(cfg.maxEquityPoints ?? 1000);
    this.timeUnitMs = cfg.timeUnitMs ?? NaN;
  }

  push(c: Candle): void {
    if (!(c.time > this.lastTime) && this.lastTime === this.lastTime) {
      this.runner.push(c); // counted as dropped by the runner
      return;
    }
    if (this.lastTime === this.lastTime) {
      const gap = c.time - this.lastTime;
      if (gap < this.minSpacing) this.minSpacing = gap;
    } else if (this.timeUnitMs !== this.timeUnitMs) {
      this.timeUnitMs = c.time >= MS_TIME_THRESHOLD ? 1 : 1000;
    }
    this.bar++;
    this.lastTime = c.time;
    this.lastClose = c.close;

    if (this.position?.plan) this.protectiveExits(c);
    const intent = this.runner.push(c);
    if (intent !== null) {
      if (intent.action === 'enter') this.enter(intent, c);
      else this.exitOnSignal(intent, c);
    }

    const pos = this.position;
    const equity = pos === null ? this.cash : this.cash + pos.dir * pos.remaining * c.close;
    this.metrics.onBar(equity, pos !== null);
    this.curve.push(c.time, equity);
    this.risk?.limits.onEquity(equity, c.time * this.timeUnitMs);
  }

  /** Closes any open position at the last close and returns the result. */
  finish(): BacktestResult {
    const pos = this.position;
    if (pos !== null) this.close(pos, pos.remaining, this.lastClose, true, 'end');
    this.metrics.setFinalEquity(this.cash);
    const barsPerYear = this.cfg.barsPerYear ?? barsPerYearFromSpacing(this.minSpacing, this.timeUnitMs || 1);
    return {
      strategy: this.cfg.strategy.name,
      candles: this.bar + 1,
      trades: this.trades,
      metrics: this.metrics.result(barsPerYear),
      equity: this.curve.points(),
      rejectedEntries: { ...this.rejected },
      droppedCandles: this.runner.dropped,
    };
  }

  private enter(intent: EnterIntent, c: Candle): void {
    if (this.position !== null) return;
    const buy = intent.side === 'long';
    const price = this.fills.marketPrice(c.close, buy);
    const feeRate = this.fills.feeRate;
    let quantity: number;
    if (this.risk === null) {
      quantity = (this.cash * (intent.sizeHint ?? 1)) / (price * (1 + feeRate));
    } else {
      const decision = this.risk.evaluateEntry({
        symbol: this.symbol,
        side: intent.side,
        price,
        equity: this.cash,
        cash: this.cash,
        now: c.time * this.timeUnitMs,
        feeRate,
        stopPrice: intent.stopPrice,
        sizeHint: intent.sizeHint,
      });
      if (!decision.ok) {
        this.rejected[decision.reason] = (this.rejected[decision.reason] ?? 0) + 1;
        return;
      }
      quantity = decision.quantity;
    }
    if (!(quantity > 0)) return;
    const notional = quantity * price;
    const fee = this.fills.fee(notional);
    const dir = buy ? 1 : -1;
    this.cash -= dir * notional + fee;
    const plan = this.risk?.exitPlan(intent.side, price, quantity, intent) ?? null;
    this.position = new OpenPosition(intent.side, c.time, this.bar, price, quantity, fee, plan);
    this.risk?.limits.onOpened(this.symbol);
  }

  private exitOnSignal(intent: ExitIntent, c: Candle): void {
    const pos = this.position;
    if (pos === null || pos.side !== intent.side) return;
    const qty = intent.fraction === undefined ? pos.remaining : pos.remaining * intent.fraction;
    this.close(pos, qty, c.close, true, 'signal');
  }

  private protectiveExits(c: Candle): void {
    const pos = this.position as OpenPosition;
    const plan = pos.plan!;
    const out = this.exitFills;
    out.length = 0;
    if (plan.onBar(c.open, c.high, c.low, out) === 0) return;
    for (const f of out) {
      // Stops are market orders (slippage); targets are resting limits (no slippage).
      this.close(pos, f.quantity, f.price, f.reason !== 'take-profit', f.reason, true);
      if (this.position === null) break;
    }
  }

  private close(pos: OpenPosition, quantity: number, price: number, market: boolean, reason: TradeExitReason, byPlan = false): void {
    const fillPrice = market ? this.fills.marketPrice(price, pos.dir === -1) : price;
    const qty = Math.min(quantity, pos.remaining);
    const fee = this.fills.fee(qty * fillPrice);
    this.cash += pos.reduce(qty, fillPrice, fee);
    if (!byPlan) pos.plan?.reduce(qty); // the plan already booked its own fills
    if (!pos.closed) return;
    const trade = pos.toTrade(this.lastTime, this.bar, reason);
    this.trades.push(trade);
    this.metrics.onTrade(trade.pnl, trade.exitBar - trade.entryBar, trade.exitTime - trade.entryTime, trade.fees);
    this.risk?.recordClose(this.symbol, trade.pnl, trade.returnPct, this.lastTime * this.timeUnitMs);
    this.position = null;
  }
}

export function runBacktest(candles: Iterable<Candle>, cfg: BacktestConfig): BacktestResult {
  const bt = new Backtester(cfg);
  for (const c of candles) bt.push(c);
  return bt.finish();
}
