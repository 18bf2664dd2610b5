// Runs in: engine. Equity snapshots: each account on every closed trade and every N minutes, the autopilot after every played round.
import { CRASH_BALANCE_SCOPE, CRASH_SCOPE } from '../../../src-shared/contract/services/history';
import type { EquityRepo } from '../../adapters/store/equity-repo';
import type { EventBus } from '../event-bus';

export interface EquityRecorderDeps {
  readonly repo: EquityRepo;
  readonly bus: EventBus;
  readonly now: () => number;
  /** Read before every wait, so a changed setting applies from the next snapshot. */
  readonly everyMs: () => number;
  readonly accounts: () => string[];
  /** Cash plus marked positions; null while the account has no open session (a timer must not open connections). */
  readonly accountEquity: (accountId: string) => Promise<number | null>;
  /** Round trips closed so far on the account: a rise means a trade just closed. */
  readonly closedTrades: (accountId: string) => number;
  readonly log: (message: string) => void;
}

/**
 * The autopilot's equity is its cumulative P&L per mode (live, and dry run kept apart), snapshotted after each round
 * that was played; where the profile has a balance region, the game's own balance read after each live round too.
 */
export class EquityRecorder {
  private readonly closed = new Map<string, number>();
  private readonly lastRound = { live: -1, 'dry-run': -1 };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private detach: Array<() => void> = [];
  private stopped = false;

  constructor(private readonly deps: EquityRecorderDeps) {}

  start(): void {
    this.stopped = false;
    for (const id of this.deps.accounts()) this.guard(() => this.closed.set(id, this.deps.closedTrades(id)));
    this.detach = [
      this.deps.bus.on('execution.updated', (e) => {
        // The same final row can be published twice (the crash point noted after the result): one snapshot per round.
        if ((e.status !== 'CASHOUT_EXECUTED' && e.status !== 'CRASHED') || this.lastRound[e.mode] >= e.id) return;
        this.lastRound[e.mode] = e.id;
        this.guard(() => this.deps.repo.record(CRASH_SCOPE[e.mode], this.deps.now(), this.deps.repo.crashCumulativePnl(e.mode)));
      }),
      this.deps.bus.on('round.ended', (r) => {
        const balance = r.gameBalance;
        if (typeof balance === 'number' && Number.isFinite(balance)) this.guard(() => this.deps.repo.record(CRASH_BALANCE_SCOPE, this.deps.now(), balance));
      }),
      this.deps.bus.on('markets.order', (o) => {
        if (o.status === 'FILLED' || o.status === 'PARTIALLY_FILLED') this.checkClosed(o.accountId);
      }),
      this.deps.bus.on('markets.changed', (c) => {
        if (c.what === 'order' || c.what === 'position') this.checkClosed(c.accountId);
      }),
    ];
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const detach of this.detach) detach();
    this.detach = [];
  }

  /** Every account with an open session, now (the timer's tick; tests call it directly). */
  async snapshotAccounts(): Promise<void> {
    for (const id of this.deps.accounts()) await this.snapshotAccount(id);
  }

  private checkClosed(accountId: string): void {
    this.guard(() => {
      const count = this.deps.closedTrades(accountId);
      const before = this.closed.get(accountId) ?? 0;
      this.closed.set(accountId, count);
      if (count > before) void this.snapshotAccount(accountId);
    });
  }

  private async snapshotAccount(accountId: string): Promise<void> {
    try {
      const equity = await this.deps.accountEquity(accountId);
      if (equity !== null && Number.isFinite(equity) && !this.stopped) this.deps.repo.record(accountId, this.deps.now(), equity);
    } catch (error) {
      this.deps.log(`equity of ${accountId} not recorded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.snapshotAccounts().finally(() => this.schedule()), this.deps.everyMs());
    this.timer.unref?.();
  }

  /** A snapshot is a record, not a trade: a full disk loses it, and says so, but never reaches the path that emitted the event. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.deps.log(`equity snapshot not recorded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
