// Runs in: renderer. One click point (Bet, Cash out, Stake input) as a crosshair: drag or arrow keys to move.
import type { Point } from '../../../src-shared/contract';
import { toCss, type SurfaceMap } from './geometry';

interface Props {
  id: string;
  label: string;
  point: Point;
  map: SurfaceMap;
  selected: boolean;
  onGrab(event: React.PointerEvent): void;
  onSelect(): void;
  onKeyDown(event: React.KeyboardEvent): void;
}

export function PointMarker({ id, label, point, map, selected, onGrab, onSelect, onKeyDown }: Props) {
  const css = toCss(map, point);
  return (
    <div
      className={`point-marker point-${id}${selected ? ' selected' : ''}`}
      style={{ left: css.x, top: css.y }}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${label}: ${point.x}, ${point.y} px. Arrows move, Shift for 10 px.`}
      data-testid={`point-${id}`}
      onFocus={onSelect}
      onKeyDown={onKeyDown}
      onPointerDown={onGrab}
    >
      <span className="point-label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
