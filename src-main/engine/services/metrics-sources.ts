// Runs in: engine. Where a running engine's metrics come from: the parts MetricsService observes, and what it reads at scrape time.
import type { ActionsRepo } from '../../adapters/store/actions-repo';
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
}

export function engineMetricsSources({ bus, actions, autopilot, markets, now = Date.now }: MetricsParts): MetricsSources {
  return {
    bus,
    actions,
    reads: autopilot,
    signalReceivedAt: (executionId) => autopilot.signals.receivedAtOfExecution(executionId),
    openPositions: () => markets.positions().length,
    streams: () => [...markets.streamHealth().map((h): StreamAge => ({ stream: `${h.accountId}/${h.stream}`, ageMs: h.lastMessageAgeMs })), ...signalSourceAge(autopilot, now())],
    equity: () => accountsEquity(markets),
    now,
  };
}

function signalSourceAge(autopilot: AutopilotService, now: number): StreamAge[] {
  const { running, source } = autopilot.state();
  return running && source.lastMessageAt !== null ? [{ stream: 'signals', ageMs: now - source.lastMessageAt }] : [];
}

/**
 * The same equity the account limits judge (quote balance plus held coins at mark; on margin venues the unrealized
 * P&L), for connected accounts only: asking an unconnected account's balance would open a venue session.
 */
async function accountsEquity(markets: MarketsService): Promise<AccountEquity[]> {
  const positions = markets.positions();
  const accounts = markets.listAccounts().filter((a) => a.connected);
  const rows = await Promise.allSettled(
    accounts.map(async (a): Promise<AccountEquity> => {
      const usdt = (await markets.balances(a.id)).find((b) => b.asset === 'USDT');
      const margin = a.exchange === 'binance-futures' || a.exchange === 'bybit';
      const held = positions
        .filter((p) => p.accountId === a.id)
        .reduce((sum, p) => sum + (margin ? (p.unrealizedPnl ?? 0) : p.quantity * (p.markPrice ?? p.entryPrice)), 0);
      return { account: a.id, equity: (usdt?.free ?? 0) + (usdt?.locked ?? 0) + held };
    }),
  );
  return rows.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}
