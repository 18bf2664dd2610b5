// Runs in: renderer.
import { useEffect, useState } from 'react';
import type { SafetyLimits } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { NotificationsPanel } from '../components/NotificationsPanel';
import { ProfilesPanel } from '../components/ProfilesPanel';
import { call, useAppStore } from '../store/app-store';

const LIMIT_FIELDS: Array<{ key: keyof SafetyLimits; label: string; step: string }> = [
  { key: 'maxStake', label: 'Max stake per bet', step: '0.01' },
  { key: 'dailyLossLimit', label: 'Daily loss limit', step: '0.01' },
  { key: 'maxConsecutiveLosses', label: 'Max consecutive losses', step: '1' },
  { key: 'maxBetsPerHour', label: 'Max bets per hour', step: '1' },
];

export function SettingsView() {
  const { calls } = useTransport();
  const settings = useAppStore((s) => s.settings);
  const status = useAppStore((s) => s.status);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [limits, setLimits] = useState<SafetyLimits | null>(null);
  const [stake, setStake] = useState('');
  const [equityMinutes, setEquityMinutes] = useState('');
  const [confirmBets, setConfirmBets] = useState('');

  useEffect(() => {
    if (!settings) return;
    setUrl(settings.signalSource.url);
    setLimits(settings.limits);
    setStake(String(settings.defaultStake));
    setEquityMinutes(String(settings.equitySnapshotMinutes));
    setConfirmBets(settings.confirmBetsSeconds === null ? '' : String(settings.confirmBetsSeconds));
  }, [settings]);

  if (!settings || !limits) return <p>Loading settings…</p>;

  return (
    <div className="settings">
      <section className="panel" aria-labelledby="signal-source-h">
        <h2 id="signal-source-h">Signal source</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void call(calls.settings.update({ signalSource: { url } }));
            if (token) void call(calls.settings.setSignalToken({ token })).then(() => setToken(''));
          }}
        >
          <label>
            WebSocket or SSE URL
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="ws://127.0.0.1:8765" />
          </label>
          <label>
            Token {settings.signalSource.hasToken ? '(stored, encrypted)' : '(none)'}
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder={settings.signalSource.hasToken ? '•••••• (leave empty to keep)' : 'optional'} autoComplete="off" />
          </label>
          <div className="row">
            <button type="submit">Save source</button>
            {settings.signalSource.hasToken && (
              <button type="button" onClick={() => void call(calls.settings.setSignalToken({ token: null }))}>
                Forget token
              </button>
            )}
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="limits-h">
        <h2 id="limits-h">Safety limits</h2>
        <p className="hint">Enforced by the engine for every click and order, whichever window or tool asks.</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void call(calls.settings.update({ limits, defaultStake: Number(stake), confirmBetsSeconds: confirmBets.trim() === '' ? null : Number(confirmBets) }));
          }}
        >
          {LIMIT_FIELDS.map((f) => (
            <label key={f.key}>
              {f.label}
              <input type="number" min="0" step={f.step} value={limits[f.key]} onChange={(e) => setLimits({ ...limits, [f.key]: Number(e.target.value) })} />
            </label>
          ))}
          <label>
            Default stake
            <input type="number" min="0" step="0.01" value={stake} onChange={(e) => setStake(e.target.value)} />
          </label>
          <label>
            Confirm each bet within (seconds; empty: no confirmation)
            <input type="number" min="1" max="300" step="1" value={confirmBets} onChange={(e) => setConfirmBets(e.target.value)} placeholder="off" />
          </label>
          <button type="submit">Save limits</button>
        </form>
      </section>
      <ProfilesPanel />
      <NotificationsPanel />
      <section className="panel" aria-labelledby="data-h">
        <h2 id="data-h">Data</h2>
        <p>
          Data folder: <code>{status?.dataDir}</code>
        </p>
        <p className="hint">Change it by starting with <code>--data DIR</code> or <code>COCKPIT_DATA_DIR</code>.</p>
        <p className="hint">
          Session reports go to its <code>reports/</code> folder. Equity is recorded after every round and closed trade, and every few minutes for each account.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void call(calls.settings.update({ equitySnapshotMinutes: Number(equityMinutes) }));
          }}
        >
          <label>
            Equity snapshot every (minutes)
            <input type="number" min="1" max="1440" step="1" value={equityMinutes} onChange={(e) => setEquityMinutes(e.target.value)} />
          </label>
          <button type="submit">Save interval</button>
        </form>
      </section>
    </div>
  );
}
