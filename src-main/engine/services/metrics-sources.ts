// Runs in: engine. Where a running engine's metrics come from: the parts MetricsService observes, and what it reads at scrape time.
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { Logger } from '../../core/logging/logger';
import type { AutopilotService } from '../autopilot/autopilot-service';
import type { EventBus } from '../event-bus';
import type { MarketsService } from '../markets/markets-service';
import type { AccountEquity, MetricsSources, StreamAge } from './metrics-service';

export interface MetricsParts {
  readonly bus: EventBus;
  readonly actions: ActionsRepo;
  readonly autopilot: AutopilotService;
  readonly markets: MarketsService;
  readonly now?: () => number;
  readonly log?: Logger;
}

export function engineMetricsSources({ bus, actions, autopilot, markets, now = Date.now, log }: MetricsParts): MetricsSources {
  return {
    bus,
    actions,
    reads: autopilot,
    markets,
    signalReceivedAt: (executionId) => autopilot.signals.receivedAtOfExecution(executionId),
    openPositions: () => markets.positions().length,
    streams: () => [...markets.streamHealth().map((h): StreamAge => ({ stream: `${h.accountId}/${h.stream}`, ageMs: h.lastMessageAgeMs })), ...signalSourceAge(autopilot, now())],
    equity: () => accountsEquity(markets),
    now,
    log,
  };
}

function signalSourceAge(autopilot: AutopilotService, now: number): StreamAge[] {
  const { running, source } = autopilot.state();
  return running && source.lastMessageAt !== null ? [{ stream: 'signals', ageMs: now - source.lastMessageAt }] : [];
}

/** The equity the account limits judge, for accounts with an open session only (MarketsService.equity never opens one). */
async function accountsEquity(markets: MarketsService): Promise<AccountEquity[]> {
  const rows = await Promise.allSettled(markets.listAccounts().map(async (a) => ({ account: a.id, equity: await markets.equity(a.id) })));
  return rows.flatMap((r) => (r.status === 'fulfilled' && r.value.equity !== null ? [{ account: r.value.account, equity: r.value.equity }] : []));
}
