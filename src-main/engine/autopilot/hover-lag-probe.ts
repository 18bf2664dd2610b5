// Runs in: engine. Measures how far the screen runs behind the game without a click, before the first bet.
//
// Reads are dated back by the display lag before the cash-out curve is fitted. Payouts teach it, but only at high
// targets, so a fresh profile used to click late (30 ms at 40 ms of lag) until one had. Moving the pointer onto the
// game's Bet button makes the page repaint it in its hover look on its next frame; the time until a capture shows that
// crosses the path of a read and a click (input delivery, the page's frame, the compositor, the capture). Under Xvfb
// the median of these round trips followed the screen's age within a few ms in each of its frame modes.
import type { Point, Rect } from '../../../src-shared/game-profile';
import { hoverLagMs } from '../../core/crash';
import { samePixels, type RawImage } from '../../core/ocr/raw-image';
import type { ExecutorClock } from './crash-executor';

export interface HoverLagProbeDeps {
  /** Moves the pointer without clicking. */
  movePointer(point: Point): Promise<void>;
  grab(region: Rect): Promise<RawImage>;
  clock: ExecutorClock;
  /**
   * Whether the pointer may move now. Not while the round is crashed: a Bet button that changes look then is what
   * tells the round observer that betting opened.
   */
  mayMove(): boolean;
}

export interface HoverProbePoints {
  /** The Bet button's click point. */
  readonly button: Point;
  /** Where the pointer waits between measurements: off the button, on nothing the probe captures. */
  readonly park: Point;
}

export type HoverProbeResult =
  | { readonly lagMs: number; readonly roundTripsMs: readonly number[] }
  | { readonly lagMs: null; readonly roundTripsMs: readonly number[]; readonly why: string };

/** Round trips wanted: each measurement gives two (onto the button and off it). */
const WANTED = 16;
const MAX_PROBE_MS = 20_000;
/** Longer than any lag a read is dated by (MAX_PLAUSIBLE_LAG_MS is for payouts, which add the game's own delays). */
const CHANGE_TIMEOUT_MS = 150;
/** After the first changed frame, the look must hold for two more frames: an animated hover's first frame can be too faint to see. */
const HOLD_CHECKS_MS = [20, 40];
/** Attempts where the button shows no hover at all before the probe gives up. */
const MAX_NO_HOVER = 3;
const MAX_ANIMATED = 3;
/**
 * The captured box sits up and left of the click point, away from the pointer's arrow (some screens capture the
 * cursor), and small so a poll is cheap.
 */
const BOX = 8;
const BOX_OFFSET = 12;

export function hoverBox(button: Point): Rect {
  return { x: Math.round(button.x - BOX_OFFSET), y: Math.round(button.y - BOX_OFFSET), width: BOX, height: BOX };
}

interface Change {
  readonly ms: number;
  readonly image: RawImage;
  /** The changed look held for the next frames (a stepped hover, not a fade). */
  readonly held: boolean;
}

export class HoverLagProbe {
  constructor(private readonly deps: HoverLagProbeDeps) {}

  /**
   * Measures until enough round trips agree, the button shows no usable hover look, or `signal` aborts (a bet is
   * due). Leaves the pointer resting on the Bet button, so its hover look is the idle look the bet is checked against.
   */
  async run(points: HoverProbePoints, signal: AbortSignal): Promise<HoverProbeResult> {
    const box = hoverBox(points.button);
    const roundTripsMs: number[] = [];
    let why: string | null = null;
    try {
      why = await this.measure(points, box, roundTripsMs, signal);
    } finally {
      if (this.deps.mayMove()) await this.deps.movePointer(points.button);
    }
    const lagMs = hoverLagMs(roundTripsMs);
    return lagMs !== null ? { lagMs, roundTripsMs } : { lagMs, roundTripsMs, why: why ?? 'the round trips were not plausible' };
  }

  /** Adds round trips until enough; returns why it stopped early, if it did. */
  private async measure(points: HoverProbePoints, box: Rect, roundTripsMs: number[], signal: AbortSignal): Promise<string | null> {
    const { clock } = this.deps;
    const started = clock.now();
    let noHover = 0;
    let animated = 0;
    for (let attempt = 0; roundTripsMs.length < WANTED; attempt++) {
      if (signal.aborted) return 'a bet was due before it finished';
      if (clock.now() - started > MAX_PROBE_MS) return 'the button never held still long enough';
      if (!this.deps.mayMove()) {
        await this.pause(50);
        continue;
      }
      await this.deps.movePointer(points.park);
      // A varying pause, so the moves land at every phase of the page's frames.
      await this.pause(40 + ((attempt * 7) % 40));
      const base = await this.deps.grab(box);
      await this.pause(20);
      if (!samePixels(base, await this.deps.grab(box))) {
        await this.pause(200);
        continue;
      }
      const on = await this.timeChange(points.button, box, (image) => !samePixels(image, base), signal);
      if (on === 'interrupted') continue;
      if (on === 'no-change') {
        if (++noHover >= MAX_NO_HOVER && roundTripsMs.length === 0) return 'the Bet button shows no hover look';
        continue;
      }
      const off = await this.timeChange(points.park, box, (image) => !samePixels(image, on.image), signal);
      if (off === 'interrupted') continue;
      // Both ways must be a step, and the button must end as it began: otherwise the round changed its look meanwhile.
      if (!on.held || off === 'no-change' || !off.held) {
        if (++animated >= MAX_ANIMATED && roundTripsMs.length === 0) return 'the Bet button fades into its hover look';
        continue;
      }
      if (samePixels(off.image, base)) roundTripsMs.push(on.ms, off.ms);
    }
    return null;
  }

  /**
   * Moves the pointer and times the first capture that `changed` accepts; each capture is dated when it was asked for.
   * 'interrupted' when the pointer may not move now or a bet is due.
   */
  private async timeChange(to: Point, box: Rect, changed: (image: RawImage) => boolean, signal: AbortSignal): Promise<Change | 'no-change' | 'interrupted'> {
    const { clock } = this.deps;
    if (!this.deps.mayMove() || signal.aborted) return 'interrupted';
    await this.deps.movePointer(to);
    const movedAt = clock.now();
    // The change came after the last capture that did not show it: timed from there, a capture the thread started
    // late (an OCR read in between) can only shorten a round trip, never lengthen it into an early click.
    let unchangedAt = movedAt;
    for (;;) {
      const at = clock.now();
      if (signal.aborted) return 'interrupted';
      if (at - movedAt > CHANGE_TIMEOUT_MS) return 'no-change';
      const image = await this.deps.grab(box);
      if (!changed(image)) {
        unchangedAt = at;
        continue;
      }
      let held = true;
      for (const after of HOLD_CHECKS_MS) {
        await clock.sleepUntil(at + after);
        held &&= samePixels(await this.deps.grab(box), image);
      }
      return { ms: unchangedAt - movedAt, image, held };
    }
  }

  private pause(ms: number): Promise<void> {
    return this.deps.clock.sleepUntil(this.deps.clock.now() + ms);
  }
}

/** Off the button by at least this much, so the parked pointer never hovers it. */
const MIN_PARK_DISTANCE = 40;

/**
 * The probe's points on a profile: the Bet point, and the multiplier region's centre to park on (every profile has
 * one, and a readout has no hover look of its own). Null when the two are too close to tell apart.
 */
export function hoverProbePoints(profile: { readonly regions: { readonly multiplier: Rect }; readonly points: { readonly bet: Point } }): HoverProbePoints | null {
  const { multiplier } = profile.regions;
  const park = { x: Math.round(multiplier.x + multiplier.width / 2), y: Math.round(multiplier.y + multiplier.height / 2) };
  const button = profile.points.bet;
  const box = hoverBox(button);
  const boxInRegion = box.x < multiplier.x + multiplier.width && box.x + box.width > multiplier.x && box.y < multiplier.y + multiplier.height && box.y + box.height > multiplier.y;
  if (boxInRegion || Math.hypot(park.x - button.x, park.y - button.y) < MIN_PARK_DISTANCE) return null;
  return { button, park };
}
