// Runs in: renderer. The search's trials, sortable by any column; choose one to use its parameters.
import { useMemo, useState } from 'react';
import type { OptimizeTrial } from '../../../../src-shared/contract';

type Key = 'index' | 'score' | 'netPnlPct' | 'sharpe' | 'maxDrawdown' | 'trades' | `param:${string}`;

const SHOWN = 200;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

function keyValue(t: OptimizeTrial, key: Key): number | string {
  if (key === 'index') return t.index;
  if (key === 'score') return t.score ?? -Infinity;
  if (key.startsWith('param:')) {
    const v = t.values[key.slice(6)];
    return typeof v === 'number' ? v : JSON.stringify(v);
  }
  const m = t.metrics;
  return m === null ? -Infinity : m[key as 'netPnlPct' | 'sharpe' | 'maxDrawdown' | 'trades'];
}

export function ResultsTable({ trials, params, selected, onSelect }: { trials: readonly OptimizeTrial[]; params: readonly string[]; selected: number | null; onSelect(index: number): void }) {
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'score', desc: true });
  const rows = useMemo(() => {
    const dir = sort.desc ? -1 : 1;
    return [...trials]
      .sort((a, b) => {
        const x = keyValue(a, sort.key);
        const y = keyValue(b, sort.key);
        return (x < y ? -1 : x > y ? 1 : 0) * dir || a.index - b.index;
      })
      .slice(0, SHOWN);
  }, [trials, sort]);
  const header = (key: Key, label: string, num = true) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={num ? 'num' : undefined} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="link" onClick={() => setSort({ key, desc: active ? !sort.desc : key !== 'index' && key !== 'maxDrawdown' })}>
          {label}
          {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };

  return (
    <section className="panel" aria-labelledby="trials-title">
      <div className="panel-head">
        <h2 id="trials-title">Trials</h2>
        <span className="muted small">{trials.length > SHOWN ? `${SHOWN} of ${trials.length} shown, by the chosen column` : `${trials.length} trials`}</span>
      </div>
      <div className="table-scroll">
        <table className="data" data-testid="optimize-trials">
          <thead>
            <tr>
              {header('index', '#')}
              {params.map((p) => header(`param:${p}`, p))}
              {header('score', 'Score')}
              {header('netPnlPct', 'Net')}
              {header('sharpe', 'Sharpe')}
              {header('maxDrawdown', 'Max DD')}
              {header('trades', 'Trades')}
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.index} data-index={t.index} className={t.index === selected ? 'selected' : undefined}>
                <td className="num">
                  <button type="button" className="link" aria-pressed={t.index === selected} onClick={() => onSelect(t.index)} aria-label={`Choose trial ${t.index}`}>
                    {t.index}
                  </button>
                </td>
                {params.map((p) => (
                  <td key={p} className="num">
                    {typeof t.values[p] === 'number' ? String(t.values[p]) : JSON.stringify(t.values[p])}
                  </td>
                ))}
                <td className="num" data-value={t.score ?? ''}>
                  {t.score === null ? (t.error ?? 'failed') : t.score.toFixed(3)}
                </td>
                <td className="num">{t.metrics ? pct(t.metrics.netPnlPct) : '—'}</td>
                <td className="num">{t.metrics ? t.metrics.sharpe.toFixed(2) : '—'}</td>
                <td className="num">{t.metrics ? pct(t.metrics.maxDrawdown) : '—'}</td>
                <td className="num">{t.metrics?.trades ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
