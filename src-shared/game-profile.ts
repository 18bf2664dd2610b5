// Runs in: renderer and engine.
import { z } from 'zod';

/** Physical pixels relative to the top-left of the profile's display, so a profile survives rearranging monitors. */
export const Rect = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });
export type Rect = z.infer<typeof Rect>;
export const Point = z.object({ x: z.number().int(), y: z.number().int() });
export type Point = z.infer<typeof Point>;

export const MIN_REGION = { width: 24, height: 10 } as const;

/** Game profile v1 (BRIEF §2): importable and exportable as JSON. */
export const GameProfile = z
  .object({
    version: z.literal(1),
    name: z.string().trim().min(1).max(80),
    display: z.object({ id: z.union([z.string(), z.number()]).transform(String), scaleFactor: z.number().positive().max(8) }),
    regions: z.object({ multiplier: Rect, balance: Rect.optional() }),
    // autoCashoutInput extends v1 without breaking it: BRIEF §3 prefers the game's own auto cash-out to an OCR click.
    points: z.object({ bet: Point, cashout: Point, stakeInput: Point.optional(), autoCashoutInput: Point.optional() }),
  })
  .strict();
export type GameProfile = z.infer<typeof GameProfile>;

export interface DisplayBounds {
  id: string;
  /** Physical pixels in the virtual screen; secondary displays may have negative origins. */
  bounds: Rect;
  scaleFactor: number;
}

/** A profile's regions and points in global screen coordinates, for capture and clicks. */
export function profileOnScreen(profile: GameProfile, display: DisplayBounds): GameProfile {
  const dx = display.bounds.x;
  const dy = display.bounds.y;
  const rect = (r: Rect): Rect => ({ ...r, x: r.x + dx, y: r.y + dy });
  const point = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  return {
    ...profile,
    regions: { multiplier: rect(profile.regions.multiplier), ...(profile.regions.balance ? { balance: rect(profile.regions.balance) } : {}) },
    points: {
      bet: point(profile.points.bet),
      cashout: point(profile.points.cashout),
      ...(profile.points.stakeInput ? { stakeInput: point(profile.points.stakeInput) } : {}),
      ...(profile.points.autoCashoutInput ? { autoCashoutInput: point(profile.points.autoCashoutInput) } : {}),
    },
  };
}

const inside = (p: Point, r: Rect) => p.x >= r.x && p.y >= r.y && p.x < r.x + r.width && p.y < r.y + r.height;
const within = (inner: Rect, outer: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The calibration rules: the top failure of crash bots is a wrong region, so a profile that breaks one is never saved. */
export function profileProblems(profile: GameProfile, displays: readonly DisplayBounds[]): string[] {
  const problems: string[] = [];
  const found = displays.find((d) => d.id === profile.display.id);
  // Profile coordinates are relative to the display, so check them against its size at the origin.
  const display = found && { ...found, bounds: { x: 0, y: 0, width: found.bounds.width, height: found.bounds.height } };
  for (const [name, region] of Object.entries(profile.regions)) {
    if (!region) continue;
    if (region.width < MIN_REGION.width || region.height < MIN_REGION.height) problems.push(`The ${name} region is smaller than ${MIN_REGION.width}×${MIN_REGION.height} px.`);
    if (display && !within(region, display.bounds)) problems.push(`The ${name} region is not inside display ${display.id}.`);
  }
  for (const [name, point] of Object.entries(profile.points)) {
    if (!point) continue;
    if (display && !inside(point, display.bounds)) problems.push(`The ${name} point is not on display ${display.id}.`);
    if (inside(point, profile.regions.multiplier)) problems.push(`The ${name} point is inside the multiplier region: clicking there would hide the reading.`);
  }
  if (!display && displays.length > 0) problems.push(`Display ${profile.display.id} is not connected.`);
  else if (display && Math.abs(display.scaleFactor - profile.display.scaleFactor) > 1e-6) {
    problems.push(`Display ${display.id} is now at ${display.scaleFactor * 100}% scaling, the profile was calibrated at ${profile.display.scaleFactor * 100}%: recalibrate.`);
  }
  return problems;
}
