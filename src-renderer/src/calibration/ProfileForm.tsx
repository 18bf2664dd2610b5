// Runs in: renderer. Name, display and Save; the shared profile rules decide whether it can be saved.
import { useMemo } from 'react';
import type { DisplayInfo } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { call, useAppStore } from '../store/app-store';
import { checkDraft, useCalibrationStore } from '../store/calibration-store';
import { refreshProfiles } from '../store/profiles-store';

export function ProfileForm({ displays }: { displays: readonly DisplayInfo[] }) {
  const transport = useTransport();
  const draft = useCalibrationStore((s) => s.draft);
  const setName = useCalibrationStore((s) => s.setName);
  const setDisplay = useCalibrationStore((s) => s.setDisplay);
  const load = useCalibrationStore((s) => s.load);
  const pushToast = useAppStore((s) => s.pushToast);
  const { profile, problems } = useMemo(() => checkDraft(draft, displays), [draft, displays]);

  return (
    <form
      className="profile-form"
      aria-labelledby="profile-form-h"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!profile) return;
        const saved = await call(transport.calls.profiles.save(profile));
        if (saved) pushToast({ level: 'info', message: `Saved profile “${saved.name}”.` });
        await refreshProfiles(transport);
      }}
    >
      <h3 id="profile-form-h">Profile</h3>
      <label>
        Profile name
        <input value={draft.name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Practice game" maxLength={80} />
      </label>
      {displays.length > 1 && (
        <label>
          Display
          <select
            value={draft.displayId ?? ''}
            onChange={(e) => {
              const d = displays.find((x) => x.id === e.target.value);
              if (d) setDisplay(d);
            }}
          >
            {displays.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id}
                {d.primary ? ' (primary)' : ''} · {d.bounds.width}×{d.bounds.height} · {d.scaleFactor * 100}%
              </option>
            ))}
          </select>
        </label>
      )}
      <div role="status" aria-live="polite" data-testid="profile-problems">
        {problems.length > 0 ? (
          <ul className="problems">
            {problems.map((p) => (
              <li key={p}>
                <span aria-hidden="true">⚠ </span>
                {p}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ok">
            <span aria-hidden="true">✔ </span>Ready to save.
          </p>
        )}
      </div>
      <button type="submit" className="primary" disabled={!profile}>
        Save profile
      </button>
      <button
        type="button"
        title="Finds the practice game (opened with ?markers=1) on your screens and fills in its regions and points"
        onClick={async () => {
          const found = await call(transport.calls.calibration.findPracticeGame({}));
          if (found?.profile) load(found.profile);
          if (found) pushToast({ level: found.profile ? 'info' : 'warn', message: found.detail });
        }}
      >
        Find the practice game
      </button>
    </form>
  );
}
