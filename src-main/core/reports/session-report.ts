// Runs in: anywhere (pure).
import type { ExecutionStatus } from '../../../src-shared/contract/services/autopilot';
import type { ReportTrigger, RoundStats, SessionReport, TradeStats } from '../../../src-shared/contract/services/history';
import type { ClosedTrade } from './closed-trades';

export interface ReportRound {
  readonly roundId: string;
  readonly mode: 'dry-run' | 'live';
  readonly status: ExecutionStatus;
  readonly bet: boolean;
  readonly pnl: number | null;
  readonly reason: string | null;
  readonly endedAt: number | null;
}

export interface ReportEvent {
  readonly at: number;
  readonly what: string;
}

/** Everything a report is made of, read by the engine from the store for one window of time. */
export interface ReportInput {
  readonly trigger: ReportTrigger;
  readonly subject: string;
  readonly reason: string;
  readonly from: number;
  readonly to: number;
  readonly rounds: readonly ReportRound[];
  readonly trades: readonly ClosedTrade[];
  /** Refusals by a limit that are not already a round (manual orders, typed fields). */
  readonly limitEvents: readonly ReportEvent[];
  readonly errorEvents: readonly ReportEvent[];
  /** Signal received → Bet click sent (or, in dry run, the click it would have sent). */
  readonly signalToClickMs: readonly number[];
  /** How long the OS took to perform each real click. */
  readonly clickMs: readonly number[];
}

/** Enough to say what went wrong without making a report of a long session unreadable. */
const RECENT = 20;
const LIMIT_PREFIX = 'refused by limit';

export function buildSessionReport(input: ReportInput): SessionReport {
  const failed = input.rounds.filter((r) => r.status === 'FAILED').map((r) => ({ at: r.endedAt ?? input.to, what: `round ${r.roundId}: ${r.reason ?? 'failed'}` }));
  const limited = input.rounds.filter((r) => r.reason?.startsWith(LIMIT_PREFIX)).map((r) => ({ at: r.endedAt ?? input.to, what: `round ${r.roundId}: ${r.reason}` }));
  const limits = byTime([...limited, ...input.limitEvents]);
  const errors = byTime([...failed, ...input.errorEvents]);
  return {
    version: 1,
    trigger: input.trigger,
    subject: input.subject.slice(0, 200),
    reason: input.reason.slice(0, 500),
    from: input.from,
    to: input.to,
    rounds: { live: roundStats(input.rounds.filter((r) => r.mode === 'live')), dryRun: roundStats(input.rounds.filter((r) => r.mode === 'dry-run')) },
    trades: tradeStats(input.trades),
    limitsHit: { count: limits.length, recent: limits.slice(-RECENT) },
    errors: { count: errors.length, recent: errors.slice(-RECENT) },
    latency: { signalToClickMs: percentiles(input.signalToClickMs), clickMs: percentiles(input.clickMs) },
  };
}

function roundStats(rounds: readonly ReportRound[]): RoundStats | null {
  if (rounds.length === 0) return null;
  const played = rounds.filter((r) => r.status === 'CASHOUT_EXECUTED' || r.status === 'CRASHED');
  const results = played.map((r) => ({ label: `round ${r.roundId}`, pnl: r.pnl ?? 0 }));
  return { ...outcomeStats(results, played.filter((r) => r.status === 'CASHOUT_EXECUTED').length), notPlayed: rounds.length - played.length };
}

function tradeStats(trades: readonly ClosedTrade[]): TradeStats | null {
  if (trades.length === 0) return null;
  const results = trades.map((t) => ({ label: `${t.symbol} closed ${new Date(t.closedAt).toISOString()}`, pnl: t.pnl }));
  return outcomeStats(results, trades.filter((t) => t.pnl > 0).length);
}

function outcomeStats(results: ReadonlyArray<{ label: string; pnl: number }>, wins: number): TradeStats {
  let best: TradeStats['best'] = null;
  let worst: TradeStats['worst'] = null;
  let pnl = 0;
  for (const r of results) {
    pnl += r.pnl;
    if (!best || r.pnl > best.pnl) best = { label: r.label, pnl: cents(r.pnl) };
    if (!worst || r.pnl < worst.pnl) worst = { label: r.label, pnl: cents(r.pnl) };
  }
  return { rounds: results.length, wins, losses: results.length - wins, pnl: cents(pnl), winRate: results.length > 0 ? wins / results.length : null, best, worst };
}

/** Nearest-rank percentiles: every value reported is one that was measured. */
export function percentiles(values: readonly number[]): SessionReport['latency']['signalToClickMs'] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { n: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: sorted.at(-1)! };
}

/** `2026-12-04T20-48-25Z-autopilot-practice-game`: sorts by time, safe on every file system, says what stopped. */
export function reportBaseName(report: Pick<SessionReport, 'to' | 'trigger' | 'subject'>): string {
  const time = new Date(report.to).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  const slug = report.subject
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return [time, report.trigger, slug].filter((part) => part.length > 0).join('-');
}

export function renderReportMarkdown(r: SessionReport): string {
  const lines = [
    `# Session report: ${r.trigger} ${r.subject}`,
    '',
    `- Stopped: ${iso(r.to)} (${r.reason})`,
    `- Covers: ${iso(r.from)} to ${iso(r.to)} (${duration(r.to - r.from)})`,
    '',
  ];
  const section = (title: string, unit: string, s: TradeStats | null, notPlayed?: number) => {
    lines.push(`## ${title}`, '');
    if (!s) return void lines.push(`No ${unit}.`, '');
    lines.push(
      `- ${unit[0]!.toUpperCase()}${unit.slice(1)}: ${s.rounds} (${s.wins} won, ${s.losses} lost${notPlayed ? `; ${notPlayed} signals not played` : ''})`,
      `- P&L: ${signed(s.pnl)}`,
      `- Win rate: ${s.winRate === null ? 'n/a' : `${(s.winRate * 100).toFixed(1)}%`}`,
      `- Best: ${s.best ? `${s.best.label}, ${signed(s.best.pnl)}` : 'n/a'}`,
      `- Worst: ${s.worst ? `${s.worst.label}, ${signed(s.worst.pnl)}` : 'n/a'}`,
      '',
    );
  };
  if (r.rounds.live || !r.rounds.dryRun) section('Crash rounds (live)', 'rounds', r.rounds.live, r.rounds.live?.notPlayed);
  if (r.rounds.dryRun) section('Crash rounds (dry run, simulated)', 'rounds', r.rounds.dryRun, r.rounds.dryRun.notPlayed);
  section('Exchange trades', 'trades', r.trades);
  const events = (title: string, e: SessionReport['errors']) => {
    lines.push(`## ${title}: ${e.count}`, '');
    for (const x of e.recent) lines.push(`- ${iso(x.at)} ${x.what}`);
    if (e.count > e.recent.length) lines.push(`- … and ${e.count - e.recent.length} earlier`);
    if (e.count > 0) lines.push('');
  };
  events('Limits hit', r.limitsHit);
  events('Errors', r.errors);
  lines.push('## Latency', '', '| Path | n | p50 | p90 | p99 | max |', '| --- | --- | --- | --- | --- | --- |');
  for (const [label, p] of [['Signal → Bet click', r.latency.signalToClickMs], ['Click (OS)', r.latency.clickMs]] as const) {
    lines.push(p ? `| ${label} | ${p.n} | ${ms(p.p50)} | ${ms(p.p90)} | ${ms(p.p99)} | ${ms(p.max)} |` : `| ${label} | 0 | | | | |`);
  }
  return `${lines.join('\n')}\n`;
}

const byTime = (events: ReportEvent[]) => events.sort((a, b) => a.at - b.at);
const cents = (n: number) => Math.round(n * 100) / 100;
const iso = (t: number) => new Date(t).toISOString();
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function duration(msTotal: number): string {
  const s = Math.max(0, Math.round(msTotal / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}
