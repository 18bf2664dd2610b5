// Runs in: renderer. The last crash points as chips and their distribution.
import { useMemo } from 'react';
import { formatMultiplier } from '../../lib/format';
import { CRASH_BUCKETS as BUCKETS, crashHistogram as histogram, crashTier as tier } from '../../lib/histogram';
import { useAutopilotStore } from '../../store/autopilot-store';

const CHIPS_SHOWN = 30;

export function RoundHistory() {
  const history = useAutopilotStore((s) => s.history);
  const counts = useMemo(() => histogram(history), [history]);
  const max = Math.max(1, ...counts);
  return (
    <div className="history" aria-labelledby="history-h">
      <h3 id="history-h">Round history</h3>
      <ol className="chips" aria-label={`Last ${Math.min(CHIPS_SHOWN, history.length)} crash points, newest first`} data-testid="round-history">
        {history.slice(0, CHIPS_SHOWN).map((m, i) => (
          <li key={`${i}-${m}`} className={`crash-chip ${tier(m)}`}>
            {formatMultiplier(m)}
          </li>
        ))}
        {history.length === 0 && <li className="muted">No rounds yet.</li>}
      </ol>
      <div className="histogram" role="img" aria-label={`Crash points of the last ${history.length} rounds: ${BUCKETS.map((b, i) => `${b.label} ${counts[i]}`).join(', ')}`}>
        {BUCKETS.map((b, i) => (
          <div key={b.label} className="bar-col">
            <div className="bar-track">
              <div className={`bar ${tier(b.below === Infinity ? 10 : b.below - 0.01)}`} style={{ height: `${(counts[i]! / max) * 100}%` }} />
            </div>
            <span className="bar-count">{counts[i]}</span>
            <span className="bar-label">{b.label}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
