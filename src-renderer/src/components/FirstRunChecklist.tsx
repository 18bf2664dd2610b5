// Runs in: renderer. The engine's first-run checklist: what still blocks live mode, and the one-click fixes.
import { useCallback, useEffect, useState } from 'react';
import type { FirstRunChecklist as Checklist } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { call } from '../store/app-store';

const ICON = { ok: '✔', 'needs-action': '!', warning: '⚠', pending: '…', failed: '✖', 'not-applicable': '–' } as const;

export function FirstRunChecklist({ onChange }: { onChange?(checklist: Checklist): void }) {
  const { calls } = useTransport();
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const [busy, setBusy] = useState(false);
  const show = useCallback(
    (next: Checklist | undefined) => {
      if (!next) return;
      setChecklist(next);
      onChange?.(next);
    },
    [onChange],
  );
  useEffect(() => {
    void call(calls.system.getFirstRunChecklist()).then(show);
  }, [calls, show]);

  if (!checklist) return <p className="hint">Checking permissions…</p>;
  return (
    <ul className="checklist" aria-label="First-run checklist">
      {checklist.steps.map((step) => (
        <li key={step.id} className={`checklist-step ${step.state}`}>
          <span aria-hidden="true">{ICON[step.state]}</span>
          <span>
            <strong>{step.title}</strong>: {step.detail}
          </span>
          {step.action?.kind === 'run-probe' && (
            <button
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void call(calls.system.runCaptureClickProbe()).then((next) => (show(next), setBusy(false)));
              }}
            >
              {busy ? 'Probing…' : 'Run capture probe'}
            </button>
          )}
          {step.action?.kind === 'open-settings' && <OpenPaneButton pane={step.action.pane} />}
          {step.action?.kind === 'relaunch' && <button onClick={() => void call(calls.system.relaunch())}>Relaunch</button>}
        </li>
      ))}
    </ul>
  );
}

function OpenPaneButton({ pane }: { pane: 'screen-recording' | 'accessibility' }) {
  const { calls } = useTransport();
  return <button onClick={() => void call(calls.system.openPermissionSettings({ pane }))}>Open System Settings</button>;
}
