// Runs in: anywhere (pure).
import type { Execution, OrderRow, Toast, TradingMode } from '../../../src-shared/contract';
import { FINAL_STATUSES } from '../../../src-shared/contract/services/autopilot';
import type { Notice } from './notice';

const LIMIT_REASON = /^refused by limit: (.+)$/;
/** How many finished rounds and orders are remembered to send each once: far more than are ever in flight. */
const REMEMBER = 1000;

/** Insertion-ordered memory that forgets the oldest, so a week-long session cannot grow it without bound. */
class Recent<V> {
  private readonly map = new Map<string, V>();
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > REMEMBER) this.map.delete(this.map.keys().next().value!);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/**
 * Turns what the engine publishes into notices, each once: the bus repeats an execution on every status change and
 * the app status on every change of anything, so "what changed" is decided here.
 */
export class NoticeDetector {
  private killSwitch: boolean;
  private mode: TradingMode;
  private readonly rounds = new Recent<true>();
  private readonly fills = new Recent<number>();

  constructor(initial: { killSwitch: boolean; mode: TradingMode }) {
    this.killSwitch = initial.killSwitch;
    this.mode = initial.mode;
  }

  appStatus(status: { killSwitch: boolean; mode: TradingMode }, at: number): Notice[] {
    const out: Notice[] = [];
    if (status.killSwitch !== this.killSwitch) out.push({ topic: 'safety', kind: 'kill-switch', at, engaged: status.killSwitch });
    if (status.mode !== this.mode) out.push({ topic: 'safety', kind: 'mode', at, mode: status.mode });
    this.killSwitch = status.killSwitch;
    this.mode = status.mode;
    return out;
  }

  execution(e: Execution, at: number): Notice[] {
    if (!FINAL_STATUSES.includes(e.status)) return [];
    const key = `${e.mode}:${e.id}`;
    if (this.rounds.get(key)) return [];
    this.rounds.set(key, true);
    const round: Notice = { topic: 'rounds', kind: 'round', at, roundId: e.roundId, status: e.status, mode: e.mode, bet: e.bet, stake: e.stake, target: e.target, cashoutAt: e.cashoutAt, pnl: e.pnl, reason: e.reason };
    const limit = e.reason ? LIMIT_REASON.exec(e.reason) : null;
    return limit ? [round, { topic: 'safety', kind: 'limit', at, what: `round ${e.roundId} not played: ${limit[1]}` }] : [round];
  }

  /** Audited refusals: a click, a typed field or a manual order refused by a limit. */
  action(a: { kind: string; reason?: string | null }, at: number): Notice[] {
    if (!a.kind.startsWith('refused') || !a.reason || !/\blimits?\b/i.test(a.reason)) return [];
    return [{ topic: 'safety', kind: 'limit', at, what: `${a.kind}: ${a.reason}` }];
  }

  toast(t: Toast, at: number): Notice[] {
    return t.level === 'error' ? [{ topic: 'errors', kind: 'error', at, component: t.component ?? 'other', message: t.message }] : [];
  }

  /** A fill each time an order's filled quantity grows; the closed trade it may complete is found by the caller. */
  order(o: OrderRow, at: number): Notice[] {
    const key = `${o.accountId}:${o.clientOrderId}`;
    const before = this.fills.get(key) ?? 0;
    if (o.filledQty <= before || (o.status !== 'FILLED' && o.status !== 'PARTIALLY_FILLED')) return [];
    if (o.status === 'FILLED') this.fills.delete(key);
    else this.fills.set(key, o.filledQty);
    return [{ topic: 'trades', kind: 'fill', at, accountId: o.accountId, symbol: o.symbol, side: o.side, quantity: o.filledQty - before, price: o.avgPrice ?? o.price, status: o.status, strategy: o.strategy }];
  }
}
