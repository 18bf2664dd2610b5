// Runs in: renderer. The one region editor: over a live screenshot (browser) or a transparent overlay window (Electron).
import { useRef } from 'react';
import type { Point, Rect } from '../../../src-shared/contract';
import { ELEMENTS, POINT_KEYS, isRegionKey, useCalibrationStore, type ElementKey, type PointKey, type RegionKey } from '../store/calibration-store';
import { dragRect, nudgePoint, nudgeRect, rectFromCorners, toCss, toPhysical, type Handle, type SurfaceMap } from './geometry';
import { PointMarker } from './PointMarker';
import { RegionBox } from './RegionBox';

const LABELS = Object.fromEntries(ELEMENTS.map((e) => [e.key, e.label.replace(/ (region|point)$/, '')])) as Record<ElementKey, string>;

interface Props {
  map: SurfaceMap | null;
  /** The screenshot, or nothing over a transparent overlay. */
  children?: React.ReactNode;
  className?: string;
}

export function RegionEditor({ map, children, className }: Props) {
  const surface = useRef<HTMLDivElement>(null);
  const { draft, selected, tool, testClick, setRegion, setPoint, select, arm } = useCalibrationStore();

  const local = (e: { clientX: number; clientY: number }) => {
    const box = surface.current!.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  /** Follows the pointer until release, reporting the physical-pixel offset from where it went down. */
  const follow = (e: React.PointerEvent, onDelta: (dx: number, dy: number, at: Point) => void, onEnd?: () => void) => {
    if (!map) return;
    e.preventDefault();
    const el = surface.current!;
    el.setPointerCapture(e.pointerId);
    const start = local(e);
    const move = (ev: PointerEvent) => {
      const now = local(ev);
      onDelta(Math.round((now.x - start.x) * map.physPerCss), Math.round((now.y - start.y) * map.physPerCss), toPhysical(map, now.x, now.y));
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      onEnd?.();
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  const onSurfaceDown = (e: React.PointerEvent) => {
    if (!map || e.button !== 0) return;
    const at = local(e);
    const anchor = toPhysical(map, at.x, at.y);
    if (tool && isRegionKey(tool)) {
      const key = tool;
      setRegion(key, rectFromCorners(anchor, { x: anchor.x + 1, y: anchor.y + 1 }));
      follow(e, (_dx, _dy, now) => setRegion(key, rectFromCorners(anchor, now)), () => {
        arm(null);
        select(key);
      });
    } else if (tool) {
      setPoint(tool as PointKey, anchor);
      arm(null);
      select(tool);
    } else {
      select(null);
    }
  };

  const grabRegion = (key: RegionKey, rect: Rect) => (handle: Handle, e: React.PointerEvent) => {
    e.stopPropagation();
    select(key);
    follow(e, (dx, dy) => setRegion(key, dragRect(rect, handle, dx, dy)));
  };
  const grabPoint = (key: PointKey, point: Point) => (e: React.PointerEvent) => {
    e.stopPropagation();
    select(key);
    follow(e, (dx, dy) => setPoint(key, { x: point.x + dx, y: point.y + dy }));
  };
  const keyRegion = (key: RegionKey, rect: Rect) => (e: React.KeyboardEvent) => {
    const next = nudgeRect(rect, e.key, e.shiftKey, e.altKey);
    if (!next) return;
    e.preventDefault();
    setRegion(key, next);
  };
  const keyPoint = (key: PointKey, point: Point) => (e: React.KeyboardEvent) => {
    const next = nudgePoint(point, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    setPoint(key, next);
  };

  const mark = testClick && map ? toCss(map, testClick.point) : null;
  return (
    <div
      ref={surface}
      className={`editor-surface${tool ? ' armed' : ''}${className ? ` ${className}` : ''}`}
      data-testid="editor-surface"
      onPointerDown={onSurfaceDown}
    >
      {children}
      {map &&
        (['multiplier', 'balance'] as const).map((key) => {
          const rect = draft.regions[key];
          return rect ? (
            <RegionBox
              key={key}
              id={key}
              label={LABELS[key]}
              rect={rect}
              map={map}
              selected={selected === key}
              onGrab={grabRegion(key, rect)}
              onSelect={() => select(key)}
              onKeyDown={keyRegion(key, rect)}
            />
          ) : null;
        })}
      {map &&
        POINT_KEYS.map((key) => {
          const point = draft.points[key];
          return point ? (
            <PointMarker
              key={key}
              id={key}
              label={LABELS[key]}
              point={point}
              map={map}
              selected={selected === key}
              onGrab={grabPoint(key, point)}
              onSelect={() => select(key)}
              onKeyDown={keyPoint(key, point)}
            />
          ) : null;
        })}
      {mark && testClick && (
        <div className={`test-click-mark${testClick.clicked ? ' clicked' : ''}`} style={{ left: mark.x, top: mark.y }} data-testid="test-click-mark" aria-hidden="true">
          <span>{testClick.clicked ? `clicked ${testClick.label}` : `would click ${testClick.label}`}</span>
        </div>
      )}
    </div>
  );
}
