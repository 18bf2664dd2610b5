// Runs in: renderer. Saved game profiles: make one active, export, import, delete; Calibrate can also open one for editing.
import { useRef, useState } from 'react';
import type { GameProfile } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { call, useAppStore } from '../store/app-store';
import { refreshProfiles, useProfilesStore } from '../store/profiles-store';

function download(name: string, json: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[^\w.-]+/g, '_')}.profile.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ProfilesPanel({ onEdit }: { onEdit?: (profile: GameProfile) => void }) {
  const transport = useTransport();
  const { calls } = transport;
  const profiles = useProfilesStore((s) => s.profiles);
  const active = useAppStore((s) => s.settings?.activeProfile ?? null);
  const pushToast = useAppStore((s) => s.pushToast);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    const profile = await call(calls.profiles.importJson({ json: await file.text() }));
    if (profile) pushToast({ level: 'info', message: `Imported profile “${profile.name}”.` });
    await refreshProfiles(transport);
  };

  return (
    <section className="panel" aria-labelledby="profiles-h">
      <h2 id="profiles-h">Game profiles</h2>
      <ul className="profiles" data-testid="profiles">
        {profiles.map((p) => (
          <li key={p.name} data-profile={p.name}>
            <div className="profile-name">
              {p.name}
              {active === p.name && <span className="chip up">★ active</span>}
              <span className="muted small">
                {' '}
                display {p.display.id} · {p.display.scaleFactor * 100}%
              </span>
            </div>
            <div className="row">
              {onEdit && (
                <button type="button" onClick={() => onEdit(p)} aria-label={`Edit ${p.name}`}>
                  Edit
                </button>
              )}
              <button type="button" disabled={active === p.name} onClick={() => void call(calls.settings.update({ activeProfile: p.name }))} aria-label={`Make ${p.name} active`}>
                Make active
              </button>
              <button
                type="button"
                onClick={async () => {
                  const out = await call(calls.profiles.exportJson({ name: p.name }));
                  if (out) download(p.name, out.json);
                }}
                aria-label={`Export ${p.name}`}
              >
                Export
              </button>
              {confirmDelete === p.name ? (
                <button
                  type="button"
                  className="danger"
                  onClick={async () => {
                    setConfirmDelete(null);
                    await call(calls.profiles.remove({ name: p.name }));
                    if (active === p.name) await call(calls.settings.update({ activeProfile: null }));
                    await refreshProfiles(transport);
                  }}
                  aria-label={`Confirm delete ${p.name}`}
                >
                  Confirm delete
                </button>
              ) : (
                <button type="button" onClick={() => setConfirmDelete(p.name)} aria-label={`Delete ${p.name}`}>
                  Delete
                </button>
              )}
            </div>
          </li>
        ))}
        {profiles.length === 0 && <li className="muted">No profiles yet. Calibrate one, or import a JSON file.</li>}
      </ul>
      <div className="row">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Import profile JSON"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
    </section>
  );
}
