// Runs in: renderer. A signed amount: ▲ +12.50 / ▼ −3.00, readable without colour.
import { signedMoney } from '../../lib/format';

export function PnlFigure({ label, value }: { label: string; value: number | null | undefined }) {
  const money = value == null ? null : signedMoney(value);
  return (
    <div className="figure">
      <div className="figure-label">{label}</div>
      {money ? (
        <div className={`figure-value ${money.tone}`} data-value={value}>
          <span aria-hidden="true">{money.icon}</span> {money.text}
        </div>
      ) : (
        <div className="figure-value flat">—</div>
      )}
    </div>
  );
}
