// Runs in: renderer. What the autopilot is connected to, which profile it uses, and Start/Stop.
import { useTransport } from '../../api/client-context';
import { formatMultiplier } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { call, useAppStore } from '../../store/app-store';
import { useAutopilotStore } from '../../store/autopilot-store';
import { useProfilesStore } from '../../store/profiles-store';

const SOURCE_LABELS = { idle: 'idle', connecting: 'connecting…', open: 'connected', reconnecting: 'reconnecting…', closed: 'closed' } as const;

function age(now: number, at: number | null): string {
  if (at === null) return 'no message yet';
  const s = Math.max(0, Math.round((now - at) / 1000));
  return s < 60 ? `last message ${s} s ago` : `last message ${Math.round(s / 60)} min ago`;
}

export function AutopilotControls() {
  const { calls } = useTransport();
  const state = useAutopilotStore((s) => s.state);
  const settings = useAppStore((s) => s.settings);
  const setView = useAppStore((s) => s.setView);
  const profiles = useProfilesStore((s) => s.profiles);
  const killSwitch = useAppStore((s) => s.status?.killSwitch ?? false);
  // Every recorded signal was a message from the source, whichever the source reported last.
  const lastSignalAt = useAutopilotStore((s) => s.signals[0]?.receivedAt ?? null);
  const now = useNow();
  const source = state?.source;
  const activeProfile = state?.running ? state.profile : (settings?.activeProfile ?? null);

  return (
    <section className="panel controls" aria-labelledby="autopilot-h">
      <h2 id="autopilot-h">Autopilot</h2>
      <div className={`source ${source?.state ?? 'idle'}`} role="status" aria-live="polite" data-testid="signal-source">
        <span className="dot" aria-hidden="true" />
        Signal source: {source ? SOURCE_LABELS[source.state] : 'unknown'}
        {source?.url ? <code title={source.url}>{source.url}</code> : null}
        {source && source.state !== 'idle' && <span className="muted">{age(now, Math.max(source.lastMessageAt ?? 0, lastSignalAt ?? 0) || null)}</span>}
        {source && source.reconnects > 0 && <span className="muted">{source.reconnects} reconnects</span>}
        {source?.detail && <span className="muted">{source.detail}</span>}
      </div>
      <label className="inline">
        Profile
        <select
          value={activeProfile ?? ''}
          disabled={state?.running}
          onChange={(e) => void call(calls.settings.update({ activeProfile: e.target.value || null }))}
        >
          <option value="">(none)</option>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
          {activeProfile && !profiles.some((p) => p.name === activeProfile) && <option value={activeProfile}>{activeProfile}</option>}
        </select>
      </label>
      <button type="button" onClick={() => setView('calibrate')}>
        Calibrate…
      </button>
      <span className="muted" data-testid="autopilot-running">
        {state?.running ? `Running · queue ${state.queueLength}` : state?.stopping ? 'Stopping' : 'Stopped'}
        {state?.current ? ` · round ${state.current.roundId} → ${formatMultiplier(state.current.target)}` : ''}
      </span>
      {state?.running && (
        <span className={state.game ? 'chip warn' : 'chip up'} role="status" data-testid="autopilot-game">
          {state.game ? `Not betting: ${state.game}` : 'Game learned: ready to bet'}
        </span>
      )}
      {state?.stopping && (
        <span className="chip warn" role="status" data-testid="autopilot-stopping">
          {state.stopping}
        </span>
      )}
      {killSwitch && state?.running && (
        <span className="chip warn" role="status">
          <span aria-hidden="true">⊘</span> Kill switch engaged: every signal is skipped
        </span>
      )}
      <div className="controls-actions">
        <button type="button" className="primary" disabled={!state || state.running || !!state.stopping} onClick={() => void call(calls.autopilot.start(activeProfile ? { profile: activeProfile } : {}))}>
          Start autopilot
        </button>
        <button type="button" disabled={!state?.running} onClick={() => void call(calls.autopilot.stop())}>
          Stop autopilot
        </button>
      </div>
    </section>
  );
}
