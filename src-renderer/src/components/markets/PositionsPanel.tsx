// Runs in: renderer. Open positions folded from the recorded fills, marked at the last close, with the strategy's stop and targets.
import type { PositionRow } from '../../../../src-shared/contract';
import { signedMoney } from '../../lib/format';
import { TablePanel, type Column } from '../TablePanel';
import { fmtNum } from './num';

const COLUMNS: readonly Column[] = [
  { label: 'Symbol' },
  { label: 'Side' },
  { label: 'Qty', className: 'num' },
  { label: 'Entry', className: 'num' },
  { label: 'Mark', className: 'num' },
  { label: 'Unrealized', className: 'num' },
  { label: 'Stop', className: 'num' },
];

export function PositionsPanel({ positions }: { positions: readonly PositionRow[] }) {
  return (
    <TablePanel titleId="positions-title" title="Positions" empty={positions.length === 0 ? 'No open positions.' : null} columns={COLUMNS} testId="positions-table">
      {positions.map((p) => {
        const u = p.unrealizedPnl === null ? null : signedMoney(p.unrealizedPnl);
        return (
          <tr key={`${p.accountId}/${p.symbol}`} title={p.strategy ? `held by ${p.strategy}` : undefined}>
            <td>{p.symbol}</td>
            <td>{p.side}</td>
            <td className="num">{fmtNum(p.quantity)}</td>
            <td className="num">{fmtNum(p.entryPrice, 2)}</td>
            <td className="num">{fmtNum(p.markPrice, 2)}</td>
            <td className={`num ${u?.tone ?? ''}`}>{u ? `${u.icon} ${u.text}` : '—'}</td>
            <td className="num">{fmtNum(p.stopPrice, 2)}</td>
          </tr>
        );
      })}
    </TablePanel>
  );
}
