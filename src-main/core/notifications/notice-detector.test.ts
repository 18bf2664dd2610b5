import { describe, expect, it } from 'vitest';
import type { Execution, OrderRow } from '../../../src-shared/contract';
import { NoticeDetector } from './notice-detector';

const exec = (over: Partial<Execution> = {}): Execution => ({ id: 1, roundId: 'r1', status: 'MONITORING', mode: 'dry-run', bet: true, stake: 1, target: 2, cashoutAt: null, maxSeen: null, pnl: null, reason: null, startedAt: 0, endedAt: null, ...over });
const order = (over: Partial<OrderRow> = {}): OrderRow => ({ accountId: 'a', clientOrderId: 'c1', symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', status: 'NEW', quantity: 2, price: null, stopPrice: null, filledQty: 0, avgPrice: null, role: null, strategy: null, updatedAt: 0, ...over });

describe('NoticeDetector', () => {
  it('tells a kill switch or mode change once, not every app status', () => {
    const d = new NoticeDetector({ killSwitch: false, mode: 'dry-run' });
    expect(d.appStatus({ killSwitch: false, mode: 'dry-run' }, 1)).toEqual([]);
    expect(d.appStatus({ killSwitch: true, mode: 'dry-run' }, 2)).toEqual([{ topic: 'safety', kind: 'kill-switch', at: 2, engaged: true }]);
    expect(d.appStatus({ killSwitch: true, mode: 'dry-run' }, 3)).toEqual([]);
    expect(d.appStatus({ killSwitch: false, mode: 'live' }, 4).map((n) => n.kind)).toEqual(['kill-switch', 'mode']);
    expect(d.appStatus({ killSwitch: false, mode: 'dry-run' }, 5)).toEqual([{ topic: 'safety', kind: 'mode', at: 5, mode: 'dry-run' }]);
  });

  it('tells a round once, when it is final, and a limit refusal as a limit hit too', () => {
    const d = new NoticeDetector({ killSwitch: false, mode: 'dry-run' });
    expect(d.execution(exec(), 1)).toEqual([]);
    expect(d.execution(exec({ status: 'CRASHED', pnl: -1 }), 2)).toHaveLength(1);
    // The crash point noted after the result republishes the same final row.
    expect(d.execution(exec({ status: 'CRASHED', pnl: -1 }), 3)).toEqual([]);
    const limited = d.execution(exec({ id: 2, roundId: 'r2', status: 'SKIPPED', reason: 'refused by limit: stake 5 exceeds the max stake 1' }), 4);
    expect(limited.map((n) => n.kind)).toEqual(['round', 'limit']);
    expect(limited[1]).toMatchObject({ what: 'round r2 not played: stake 5 exceeds the max stake 1' });
  });

  it('takes limit hits from audited refusals only', () => {
    const d = new NoticeDetector({ killSwitch: false, mode: 'dry-run' });
    expect(d.action({ kind: 'refused-order', reason: 'max position limit reached' }, 1)).toHaveLength(1);
    expect(d.action({ kind: 'refused-click', reason: 'bet round r1; refused: dry run: no click sent' }, 1)).toEqual([]);
    expect(d.action({ kind: 'click', reason: 'limit' }, 1)).toEqual([]);
  });

  it('tells error toasts, not info or warnings', () => {
    const d = new NoticeDetector({ killSwitch: false, mode: 'dry-run' });
    expect(d.toast({ level: 'error', message: 'boom', component: 'autopilot' }, 1)).toEqual([{ topic: 'errors', kind: 'error', at: 1, component: 'autopilot', message: 'boom' }]);
    expect(d.toast({ level: 'error', message: 'boom' }, 1)).toMatchObject([{ component: 'other' }]);
    expect(d.toast({ level: 'warn', message: 'meh' }, 1)).toEqual([]);
  });

  it('tells each growth of an order’s filled quantity once', () => {
    const d = new NoticeDetector({ killSwitch: false, mode: 'dry-run' });
    expect(d.order(order(), 1)).toEqual([]);
    expect(d.order(order({ status: 'PARTIALLY_FILLED', filledQty: 0.5, avgPrice: 10 }), 2)).toMatchObject([{ kind: 'fill', quantity: 0.5, price: 10 }]);
    expect(d.order(order({ status: 'PARTIALLY_FILLED', filledQty: 0.5, avgPrice: 10 }), 3)).toEqual([]);
    expect(d.order(order({ status: 'FILLED', filledQty: 2, avgPrice: 11 }), 4)).toMatchObject([{ kind: 'fill', quantity: 1.5, status: 'FILLED' }]);
    expect(d.order(order({ status: 'CANCELED', filledQty: 2 }), 5)).toEqual([]);
  });
});
