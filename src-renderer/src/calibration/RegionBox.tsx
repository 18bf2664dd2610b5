// Runs in: renderer. One region on the editor surface: drag the body to move, a handle to resize, arrows to nudge.
import type { Rect } from '../../../src-shared/contract';
import { rectToCss, RESIZE_HANDLES, type Handle, type SurfaceMap } from './geometry';

interface Props {
  id: string;
  label: string;
  rect: Rect;
  map: SurfaceMap;
  selected: boolean;
  onGrab(handle: Handle, event: React.PointerEvent): void;
  onSelect(): void;
  onKeyDown(event: React.KeyboardEvent): void;
}

export function RegionBox({ id, label, rect, map, selected, onGrab, onSelect, onKeyDown }: Props) {
  const css = rectToCss(map, rect);
  return (
    <div
      className={`region-box region-${id}${selected ? ' selected' : ''}`}
      style={{ left: css.x, top: css.y, width: css.width, height: css.height }}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${label}: ${rect.x}, ${rect.y}, ${rect.width} × ${rect.height} px. Arrows move, Shift for 10 px, Alt+arrows resize.`}
      data-testid={`region-${id}`}
      onFocus={onSelect}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => onGrab('move', e)}
    >
      <span className="region-label" aria-hidden="true">
        {label}
      </span>
      {selected &&
        RESIZE_HANDLES.map((h) => (
          <span
            key={h}
            className={`handle handle-${h}`}
            data-handle={h}
            aria-hidden="true"
            onPointerDown={(e) => {
              e.stopPropagation();
              onGrab(h, e);
            }}
          />
        ))}
    </div>
  );
}
