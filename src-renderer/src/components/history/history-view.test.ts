import { describe, expect, it } from 'vitest';
import type { SessionReport } from '../../../../src-shared/contract';
import { crashScopes, reportSummary } from './history-view';

const stats = (rounds: number, wins: number, pnl: number) => ({ rounds, wins, losses: rounds - wins, notPlayed: 0, pnl, winRate: rounds ? wins / rounds : null, best: null, worst: null });
const report = (over: Partial<SessionReport>): SessionReport => ({
  version: 1,
  trigger: 'shutdown',
  subject: 'engine',
  reason: 'SIGTERM',
  from: 0,
  to: 1,
  rounds: { live: null, dryRun: null },
  trades: null,
  limitsHit: { count: 0, recent: [] },
  errors: { count: 0, recent: [] },
  latency: { signalToClickMs: null, clickMs: null },
  ...over,
});

describe('crashScopes', () => {
  it('offers the current mode first', () => {
    expect(crashScopes('dry-run').map((s) => s.scope)).toEqual(['crash:dry-run', 'crash', 'crash:balance']);
    expect(crashScopes('live').map((s) => s.scope)).toEqual(['crash', 'crash:dry-run', 'crash:balance']);
  });
});

describe('reportSummary', () => {
  it('adds live rounds and trades, and leaves simulated rounds out of the money', () => {
    const s = reportSummary(report({ rounds: { live: stats(4, 3, 2.5), dryRun: stats(10, 10, 99) }, trades: { rounds: 2, wins: 1, losses: 1, pnl: -1, winRate: 0.5, best: null, worst: null } }));
    expect(s).toEqual({ counted: '4 live rounds · 10 dry-run rounds · 2 trades', pnl: 1.5, simulated: false, winRate: 4 / 6 });
  });
  it('shows a dry-run-only session as simulated', () => {
    expect(reportSummary(report({ rounds: { live: null, dryRun: stats(2, 1, 0.3) } }))).toEqual({ counted: '2 dry-run rounds', pnl: 0.3, simulated: true, winRate: 0.5 });
  });
  it('says when nothing was played', () => {
    expect(reportSummary(report({}))).toEqual({ counted: 'nothing played', pnl: null, simulated: false, winRate: null });
  });
});
