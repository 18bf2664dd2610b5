// Runs in: anywhere (pure). DIP <-> physical pixel conversion for one display, so OCR regions survive scaling and multi-monitor layouts.

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

/** The part of Electron's `Display` this needs: bounds are DIP, scaleFactor is physical px per DIP. */
export interface DisplayInfo {
  /** String, as in game profiles (Electron gives a number: use String(display.id)). */
  id: string;
  /** DIP, may be negative for a display left of / above the primary one. */
  bounds: Rect;
  scaleFactor: number;
  /** Physical origin of the display in the virtual screen. Defaults to bounds.{x,y} * scaleFactor (macOS/Linux-like layouts). */
  physicalOrigin?: Point;
}

/** A region as stored in a game profile: physical pixels relative to its display, tagged with the display it was drawn on. */
export interface StoredRegion {
  displayId: string;
  scaleFactor: number;
  rect: Rect;
}

function origin(display: DisplayInfo): Point {
  return display.physicalOrigin ?? { x: Math.round(display.bounds.x * display.scaleFactor), y: Math.round(display.bounds.y * display.scaleFactor) };
}

function checkScale(scaleFactor: number): void {
  if (!(scaleFactor > 0) || !Number.isFinite(scaleFactor)) throw new RangeError(`Bad scale factor ${scaleFactor}`);
}

/** A point in global DIP (as the overlay window reports it) to physical pixels relative to the display's top-left. */
export function dipToDisplayPhysical(p: Point, display: DisplayInfo): Point {
  checkScale(display.scaleFactor);
  return { x: Math.round((p.x - display.bounds.x) * display.scaleFactor), y: Math.round((p.y - display.bounds.y) * display.scaleFactor) };
}

/** Physical pixels relative to the display back to global DIP. */
export function displayPhysicalToDip(p: Point, display: DisplayInfo): Point {
  checkScale(display.scaleFactor);
  return { x: display.bounds.x + p.x / display.scaleFactor, y: display.bounds.y + p.y / display.scaleFactor };
}

/** Display-relative physical pixels to virtual-screen physical pixels (what a full-screen grab or SendInput uses). */
export function displayPhysicalToGlobal(p: Point, display: DisplayInfo): Point {
  const o = origin(display);
  return { x: o.x + p.x, y: o.y + p.y };
}

/** Converts a rectangle by its corners, so rounding never shrinks a region by more than one pixel per edge. */
export function dipRectToStored(rect: Rect, display: DisplayInfo): StoredRegion {
  const a = dipToDisplayPhysical(rect, display);
  const b = dipToDisplayPhysical({ x: rect.x + rect.width, y: rect.y + rect.height }, display);
  return { displayId: display.id, scaleFactor: display.scaleFactor, rect: { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y } };
}

export function storedToDipRect(region: StoredRegion, display: DisplayInfo): Rect {
  const a = displayPhysicalToDip(region.rect, display);
  const b = displayPhysicalToDip({ x: region.rect.x + region.rect.width, y: region.rect.y + region.rect.height }, display);
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

export type RegionCheck = { ok: true } | { ok: false; reason: string };

/**
 * A stored region is only usable on the same display at the same scale: after a resolution or scaling change
 * (display-metrics-changed) the pixels under it are different and the user must re-calibrate.
 */
export function checkStoredRegion(region: StoredRegion, displays: readonly DisplayInfo[]): RegionCheck {
  const display = displays.find((d) => d.id === region.displayId);
  if (!display) return { ok: false, reason: `display ${region.displayId} is not connected` };
  if (display.scaleFactor !== region.scaleFactor) {
    return { ok: false, reason: `display ${region.displayId} scaling changed from ${region.scaleFactor * 100}% to ${display.scaleFactor * 100}%` };
  }
  const w = Math.round(display.bounds.width * display.scaleFactor);
  const h = Math.round(display.bounds.height * display.scaleFactor);
  const r = region.rect;
  if (r.x < 0 || r.y < 0 || r.x + r.width > w || r.y + r.height > h) return { ok: false, reason: `region lies outside display ${region.displayId} (${w}x${h} px)` };
  return { ok: true };
}

/** The display whose DIP bounds contain a point, for deciding which overlay a drag belongs to. */
export function displayAt(p: Point, displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  return displays.find((d) => p.x >= d.bounds.x && p.y >= d.bounds.y && p.x < d.bounds.x + d.bounds.width && p.y < d.bounds.y + d.bounds.height);
}

/** Identifies a display layout; a stored probe or region check is void once it changes. */
export function layoutKey(displays: readonly DisplayInfo[]): string {
  return [...displays]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((d) => `${d.id}:${d.bounds.x},${d.bounds.y},${d.bounds.width}x${d.bounds.height}@${d.scaleFactor}`)
    .join('|');
}
