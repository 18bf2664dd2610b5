// Runs in: anywhere (pure). Trades waiting for a person's yes or no: each with a deadline, answered once, no answer = no trade.

/** What a strategy wants to do, as shown to the person asked. */
export type TradeIntent = EntryIntent | CrashBetIntent;

/** An exchange strategy's entry. */
export interface EntryIntent {
  readonly kind: 'entry';
  readonly strategy: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly quantity: number;
  /** The price the quantity was sized at (the candle's close): the fill may differ. */
  readonly priceEstimate: number;
}

/** The crash autopilot's bet on the next round, with the signal's parameters. */
export interface CrashBetIntent {
  readonly kind: 'crash-bet';
  /** The game profile the bet is clicked in. */
  readonly profile: string;
  /** The signal's round id. */
  readonly roundId: string;
  readonly stake: number;
  /** The cash-out target (×). */
  readonly target: number;
}

export type ConfirmationStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'canceled';

export interface Confirmation {
  readonly id: string;
  readonly intent: TradeIntent;
  readonly createdAt: number;
  readonly deadline: number;
  readonly status: ConfirmationStatus;
  readonly decidedAt: number | null;
  /** Who answered (`app`, `telegram chat 77`), or what ended it (`timer`, `kill switch`). */
  readonly decidedBy: string | null;
  /** Why it ended without an answer (expired, canceled); null otherwise. */
  readonly reason: string | null;
}

export type AnswerRefusal = 'unknown' | 'expired' | 'already-decided';

export type AnswerOutcome = { readonly ok: true; readonly confirmation: Confirmation } | { readonly ok: false; readonly refusal: AnswerRefusal; readonly message: string; readonly confirmation: Confirmation | null };

/** Decided confirmations kept to say why a late or second answer is refused. */
const KEEP_DECIDED = 100;

/**
 * The queue of trade confirmations. Time is the injected clock; the caller runs `expireDue()` from a timer. An answer
 * is taken only while pending and before the deadline: a second answer, or one after the deadline (even if the timer
 * has not fired yet), is refused with the reason. Nothing here sends an order: the caller acts on `approved`.
 */
export class ConfirmationQueue {
  private readonly items = new Map<string, Confirmation>();

  constructor(private readonly now: () => number) {}

  request(id: string, intent: TradeIntent, timeoutMs: number): Confirmation {
    if (this.items.has(id)) throw new Error(`confirmation ${id} exists already`);
    if (!(timeoutMs > 0)) throw new Error('a confirmation needs a deadline in the future');
    const at = this.now();
    const c: Confirmation = { id, intent, createdAt: at, deadline: at + timeoutMs, status: 'pending', decidedAt: null, decidedBy: null, reason: null };
    this.items.set(id, c);
    this.prune();
    return c;
  }

  answer(id: string, approve: boolean, by: string): AnswerOutcome {
    const c = this.items.get(id);
    if (!c) return { ok: false, refusal: 'unknown', message: 'No such confirmation (the app restarted since, or it is too old): no trade.', confirmation: null };
    if (c.status === 'pending' && this.now() > c.deadline) this.expire(c);
    const current = this.items.get(id)!;
    if (current.status === 'expired') return { ok: false, refusal: 'expired', message: `Too late: the confirmation expired at its deadline (${seconds(current.deadline - current.createdAt)}); no trade.`, confirmation: current };
    if (current.status !== 'pending') return { ok: false, refusal: 'already-decided', message: `Already ${current.status}${current.decidedBy ? ` (${current.decidedBy})` : ''}: this answer changes nothing.`, confirmation: current };
    return { ok: true, confirmation: this.decide(current, approve ? 'approved' : 'rejected', by, null) };
  }

  /** Ends a pending confirmation without an answer (the strategy stopped, the kill switch); null when not pending. */
  cancel(id: string, by: string, reason: string): Confirmation | null {
    const c = this.items.get(id);
    return c?.status === 'pending' ? this.decide(c, 'canceled', by, reason) : null;
  }

  /** Every pending confirmation past its deadline becomes expired; answers those. */
  expireDue(): Confirmation[] {
    const at = this.now();
    return [...this.items.values()].filter((c) => c.status === 'pending' && at > c.deadline).map((c) => this.expire(c));
  }

  get(id: string): Confirmation | undefined {
    return this.items.get(id);
  }

  pending(): Confirmation[] {
    return [...this.items.values()].filter((c) => c.status === 'pending');
  }

  /** The earliest deadline still pending, for the caller's timer. */
  nextDeadline(): number | null {
    let next: number | null = null;
    for (const c of this.items.values()) if (c.status === 'pending' && (next === null || c.deadline < next)) next = c.deadline;
    return next;
  }

  private expire(c: Confirmation): Confirmation {
    return this.decide(c, 'expired', 'timer', `no answer within ${seconds(c.deadline - c.createdAt)}`);
  }

  private decide(c: Confirmation, status: Exclude<ConfirmationStatus, 'pending'>, by: string, reason: string | null): Confirmation {
    const next: Confirmation = { ...c, status, decidedAt: this.now(), decidedBy: by, reason };
    this.items.set(c.id, next);
    return next;
  }

  private prune(): void {
    const decided = [...this.items.values()].filter((c) => c.status !== 'pending');
    for (const c of decided.slice(0, Math.max(0, decided.length - KEEP_DECIDED))) this.items.delete(c.id);
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** One line for people: `BUY 0.5 BTCUSDT at about 100 (sma-1 on paper-1)`, `bet 2 on the next round of aviator, cash out at 2.35× (signal 81)`. */
export function intentText(i: TradeIntent): string {
  if (i.kind === 'crash-bet') return `bet ${num(i.stake)} on the next round of ${i.profile}, cash out at ${num(i.target)}× (signal ${i.roundId})`;
  return `${i.side} ${num(i.quantity)} ${i.symbol} at about ${num(i.priceEstimate)} (${i.strategy} on ${i.accountId})`;
}

const num = (n: number) => String(Number(n.toPrecision(6)));
