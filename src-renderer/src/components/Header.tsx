// Runs in: renderer. Always visible: connection, dry-run/live, strategy toggles and the kill switch.
import { useState } from 'react';
import { ARM_LIVE_PHRASE } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { call, useAppStore } from '../store/app-store';
import { ArmLiveDialog } from './ArmLiveDialog';
import { ConnectionBadge } from './ConnectionBadge';

export function Header() {
  const { calls } = useTransport();
  const status = useAppStore((s) => s.status);
  const [confirming, setConfirming] = useState(false);
  const live = status?.mode === 'live';

  return (
    <header className="header">
      <div className="brand">Trading Cockpit</div>
      <ConnectionBadge />
      {status && (
        <>
          <button
            className={live ? 'mode-switch live' : 'mode-switch'}
            aria-pressed={live}
            disabled={status.killSwitch && !live}
            onClick={() => (live ? void call(calls.app.setMode({ mode: 'dry-run' })) : setConfirming(true))}
          >
            {live ? '● LIVE: real money' : '○ Dry run'}
          </button>
          <div className="toggles" role="group" aria-label="Strategies">
            {status.strategies.map((s) => (
              <label key={s.id} className="toggle">
                <input type="checkbox" checked={s.enabled} onChange={(e) => void call(calls.app.setStrategyEnabled({ id: s.id, enabled: e.target.checked }))} />
                {s.label}
              </label>
            ))}
          </div>
          <button
            className={status.killSwitch ? 'kill-switch engaged' : 'kill-switch'}
            aria-pressed={status.killSwitch}
            onClick={() => void call(calls.app.setKillSwitch({ engaged: !status.killSwitch }))}
          >
            {status.killSwitch ? 'Kill switch engaged (release)' : 'Kill switch'}
          </button>
          {status.killSwitchNotSaved && (
            <span className="kill-switch-not-saved" role="alert">
              Kill switch engaged but NOT saved: it will be released by a restart
            </span>
          )}
        </>
      )}
      {confirming && (
        <ArmLiveDialog
          phrase={ARM_LIVE_PHRASE}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void call(calls.app.setMode({ mode: 'live', confirm: ARM_LIVE_PHRASE }));
          }}
        />
      )}
    </header>
  );
}
