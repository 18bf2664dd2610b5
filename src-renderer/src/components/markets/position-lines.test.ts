import { describe, expect, it } from 'vitest';
import type { PositionRow } from '../../../../src-shared/contract';
import { positionLines } from './position-lines';

const pos = (symbol: string, stopPrice: number | null, takeProfits: number[]): PositionRow => ({ accountId: 'a', symbol, side: 'LONG', quantity: 1, entryPrice: 100, markPrice: 101, unrealizedPnl: 1, stopPrice, takeProfits, strategy: 's' });

describe('positionLines', () => {
  it('draws entry, stop and each target of the charted symbol only', () => {
    expect(positionLines([pos('BTCUSDT', 85, [130, 175]), pos('ETHUSDT', 1, [])], 'BTCUSDT')).toEqual([
      { kind: 'entry', price: 100, label: 'Entry long' },
      { kind: 'sl', price: 85, label: 'SL' },
      { kind: 'tp', price: 130, label: 'TP1' },
      { kind: 'tp', price: 175, label: 'TP2' },
    ]);
    expect(positionLines([pos('BTCUSDT', null, [])], 'BTCUSDT')).toEqual([{ kind: 'entry', price: 100, label: 'Entry long' }]);
    expect(positionLines([pos('BTCUSDT', 85, [])], undefined)).toEqual([]);
  });
});
