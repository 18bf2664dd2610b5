// Runs in: anywhere (pure).
import type { NotificationTopic } from '../../../src-shared/contract/services/notifications';

/** One thing worth telling the user, before any channel decides whether and how to send it. */
export type Notice =
  | { topic: 'rounds'; kind: 'round'; at: number; roundId: string; status: string; mode: 'live' | 'dry-run'; bet: boolean; stake: number; target: number; cashoutAt: number | null; pnl: number | null; reason: string | null }
  | { topic: 'rounds'; kind: 'digest'; at: number; rounds: number; won: number; lost: number; notPlayed: number; pnl: { live: number | null; dryRun: number | null } }
  | { topic: 'safety'; kind: 'kill-switch'; at: number; engaged: boolean }
  | { topic: 'safety'; kind: 'mode'; at: number; mode: 'live' | 'dry-run' }
  | { topic: 'safety'; kind: 'limit'; at: number; what: string }
  | { topic: 'signals'; kind: 'source-down'; at: number; downForMs: number; state: string }
  | { topic: 'signals'; kind: 'source-back'; at: number; downForMs: number }
  | { topic: 'errors'; kind: 'error'; at: number; component: string; message: string }
  | { topic: 'trades'; kind: 'fill'; at: number; accountId: string; symbol: string; side: 'BUY' | 'SELL'; quantity: number; price: number | null; status: string; strategy: string | null }
  | { topic: 'trades'; kind: 'trade-closed'; at: number; accountId: string; symbol: string; pnl: number }
  | { topic: 'test'; kind: 'test'; at: number };

export type NoticeTopic = NotificationTopic | 'test';

/** What a channel posts: the text people read, and what a program receiving a generic webhook can switch on. */
export interface OutgoingMessage {
  readonly topic: NoticeTopic;
  readonly kind: Notice['kind'];
  readonly at: number;
  readonly text: string;
}

const STATUS_WORDS: Record<string, string> = {
  CASHOUT_EXECUTED: 'cashed out',
  CRASHED: 'crashed',
  FAILED: 'failed',
  SKIPPED: 'skipped',
  REJECTED: 'rejected',
  INTERRUPTED: 'interrupted',
};

export function signed(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded >= 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)}`;
}

function seconds(ms: number): string {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

function modeWord(mode: 'live' | 'dry-run'): string {
  return mode === 'live' ? 'live' : 'dry run, simulated';
}

/** Plain text, no markup: every channel shows it as is, and nothing in an event can inject formatting or links. */
export function formatNotice(notice: Notice): string {
  switch (notice.kind) {
    case 'round': {
      const outcome = STATUS_WORDS[notice.status] ?? notice.status.toLowerCase();
      const at = notice.status === 'CASHOUT_EXECUTED' && notice.cashoutAt !== null ? ` at ${notice.cashoutAt.toFixed(2)}x` : '';
      const pnl = notice.pnl !== null ? `, P&L ${signed(notice.pnl)}` : '';
      const why = notice.reason && notice.status !== 'CASHOUT_EXECUTED' && notice.status !== 'CRASHED' ? ` (${notice.reason})` : '';
      return `Round ${notice.roundId}: ${outcome}${at}${pnl}; stake ${notice.stake}, target ${notice.target.toFixed(2)}x [${modeWord(notice.mode)}]${why}`;
    }
    case 'digest': {
      const pnl = [notice.pnl.live !== null ? `live ${signed(notice.pnl.live)}` : null, notice.pnl.dryRun !== null ? `dry run ${signed(notice.pnl.dryRun)} (simulated)` : null].filter(Boolean).join(', ');
      return `Last ${notice.rounds} rounds: ${notice.won} won, ${notice.lost} lost, ${notice.notPlayed} not played${pnl ? `; P&L ${pnl}` : ''}`;
    }
    case 'kill-switch':
      return notice.engaged ? 'Kill switch ENGAGED: all trading stopped.' : 'Kill switch released.';
    case 'mode':
      return notice.mode === 'live' ? 'LIVE mode armed: real money.' : 'Back to dry run: live disarmed.';
    case 'limit':
      return `Limit hit: ${notice.what}`;
    case 'source-down':
      return `Signal source down for ${seconds(notice.downForMs)} (${notice.state}).`;
    case 'source-back':
      return `Signal source back after ${seconds(notice.downForMs)}.`;
    case 'error':
      return `Error (${notice.component}): ${notice.message}`;
    case 'fill': {
      const price = notice.price !== null ? ` @ ${notice.price}` : '';
      const by = notice.strategy ? ` by ${notice.strategy}` : '';
      const partly = notice.status === 'PARTIALLY_FILLED' ? ' (partly filled)' : '';
      return `Fill on ${notice.accountId}: ${notice.side} ${notice.quantity} ${notice.symbol}${price}${by}${partly}`;
    }
    case 'trade-closed':
      return `Trade closed on ${notice.accountId}: ${notice.symbol}, P&L ${signed(notice.pnl)}`;
    case 'test':
      return 'Test message from Trading Cockpit: this channel works.';
  }
}

export function toMessage(notice: Notice): OutgoingMessage {
  return { topic: notice.topic, kind: notice.kind, at: notice.at, text: formatNotice(notice) };
}
