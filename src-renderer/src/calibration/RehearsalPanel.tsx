// Runs in: renderer. Rehearse: the autopilot watches the game for a few rounds without clicking and says whether it
// can tell betting, flight and crash apart. Live mode stays off for a profile until this says ready.
import { useState } from 'react';
import { useTransport } from '../api/client-context';
import { call, useAppStore } from '../store/app-store';
import { useProfilesStore } from '../store/profiles-store';
import { useRehearsalStore } from '../store/rehearsal-store';

const rateText = (rate: number | null) => (rate === null ? '—' : `${(rate * 1000).toFixed(3)}/s`);

export function RehearsalPanel() {
  const { calls } = useTransport();
  const profiles = useProfilesStore((s) => s.profiles);
  const active = useAppStore((s) => s.settings?.activeProfile ?? null);
  const report = useRehearsalStore((s) => s.report);
  const [chosen, setChosen] = useState<string | null>(null);
  const profile = chosen ?? active ?? profiles[0]?.name ?? null;

  return (
    <section className="panel" aria-labelledby="rehearse-h">
      <h2 id="rehearse-h">Rehearse</h2>
      <p className="hint">Watches three rounds without clicking, learns how this game shows betting, flight and crash, and says whether the autopilot may bet on it.</p>
      <div className="row">
        <select aria-label="Profile to rehearse" value={profile ?? ''} onChange={(e) => setChosen(e.target.value || null)}>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={!profile || report?.running} onClick={() => profile && void call(calls.autopilot.rehearse({ profile, rounds: 3 }))}>
          Rehearse
        </button>
      </div>
      {report && (
        <div data-testid="rehearsal">
          <p role="status" data-testid="rehearsal-verdict" className={report.ready ? 'ok' : report.running ? 'muted' : 'problems'}>
            {report.running ? `Watching “${report.profile}”: ${report.rounds.length} of ${report.roundsWanted} rounds…` : `“${report.profile}”: ${report.verdict}`}
          </p>
          {report.rounds.length > 0 && (
            <table className="small">
              <thead>
                <tr>
                  <th>Round</th>
                  <th>Phases seen (ms)</th>
                  <th>Crash</th>
                  <th>Growth</th>
                </tr>
              </thead>
              <tbody>
                {report.rounds.map((r) => (
                  <tr key={r.round}>
                    <td>
                      {r.round}
                      {r.whole ? '' : ' (joined)'}
                    </td>
                    <td>{r.timeline.map((m) => `${m.phase} ${m.t}`).join(' → ')}</td>
                    <td>{r.crashValue === null ? '—' : `${r.crashValue}x (${r.crashReason})`}</td>
                    <td>{rateText(r.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
