// Runs in: renderer. The strategy picker of the run and optimize forms, with the chosen one's description.
import type { BacktestStrategyInfo } from '../../../../src-shared/contract';

export function StrategySelect({ id, strategies, value, onChange }: { id: string; strategies: readonly BacktestStrategyInfo[]; value: BacktestStrategyInfo | undefined; onChange(name: string): void }) {
  return (
    <div className="field wide">
      <label htmlFor={id}>Strategy</label>
      <select id={id} value={value?.name ?? ''} onChange={(e) => onChange(e.target.value)}>
        {strategies.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
          </option>
        ))}
      </select>
      {value && <span className="muted small">{value.description}</span>}
    </div>
  );
}
