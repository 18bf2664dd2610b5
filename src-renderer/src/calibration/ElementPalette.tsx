// Runs in: renderer. The regions and points of a profile: draw or place each, test the clicks, see the OCR readouts.
import { useTransport } from '../api/client-context';
import { call } from '../store/app-store';
import { ELEMENTS, isRegionKey, useCalibrationStore, type PointKey } from '../store/calibration-store';
import { RegionReadout } from './RegionReadout';

export function ElementPalette() {
  const { calls } = useTransport();
  const { draft, selected, tool, arm, select, remove, showTestClick } = useCalibrationStore();

  const testClick = async (key: PointKey, label: string) => {
    const point = draft.points[key];
    if (!point) return;
    const result = await call(calls.calibration.testClick({ point, label }));
    if (result) showTestClick({ point, label, clicked: result.clicked, reason: result.reason });
  };

  return (
    <ul className="palette" aria-label="Regions and points">
      {ELEMENTS.map((e) => {
        const region = isRegionKey(e.key) ? draft.regions[e.key] : undefined;
        const point = isRegionKey(e.key) ? undefined : draft.points[e.key as PointKey];
        const placed = region ?? point;
        return (
          <li key={e.key} className={selected === e.key ? 'selected' : undefined} data-testid={`element-${e.key}`}>
            <div className="palette-head">
              <span className="palette-name">
                {e.label}
                {!e.required && <span className="muted"> (optional)</span>}
              </span>
              <span className="muted small">{region ? `${region.x}, ${region.y} · ${region.width}×${region.height}` : point ? `${point.x}, ${point.y}` : 'not set'}</span>
            </div>
            <div className="row">
              <button
                type="button"
                aria-pressed={tool === e.key}
                aria-label={`${e.kind === 'region' ? 'Draw' : 'Place'} ${e.label.toLowerCase()}`}
                onClick={() => arm(tool === e.key ? null : e.key)}
              >
                {e.kind === 'region' ? 'Draw' : 'Place'}
              </button>
              {placed && (
                <button
                  type="button"
                  onClick={() => {
                    select(e.key);
                    // Focus the shape itself so the arrow keys nudge it.
                    document.querySelector<HTMLElement>(`[data-testid="${region ? 'region' : 'point'}-${e.key}"]`)?.focus();
                  }}
                  aria-label={`Select ${e.label.toLowerCase()}`}>
                  Select
                </button>
              )}
              {point && (
                <button type="button" onClick={() => void testClick(e.key as PointKey, e.label.replace(/ point$/, ''))} aria-label={`Test click ${e.label.toLowerCase()}`}>
                  Test click
                </button>
              )}
              {placed && (
                <button type="button" onClick={() => remove(e.key)} aria-label={`Clear ${e.label.toLowerCase()}`}>
                  Clear
                </button>
              )}
            </div>
            {region && <RegionReadout id={e.key} region={region} kind={e.key === 'balance' ? 'amount' : 'multiplier'} />}
          </li>
        );
      })}
    </ul>
  );
}
