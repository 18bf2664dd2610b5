// Runs in: renderer. Realized (after fees) and unrealized P&L per account and symbol.
import type { AccountView, SymbolPnl } from '../../../../src-shared/contract';
import { signedMoney } from '../../lib/format';
import { TablePanel, type Column } from '../TablePanel';
import { EquityHistory } from '../history/EquityHistory';
import { accountScopes } from '../history/history-view';

const COLUMNS: readonly Column[] = [
  { label: 'Account' },
  { label: 'Symbol' },
  { label: 'Realized', className: 'num' },
  { label: 'Unrealized', className: 'num' },
  { label: 'Fees', className: 'num' },
  { label: 'Trades', className: 'num' },
];

function Money({ value }: { value: number }) {
  const m = signedMoney(value);
  return (
    <span className={m.tone} aria-label={m.spoken}>
      <span aria-hidden="true">{m.icon}</span> {m.text}
    </span>
  );
}

export function PnlPanel({ pnl, accounts }: { pnl: readonly SymbolPnl[]; accounts: readonly AccountView[] }) {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  return (
    <TablePanel titleId="pnl-title" title="P&L per symbol" empty={pnl.length === 0 ? 'No fills yet.' : null} columns={COLUMNS} testId="pnl-table" footer={<EquityHistory scopes={accountScopes(accounts)} testId="account-equity-history" relativeToStart />}>
      {pnl.map((p) => (
        <tr key={`${p.accountId}/${p.symbol}`}>
          <td>{label(p.accountId)}</td>
          <td>{p.symbol}</td>
          <td className="num">
            <Money value={p.realized} />
          </td>
          <td className="num">
            <Money value={p.unrealized} />
          </td>
          <td className="num">{p.fees.toFixed(2)}</td>
          <td className="num">{p.trades}</td>
        </tr>
      ))}
    </TablePanel>
  );
}
