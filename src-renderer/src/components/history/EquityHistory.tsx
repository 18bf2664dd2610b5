// Runs in: renderer. Recorded equity of one scope (the autopilot's P&L or an account) over the session, today or all time.
import { useEffect, useState } from 'react';
import type { EquityPoint, EquityRange } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { call } from '../../store/app-store';
import { EquityChart } from '../autopilot/EquityChart';
import type { ScopeOption } from './history-view';

const RANGES: ReadonlyArray<{ range: EquityRange; label: string }> = [
  { range: 'session', label: 'Session' },
  { range: 'day', label: 'Today' },
  { range: 'all', label: 'All time' },
];
/** Snapshots are written per round, per closed trade and every few minutes: a refetch per second at most is plenty. */
const REFRESH_MS = 1_000;
const POLL_MS = 30_000;

export function EquityHistory({ scopes, testId, relativeToStart = false }: { scopes: readonly ScopeOption[]; testId: string; relativeToStart?: boolean }) {
  const transport = useTransport();
  const [chosen, setChosen] = useState<string | null>(null);
  const [range, setRange] = useState<EquityRange>('all');
  const [points, setPoints] = useState<EquityPoint[]>([]);
  const scope = scopes.find((s) => s.scope === chosen)?.scope ?? scopes[0]?.scope ?? null;

  useEffect(() => {
    if (!scope) return;
    let live = true;
    let queued: ReturnType<typeof setTimeout> | null = null;
    const load = () => void call(transport.calls.history.equity({ scope, range })).then((h) => live && h && setPoints(h.points));
    const soon = () => (queued ??= setTimeout(() => ((queued = null), load()), REFRESH_MS));
    load();
    const poll = setInterval(load, POLL_MS);
    const offs = [transport.on('pnl.updated', soon), transport.on('markets.changed', soon)];
    return () => {
      live = false;
      clearInterval(poll);
      if (queued) clearTimeout(queued);
      for (const off of offs) off();
    };
  }, [transport, scope, range]);

  if (!scope) return null;
  const first = points[0]?.equity ?? 0;
  return (
    <div className="equity-history" data-testid={testId}>
      <div className="toolbar">
        <label className="field">
          <span>Equity history</span>
          <select value={scope} onChange={(e) => setChosen(e.target.value)} aria-label="Equity history of">
            {scopes.map((s) => (
              <option key={s.scope} value={s.scope}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="group" aria-label="Equity history range">
          {RANGES.map((r) => (
            <button key={r.range} type="button" aria-pressed={range === r.range} onClick={() => setRange(r.range)}>
              {r.label}
            </button>
          ))}
        </div>
      </div>
      {points.length === 0 ? <p className="empty">No equity recorded here yet: a snapshot is taken after every round played, every closed trade and every few minutes.</p> : <EquityChart equity={points} baseline={relativeToStart ? first : 0} testId={`${testId}-chart`} />}
    </div>
  );
}
