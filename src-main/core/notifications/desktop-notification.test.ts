import { describe, expect, it } from 'vitest';
import { DESKTOP_NEEDS_APP, DESKTOP_UNSUPPORTED, desktopNotification, desktopUnavailable } from './desktop-notification';
import { toMessage } from './notice';

describe('desktop notifications', () => {
  it('titles a notification by what it is about and carries the message as its body', () => {
    expect(desktopNotification(toMessage({ topic: 'safety', kind: 'kill-switch', at: 1, engaged: true }))).toEqual({ title: 'Safety', body: 'Kill switch ENGAGED: all trading stopped.' });
    expect(desktopNotification(toMessage({ topic: 'trades', kind: 'trade-closed', at: 1, accountId: 'paper-1', symbol: 'BTCUSDT', pnl: -2.5 }))).toEqual({ title: 'Trade', body: 'Trade closed on paper-1: BTCUSDT, P&L −2.50' });
    expect(desktopNotification(toMessage({ topic: 'test', kind: 'test', at: 1 })).title).toBe('Test notification');
  });

  it('cuts a long message to what a toast shows, marked as cut', () => {
    const { body } = desktopNotification(toMessage({ topic: 'errors', kind: 'error', at: 1, component: 'markets', message: 'x'.repeat(1_000) }));
    expect(body).toHaveLength(250);
    expect(body.endsWith('…')).toBe(true);
  });

  it('says why a desktop channel cannot deliver: no desktop shell, or a system without notifications', () => {
    expect(desktopUnavailable(undefined)).toBe(DESKTOP_NEEDS_APP);
    expect(desktopUnavailable({ supported: () => false, show: () => {} })).toBe(DESKTOP_UNSUPPORTED);
    expect(desktopUnavailable({ supported: () => true, show: () => {} })).toBeNull();
  });
});
