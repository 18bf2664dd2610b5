import { describe, expect, it } from 'vitest';
import { buildSessionReport, percentiles, renderReportMarkdown, reportBaseName, type ReportInput, type ReportRound } from './session-report';

const T0 = Date.UTC(2026, 11, 4, 20, 0, 0);
const round = (roundId: string, status: ReportRound['status'], pnl: number | null, extra: Partial<ReportRound> = {}): ReportRound => ({
  roundId,
  mode: 'live',
  status,
  bet: true,
  pnl,
  reason: null,
  endedAt: T0 + 1000,
  ...extra,
});
const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  trigger: 'autopilot',
  subject: 'Practice game',
  reason: 'user stopped the autopilot',
  from: T0,
  to: T0 + 125_000,
  rounds: [],
  trades: [],
  limitEvents: [],
  errorEvents: [],
  signalToClickMs: [],
  clickMs: [],
  ...over,
});

describe('buildSessionReport', () => {
  it('counts rounds, P&L, win rate, best and worst, keeping dry-run rounds apart from live ones', () => {
    const report = buildSessionReport(
      input({
        rounds: [
          round('a', 'CASHOUT_EXECUTED', 0.5),
          round('b', 'CRASHED', -1),
          round('c', 'CASHOUT_EXECUTED', 2.25),
          round('d', 'SKIPPED', 0, { reason: 'refused by limit: 5 losses in a row' }),
          round('e', 'CASHOUT_EXECUTED', 9, { mode: 'dry-run' }),
        ],
      }),
    );
    expect(report.rounds.live).toEqual({ rounds: 3, wins: 2, losses: 1, notPlayed: 1, pnl: 1.75, winRate: 2 / 3, best: { label: 'round c', pnl: 2.25 }, worst: { label: 'round b', pnl: -1 } });
    expect(report.rounds.dryRun).toMatchObject({ rounds: 1, wins: 1, pnl: 9 });
    expect(report.limitsHit).toEqual({ count: 1, recent: [{ at: T0 + 1000, what: 'round d: refused by limit: 5 losses in a row' }] });
    expect(report.trades).toBeNull();
  });

  it('reports exchange trades: a trade wins when its P&L after fees is positive', () => {
    const report = buildSessionReport(
      input({
        trigger: 'strategy',
        trades: [
          { symbol: 'BTCUSDT', openedAt: T0, closedAt: T0 + 10, pnl: 3 },
          { symbol: 'BTCUSDT', openedAt: T0, closedAt: T0 + 20, pnl: -0.01 },
        ],
      }),
    );
    expect(report.trades).toMatchObject({ rounds: 2, wins: 1, losses: 1, pnl: 2.99, winRate: 0.5, best: { pnl: 3 }, worst: { pnl: -0.01 } });
    expect(report.rounds).toEqual({ live: null, dryRun: null });
  });

  it('lists errors (failed rounds and other events) in time order, keeping the last 20 and the full count', () => {
    const errorEvents = Array.from({ length: 25 }, (_, i) => ({ at: T0 + 100 + i, what: `error ${i}` }));
    const report = buildSessionReport(input({ rounds: [round('f', 'FAILED', null, { reason: 'error: capture failed', endedAt: T0 + 50 })], errorEvents }));
    expect(report.errors.count).toBe(26);
    expect(report.errors.recent).toHaveLength(20);
    expect(report.errors.recent.at(-1)!.what).toBe('error 24');
    expect(report.rounds.live).toMatchObject({ rounds: 0, notPlayed: 1, winRate: null, best: null });
  });

  it('summarises latencies as percentiles', () => {
    const report = buildSessionReport(input({ signalToClickMs: [40, 10, 30, 20], clickMs: [] }));
    expect(report.latency).toEqual({ signalToClickMs: { n: 4, p50: 20, p90: 40, p99: 40, max: 40 }, clickMs: null });
  });
});

describe('percentiles', () => {
  it('uses nearest rank, so each figure is a measured value', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(values)).toEqual({ n: 100, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(percentiles([7])).toEqual({ n: 1, p50: 7, p90: 7, p99: 7, max: 7 });
    expect(percentiles([Number.NaN])).toBeNull();
  });
});

describe('report files', () => {
  it('names the file by the stop time and what stopped, safely for every file system', () => {
    expect(reportBaseName({ to: T0 + 125_000, trigger: 'strategy', subject: 'sma-cross · BTCUSDT 1s · Demo paper' })).toBe('2026-12-04T20-02-05Z-strategy-sma-cross-btcusdt-1s-demo-paper');
    expect(reportBaseName({ to: T0, trigger: 'shutdown', subject: '' })).toBe('2026-12-04T20-00-00Z-shutdown');
  });

  it('renders the Markdown with every section', () => {
    const md = renderReportMarkdown(
      buildSessionReport(input({ rounds: [round('a', 'CASHOUT_EXECUTED', 0.5), round('b', 'CRASHED', -1)], signalToClickMs: [12.5], errorEvents: [{ at: T0, what: 'signal source closed' }] })),
    );
    expect(md).toContain('# Session report: autopilot Practice game');
    expect(md).toContain('(2 min 5 s)');
    expect(md).toContain('- Rounds: 2 (1 won, 1 lost)');
    expect(md).toContain('- P&L: −0.50');
    expect(md).toContain('- Win rate: 50.0%');
    expect(md).toContain('- Best: round a, +0.50');
    expect(md).toContain('No trades.');
    expect(md).toContain('## Errors: 1');
    expect(md).toContain('| Signal → Bet click | 1 | 12.5 ms | 12.5 ms | 12.5 ms | 12.5 ms |');
  });
});
