// Runs in: anywhere (pure). Whether a calibrated profile still fits the current display layout (BRIEF §4: re-check on
// display-metrics-changed): a scaling or resolution change moves every pixel under the regions and click points.
import { checkStoredRegion, type DisplayInfo, type Rect } from './dip-physical';

/** The parts of a game profile v1 this needs; coordinates are physical pixels of that display. */
export interface ProfileLayout {
  display: { id: string; scaleFactor: number };
  regions: { multiplier: Rect; balance?: Rect };
  points: Record<string, { x: number; y: number } | undefined>;
}

/** The first reason the profile no longer fits, or null. */
export function profileLayoutProblem(profile: ProfileLayout, displays: readonly DisplayInfo[]): string | null {
  const stored = (rect: Rect) => ({ displayId: profile.display.id, scaleFactor: profile.display.scaleFactor, rect });
  const areas: Array<[string, Rect]> = [['multiplier region', profile.regions.multiplier]];
  if (profile.regions.balance) areas.push(['balance region', profile.regions.balance]);
  for (const [name, p] of Object.entries(profile.points)) if (p) areas.push([`${name} point`, { x: p.x, y: p.y, width: 1, height: 1 }]);
  for (const [name, rect] of areas) {
    const check = checkStoredRegion(stored(rect), displays);
    if (!check.ok) return check.reason.startsWith('region lies outside') ? `the ${name} ${check.reason.slice('region '.length)}` : check.reason;
  }
  return null;
}
