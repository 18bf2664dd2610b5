// Runs in: anywhere (pure).
const DAY_MS = 86_400_000;

export interface LimitsConfig {
  readonly maxPositions: number;
  readonly dailyLossLimit: number | null;
  readonly cooldown: { readonly losses: number; readonly ms: number } | null;
  readonly maxDrawdownPause: { readonly drawdown: number; readonly ms: number } | null;
}

export type LimitVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: LimitVerdict = Object.freeze({ ok: true });

/** The counters a restart must not forget (open symbols are rebuilt from the positions). */
export interface LimitsState {
  readonly day: number | null;
  readonly dayStartEquity: number | null;
  readonly lastEquity: number | null;
  readonly consecutiveLosses: number;
  readonly cooldownUntil: number | null;
  readonly peakEquity: number | null;
  readonly pausedUntil: number | null;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/**
 * Account-level entry gates. Time is epoch ms supplied by the caller (candle time in a backtest,
 * the clock live), so the same rules give the same answers in both.
 */
export class RiskLimits {
  private readonly open = new Set<string>();
  private readonly inFlight = new Set<string>();
  private day = NaN;
  private dayStartEquity = NaN;
  private lastEquity = NaN;
  private consecutiveLosses = 0;
  private cooldownUntil = -Infinity;
  private peakEquity = -Infinity;
  private pausedUntil = -Infinity;

  constructor(private readonly cfg: LimitsConfig) {}

  /** Feed mark-to-market equity as it changes (at least once per candle/tick). */
  onEquity(equity: number, now: number): void {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.dayStartEquity = equity;
    }
    this.lastEquity = equity;
    if (equity > this.peakEquity) this.peakEquity = equity;
    const dd = this.cfg.maxDrawdownPause;
    if (dd && now >= this.pausedUntil && equity <= this.peakEquity * (1 - dd.drawdown)) {
      this.pausedUntil = now + dd.ms;
      this.peakEquity = equity; // a new drawdown is measured from here once the pause ends
    }
  }

  canOpen(symbol: string, now: number): LimitVerdict {
    if (this.inFlight.has(symbol)) return { ok: false, reason: `order in flight for ${symbol}` };
    if (this.open.has(symbol)) return { ok: false, reason: `position already open on ${symbol}` };
    if (this.open.size >= this.cfg.maxPositions) return { ok: false, reason: `max positions (${this.cfg.maxPositions}) reached` };
    if (now < this.pausedUntil) return { ok: false, reason: 'max-drawdown pause' };
    if (now < this.cooldownUntil) return { ok: false, reason: `cooldown after ${this.cfg.cooldown?.losses} losses` };
    const limit = this.cfg.dailyLossLimit;
    if (limit !== null && Math.floor(now / DAY_MS) === this.day && this.lastEquity <= this.dayStartEquity * (1 - limit)) {
      return { ok: false, reason: 'daily loss limit reached' };
    }
    return OK;
  }

  /** Per-symbol lock while an order is in flight (live: from send until ack/reject). */
  lock(symbol: string): boolean {
    if (this.inFlight.has(symbol)) return false;
    this.inFlight.add(symbol);
    return true;
  }

  unlock(symbol: string): void {
    this.inFlight.delete(symbol);
  }

  onOpened(symbol: string): void {
    this.open.add(symbol);
  }

  onClosed(symbol: string, pnl: number, now: number): void {
    this.open.delete(symbol);
    this.consecutiveLosses = pnl < 0 ? this.consecutiveLosses + 1 : 0;
    const cd = this.cfg.cooldown;
    if (cd && this.consecutiveLosses >= cd.losses) {
      this.cooldownUntil = now + cd.ms;
      this.consecutiveLosses = 0;
    }
  }

  state(): LimitsState {
    return { day: finite(this.day), dayStartEquity: finite(this.dayStartEquity), lastEquity: finite(this.lastEquity), consecutiveLosses: this.consecutiveLosses, cooldownUntil: finite(this.cooldownUntil), peakEquity: finite(this.peakEquity), pausedUntil: finite(this.pausedUntil) };
  }

  restore(s: LimitsState): void {
    this.day = s.day ?? NaN;
    this.dayStartEquity = s.dayStartEquity ?? NaN;
    this.lastEquity = s.lastEquity ?? NaN;
    this.consecutiveLosses = s.consecutiveLosses;
    this.cooldownUntil = s.cooldownUntil ?? -Infinity;
    this.peakEquity = s.peakEquity ?? -Infinity;
    this.pausedUntil = s.pausedUntil ?? -Infinity;
  }

  get openCount(): number {
    return this.open.size;
  }
}
