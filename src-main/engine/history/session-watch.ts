// Runs in: engine. Turns "the autopilot stopped" and "a strategy stopped" into session reports, from what the engine already publishes.
import type { StrategyToggle } from '../../../src-shared/contract';
import type { EventBus } from '../event-bus';
import type { ReportRequest } from './session-reports';

export interface SessionWatchDeps {
  readonly bus: EventBus;
  readonly toggles: { list(): StrategyToggle[]; onChange(listener: () => void): () => void };
  readonly report: (request: ReportRequest) => unknown;
  readonly now: () => number;
  /** Why the autopilot's last session ended, from the audit log. */
  readonly autopilotStopReason: (since: number) => string | null;
  /** The account and stop reason of a strategy toggle (`strategy:<config id>`); undefined for one that no longer exists. */
  readonly strategy: (configId: string) => { accountId: string; stoppedReason: string | null } | undefined;
}

const STRATEGY_PREFIX = 'strategy:';

/**
 * Watches events rather than hooking the autopilot and the markets service: every way they stop (the UI, the tray,
 * the kill switch, three failures, shutdown) already ends in an `autopilot.state` event or an unticked toggle.
 */
export class SessionWatch {
  private autopilotSince: number | null = null;
  private autopilotProfile: string | null = null;
  private readonly strategiesSince = new Map<string, number>();
  private detach: Array<() => void> = [];

  constructor(private readonly deps: SessionWatchDeps) {}

  /** `since`: when strategies already enabled started (the engine's start). */
  start(since: number): void {
    for (const t of this.strategyToggles()) if (t.enabled) this.strategiesSince.set(t.id, since);
    this.detach = [
      this.deps.bus.on('autopilot.state', (state) => {
        if (state.running && this.autopilotSince === null) {
          this.autopilotSince = this.deps.now();
          this.autopilotProfile = state.profile;
        } else if (!state.running && state.stopping === null && this.autopilotSince !== null) {
          const from = this.autopilotSince;
          this.autopilotSince = null;
          this.deps.report({ trigger: 'autopilot', subject: this.autopilotProfile ?? 'autopilot', reason: this.deps.autopilotStopReason(from) ?? 'stopped', from, trades: 'none' });
        }
      }),
      this.deps.toggles.onChange(() => this.togglesChanged()),
    ];
  }

  stop(): void {
    for (const detach of this.detach) detach();
    this.detach = [];
  }

  private togglesChanged(): void {
    for (const t of this.strategyToggles()) {
      const since = this.strategiesSince.get(t.id);
      if (t.enabled && since === undefined) this.strategiesSince.set(t.id, this.deps.now());
      if (t.enabled || since === undefined) continue;
      this.strategiesSince.delete(t.id);
      const configId = t.id.slice(STRATEGY_PREFIX.length);
      const strategy = this.deps.strategy(configId);
      if (!strategy) continue;
      this.deps.report({ trigger: 'strategy', subject: t.label, reason: strategy.stoppedReason ?? 'switched off', from: since, trades: { accountId: strategy.accountId, strategy: configId } });
    }
  }

  private strategyToggles(): StrategyToggle[] {
    return this.deps.toggles.list().filter((t) => t.kind === 'strategy' && t.id.startsWith(STRATEGY_PREFIX));
  }
}
