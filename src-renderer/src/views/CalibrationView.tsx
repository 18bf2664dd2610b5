// Runs in: renderer. Calibrate a game: regions and points over a live screenshot, or over the game itself in the Electron overlay.
import { useEffect, useState } from 'react';
import type { DisplayInfo } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { ElementPalette } from '../calibration/ElementPalette';
import { overlayMap } from '../calibration/geometry';
import { ProfileForm } from '../calibration/ProfileForm';
import { RegionEditor } from '../calibration/RegionEditor';
import { RehearsalPanel } from '../calibration/RehearsalPanel';
import { ScreenshotEditor } from '../calibration/ScreenshotEditor';
import { ProfilesPanel } from '../components/ProfilesPanel';
import { useAppStore } from '../store/app-store';
import { useCalibrationStore } from '../store/calibration-store';

export function CalibrationView({ overlay = false }: { overlay?: boolean }) {
  const { calls } = useTransport();
  const routeDisplay = useAppStore((s) => s.calibrateDisplay);
  const draftDisplay = useCalibrationStore((s) => s.draft.displayId);
  const setDisplay = useCalibrationStore((s) => s.setDisplay);
  const load = useCalibrationStore((s) => s.load);
  const arm = useCalibrationStore((s) => s.arm);
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  // Without a display the engine answers every screen call with one message: show it here, in place of the editor.
  const [displayError, setDisplayError] = useState<string | null>(null);
  // Asked again on every (re)connect: a call lost with a dropped bridge would leave the editor without a display.
  const connected = useAppStore((s) => s.connection === 'connected');

  useEffect(() => {
    if (!connected) return;
    void calls.calibration.listDisplays().then((result) => {
      if (!result.ok) return setDisplayError(result.error.message);
      const list = result.data;
      setDisplayError(null);
      setDisplays(list);
      const current = useCalibrationStore.getState().draft.displayId;
      const pick = list.find((d) => d.id === routeDisplay) ?? list.find((d) => d.id === current) ?? list.find((d) => d.primary) ?? list[0];
      if (pick) setDisplay(pick);
    });
  }, [calls, connected, routeDisplay, setDisplay]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Escape always gets out: first out of a half-chosen tool, then (overlay) out of calibration.
      if (useCalibrationStore.getState().tool) arm(null);
      else if (overlay) window.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [arm, overlay]);

  const display = displays.find((d) => d.id === draftDisplay) ?? null;

  if (overlay)
    return (
      <div className="overlay-calibration">
        {display && <RegionEditor map={overlayMap(display.bounds, display.scaleFactor)} className="overlay-surface" />}
        <aside className="overlay-toolbar panel" aria-label="Calibration">
          <h2>Calibrate display {display?.id ?? '…'}</h2>
          <ElementPalette />
          <ProfileForm displays={displays} />
          <button type="button" onClick={() => window.close()}>
            Exit calibration (Esc)
          </button>
        </aside>
      </div>
    );

  return (
    <div className="calibration">
      <section className="panel editor-panel" aria-labelledby="calibrate-h">
        <h2 id="calibrate-h">Calibrate</h2>
        <p className="hint">Pick a region or point on the right, then drag (regions) or click (points) on the screenshot. Drag to move, handles to resize, arrow keys to nudge.</p>
        {displayError ? (
          <p className="empty" role="alert" data-testid="calibrate-unavailable">
            {displayError}
          </p>
        ) : draftDisplay ? (
          <ScreenshotEditor displayId={draftDisplay} />
        ) : (
          <p className="empty">Looking for displays…</p>
        )}
      </section>
      <div className="calibration-side">
        <section className="panel" aria-labelledby="elements-h">
          <h2 id="elements-h">Regions and points</h2>
          <ElementPalette />
          <ProfileForm displays={displays} />
        </section>
        <ProfilesPanel onEdit={load} />
        <RehearsalPanel />
      </div>
    </div>
  );
}
