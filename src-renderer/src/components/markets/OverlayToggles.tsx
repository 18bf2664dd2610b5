// Runs in: renderer. Checkboxes and periods for the indicator overlays (computed engine-side by the same indicators strategies use).
import type { OverlaySetting } from './overlay-settings';

export function OverlayToggles({ value, onChange }: { value: readonly OverlaySetting[]; onChange(v: OverlaySetting[]): void }) {
  const update = (i: number, patch: Partial<OverlaySetting>) => onChange(value.map((s, j) => (i === j ? { ...s, ...patch } : s)));
  return (
    <fieldset className="overlay-toggles">
      <legend>Indicators</legend>
      {value.map((s, i) => (
        <span key={s.id} className="overlay-toggle">
          <label className="inline">
            <input type="checkbox" checked={s.on} onChange={(e) => update(i, { on: e.target.checked })} />
            <span className="swatch" style={{ borderTopColor: s.color, borderTopStyle: 'solid' }} aria-hidden="true" />
            {s.label}
          </label>
          <input type="number" min={1} max={1000} step={1} value={s.period} aria-label={`${s.label} period`} onChange={(e) => update(i, { period: Math.round(Number(e.target.value)) })} />
        </span>
      ))}
    </fieldset>
  );
}
