// Runs in: renderer. Chart price lines for the open positions on one symbol: entry, stop-loss and take-profit targets.
import type { PositionRow } from '../../../../src-shared/contract';
import type { PriceLineSpec } from '../charts/CandleChart';

export function positionLines(positions: readonly PositionRow[], symbol: string | undefined): PriceLineSpec[] {
  if (!symbol) return [];
  return positions
    .filter((p) => p.symbol === symbol)
    .flatMap((p) => [
      { kind: 'entry' as const, price: p.entryPrice, label: `Entry ${p.side.toLowerCase()}` },
      ...(p.stopPrice !== null ? [{ kind: 'sl' as const, price: p.stopPrice, label: 'SL' }] : []),
      ...p.takeProfits.map((tp, i) => ({ kind: 'tp' as const, price: tp, label: `TP${i + 1}` })),
    ]);
}
