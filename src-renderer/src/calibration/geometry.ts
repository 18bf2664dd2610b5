// Runs in: renderer. Editor geometry: the surface shows a display at some CSS size; profiles store physical pixels.
import type { Point, Rect } from '../../../src-shared/contract';

/** How one editor surface maps to the display: physical = origin + css × physPerCss. */
export interface SurfaceMap {
  originX: number;
  originY: number;
  physPerCss: number;
}

/** A screenshot of `shotWidth` px drawn `renderedWidth` CSS px wide; `scale` maps screenshot px → physical px. */
export function screenshotMap(bounds: Rect, shotWidth: number, renderedWidth: number, scale: number): SurfaceMap {
  return { originX: bounds.x, originY: bounds.y, physPerCss: renderedWidth > 0 ? (scale * shotWidth) / renderedWidth : scale };
}

/** An overlay window covering the display: CSS px are DIPs, one DIP is `scaleFactor` physical px. */
export function overlayMap(bounds: Rect, scaleFactor: number): SurfaceMap {
  return { originX: bounds.x, originY: bounds.y, physPerCss: scaleFactor };
}

export const toPhysical = (m: SurfaceMap, x: number, y: number): Point => ({ x: Math.round(m.originX + x * m.physPerCss), y: Math.round(m.originY + y * m.physPerCss) });
export const toCss = (m: SurfaceMap, p: Point): { x: number; y: number } => ({ x: (p.x - m.originX) / m.physPerCss, y: (p.y - m.originY) / m.physPerCss });
export const rectToCss = (m: SurfaceMap, r: Rect) => ({ ...toCss(m, r), width: r.width / m.physPerCss, height: r.height / m.physPerCss });

/** A rectangle from two corners in any order; at least 1 px each way. */
export function rectFromCorners(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.max(1, Math.abs(b.x - a.x)), height: Math.max(1, Math.abs(b.y - a.y)) };
}

export type Handle = 'move' | 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const RESIZE_HANDLES: readonly Exclude<Handle, 'move'>[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** The rectangle after dragging `handle` by (dx, dy) physical px; dragging an edge past the opposite one flips it. */
export function dragRect(r: Rect, handle: Handle, dx: number, dy: number): Rect {
  if (handle === 'move') return { ...r, x: r.x + dx, y: r.y + dy };
  let left = r.x;
  let top = r.y;
  let right = r.x + r.width;
  let bottom = r.y + r.height;
  if (handle.includes('w')) left += dx;
  if (handle.includes('e')) right += dx;
  if (handle.includes('n')) top += dy;
  if (handle.includes('s')) bottom += dy;
  return rectFromCorners({ x: left, y: top }, { x: right, y: bottom });
}

export const ARROWS: Record<string, { dx: number; dy: number }> = {
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
};

/** Arrow keys: move by 1 px (Shift: 10 px); with Alt they resize from the bottom-right corner instead. */
export function nudgeRect(r: Rect, key: string, shift: boolean, alt: boolean): Rect | null {
  const arrow = ARROWS[key];
  if (!arrow) return null;
  const step = shift ? 10 : 1;
  if (alt) return { ...r, width: Math.max(1, r.width + arrow.dx * step), height: Math.max(1, r.height + arrow.dy * step) };
  return { ...r, x: r.x + arrow.dx * step, y: r.y + arrow.dy * step };
}

export function nudgePoint(p: Point, key: string, shift: boolean): Point | null {
  const arrow = ARROWS[key];
  if (!arrow) return null;
  const step = shift ? 10 : 1;
  return { x: p.x + arrow.dx * step, y: p.y + arrow.dy * step };
}
