import { describe, expect, it } from 'vitest';
import { formatNotice, signed, toMessage, type Notice } from './notice';

const round = (over: Partial<Extract<Notice, { kind: 'round' }>> = {}): Notice => ({ topic: 'rounds', kind: 'round', at: 1, roundId: 'r7', status: 'CASHOUT_EXECUTED', mode: 'live', bet: true, stake: 2, target: 1.8, cashoutAt: 1.8, pnl: 1.6, reason: null, ...over });

describe('formatNotice', () => {
  it('says a round’s outcome, P&L and mode, and marks dry run as simulated', () => {
    expect(formatNotice(round())).toBe('Round r7: cashed out at 1.80x, P&L +1.60; stake 2, target 1.80x [live]');
    expect(formatNotice(round({ status: 'CRASHED', cashoutAt: null, pnl: -2, mode: 'dry-run' }))).toBe('Round r7: crashed, P&L −2.00; stake 2, target 1.80x [dry run, simulated]');
    expect(formatNotice(round({ status: 'SKIPPED', pnl: null, cashoutAt: null, reason: 'refused by limit: stake 2 exceeds the max stake 1' }))).toBe(
      'Round r7: skipped; stake 2, target 1.80x [live] (refused by limit: stake 2 exceeds the max stake 1)',
    );
  });

  it('keeps live and simulated P&L apart in a digest', () => {
    expect(formatNotice({ topic: 'rounds', kind: 'digest', at: 1, rounds: 10, won: 6, lost: 3, notPlayed: 1, pnl: { live: 1.2, dryRun: -0.5 } })).toBe(
      'Last 10 rounds: 6 won, 3 lost, 1 not played; P&L live +1.20, dry run −0.50 (simulated)',
    );
    expect(formatNotice({ topic: 'rounds', kind: 'digest', at: 1, rounds: 2, won: 0, lost: 0, notPlayed: 2, pnl: { live: null, dryRun: null } })).toBe('Last 2 rounds: 0 won, 0 lost, 2 not played');
  });

  it('words safety, signal, error and trade notices', () => {
    expect(formatNotice({ topic: 'safety', kind: 'kill-switch', at: 1, engaged: true })).toContain('ENGAGED');
    expect(formatNotice({ topic: 'safety', kind: 'kill-switch', at: 1, engaged: false })).toBe('Kill switch released.');
    expect(formatNotice({ topic: 'safety', kind: 'mode', at: 1, mode: 'live' })).toContain('LIVE');
    expect(formatNotice({ topic: 'safety', kind: 'limit', at: 1, what: 'daily loss limit' })).toBe('Limit hit: daily loss limit');
    expect(formatNotice({ topic: 'signals', kind: 'source-down', at: 1, downForMs: 30_000, state: 'reconnecting' })).toBe('Signal source down for 30 s (reconnecting).');
    expect(formatNotice({ topic: 'signals', kind: 'source-back', at: 1, downForMs: 600_000 })).toBe('Signal source back after 10 min.');
    expect(formatNotice({ topic: 'errors', kind: 'error', at: 1, component: 'markets', message: 'x stopped' })).toBe('Error (markets): x stopped');
    expect(formatNotice({ topic: 'trades', kind: 'fill', at: 1, accountId: 'paper-1', symbol: 'BTCUSDT', side: 'BUY', quantity: 0.01, price: 60000, status: 'FILLED', strategy: 'sma' })).toBe('Fill on paper-1: BUY 0.01 BTCUSDT @ 60000 by sma');
    expect(formatNotice({ topic: 'trades', kind: 'trade-closed', at: 1, accountId: 'paper-1', symbol: 'BTCUSDT', pnl: -3.456 })).toBe('Trade closed on paper-1: BTCUSDT, P&L −3.46');
  });

  it('signs amounts and carries topic and kind into the message', () => {
    expect(signed(0)).toBe('+0.00');
    expect(signed(-0.004)).toBe('+0.00');
    expect(toMessage({ topic: 'test', kind: 'test', at: 5 })).toEqual({ topic: 'test', kind: 'test', at: 5, text: 'Test message from Trading Cockpit: this channel works.' });
  });
});
