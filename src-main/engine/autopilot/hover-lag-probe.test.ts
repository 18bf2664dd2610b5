import { describe, expect, it } from 'vitest';
import type { Point, Rect } from '../../../src-shared/game-profile';
import { DisplayLagEstimator, HOVER_MARGIN_MS, HOVER_SPREAD_MS } from '../../core/crash';
import type { RawImage } from '../../core/ocr/raw-image';
import { seededRandom } from '../../core/crash/synthetic-reads.test-support';
import { HoverLagProbe, hoverProbePoints, type HoverProbePoints } from './hover-lag-probe';

const FRAME = 1000 / 60;
const POINTS: HoverProbePoints = { button: { x: 400, y: 500 }, park: { x: 400, y: 200 } };

/**
 * A page on a screen, on a simulated clock: the pointer's hover state is taken at the page's next frame after the
 * move arrives, and that frame reaches the screen `pipelineMs` later. `fadeFrames` > 0 fades the hover look in.
 */
function screen(o: { pipelineMs: number; fadeFrames?: number; hover?: boolean; moveMs?: number; seed?: number }) {
  let now = 1_000;
  const random = seededRandom(o.seed ?? 1);
  const moves: Array<{ at: number; to: Point }> = [];
  const phaseOffset = random() * FRAME;
  const onButton = (p: Point) => p.x === POINTS.button.x && p.y === POINTS.button.y;
  /** How hovered the button is on screen at `t`: 0 (not) to 1 (fully). */
  const hoverShown = (t: number): number => {
    const frame = Math.floor((t - o.pipelineMs - phaseOffset) / FRAME) * FRAME + phaseOffset;
    let level = 0;
    let from = 0;
    for (const m of moves) {
      const arrives = Math.ceil((m.at + (o.moveMs ?? 1) - phaseOffset) / FRAME) * FRAME + phaseOffset;
      if (arrives > frame) break;
      const fade = o.fadeFrames ?? 0;
      const target = o.hover === false ? 0 : onButton(m.to) ? 1 : 0;
      const progress = fade === 0 ? 1 : Math.min(1, (frame - arrives) / (fade * FRAME) + 1 / fade);
      level = from + (target - from) * progress;
      from = level;
    }
    return level;
  };
  const clock = {
    now: () => now,
    sleepUntil: async (at: number) => {
      now = Math.max(now, at);
    },
  };
  let pointer: Point = { x: 10, y: 10 };
  const allowed = { now: true };
  const deps = {
    clock,
    mayMove: () => allowed.now,
    movePointer: async (to: Point) => {
      if (!allowed.now) throw new Error('moved while not allowed');
      pointer = to;
      moves.push({ at: now, to });
      now += 0.2;
    },
    grab: async (region: Rect): Promise<RawImage> => {
      now += 0.3;
      const shade = Math.round(100 + 40 * hoverShown(now - 0.15));
      now += 0.2;
      return { data: new Uint8Array(region.width * region.height * 3).fill(shade), width: region.width, height: region.height, order: 'rgb' };
    },
  };
  return { deps, allowed, pointer: () => pointer, moves, advance: (ms: number) => (now += ms) };
}

describe('HoverLagProbe', () => {
  it('measures the lag within a few ms of the truth in every frame mode, and rests the pointer on the Bet button', async () => {
    for (const pipelineMs of [1, 16, 33]) {
      for (const seed of [1, 2, 3]) {
        const s = screen({ pipelineMs, seed });
        const result = await new HoverLagProbe(s.deps).run(POINTS, new AbortController().signal);
        // A read's age is the pipeline plus, on average, half a frame (the capture lands anywhere within one).
        const trueLag = pipelineMs + FRAME / 2 + 1;
        expect(result.lagMs, `pipeline ${pipelineMs}, seed ${seed}`).not.toBeNull();
        expect(Math.abs(result.lagMs! - trueLag)).toBeLessThan(6);
        // What reads are dated by is below the truth: clicks come late, never early.
        const lag = new DisplayLagEstimator();
        lag.probed(result.lagMs!);
        expect(lag.current()).toBeLessThanOrEqual(Math.max(8, trueLag - 3));
        expect(s.pointer()).toEqual(POINTS.button);
      }
    }
  });

  it('a thread busy with reads (resuming up to 12 ms after a capture) only shortens the round trips', async () => {
    for (const seed of [1, 2, 3]) {
      const s = screen({ pipelineMs: 16, seed });
      const random = seededRandom(seed + 10);
      // The thread resumes after a capture only once the read in between is done.
      const busy = {
        ...s.deps,
        grab: async (region: Rect) => {
          const image = await s.deps.grab(region);
          if (random() < 0.5) s.advance(random() * 12);
          return image;
        },
      };
      const result = await new HoverLagProbe(busy).run(POINTS, new AbortController().signal);
      expect(result.lagMs).not.toBeNull();
      expect(result.lagMs!).toBeLessThanOrEqual(16 + FRAME / 2 + 1);
    }
  });

  it('gives up, with the reason, on a button with no hover look', async () => {
    const s = screen({ pipelineMs: 16, hover: false });
    const result = await new HoverLagProbe(s.deps).run(POINTS, new AbortController().signal);
    expect(result).toMatchObject({ lagMs: null, why: 'the Bet button shows no hover look' });
  });

  it('refuses to time a hover look that fades in: its first frame can be too faint to see, which would measure a frame too long', async () => {
    const s = screen({ pipelineMs: 16, fadeFrames: 9 });
    const result = await new HoverLagProbe(s.deps).run(POINTS, new AbortController().signal);
    expect(result).toMatchObject({ lagMs: null, why: 'the Bet button fades into its hover look' });
  });

  it('never moves the pointer while it may not (a crashed round), and measures once it may', async () => {
    const s = screen({ pipelineMs: 16 });
    s.allowed.now = false;
    let checks = 0;
    const probe = new HoverLagProbe({
      ...s.deps,
      mayMove: () => {
        if (++checks === 40) s.allowed.now = true;
        return s.allowed.now;
      },
    });
    const result = await probe.run(POINTS, new AbortController().signal);
    expect(result.lagMs).not.toBeNull();
    expect(checks).toBeGreaterThan(40);
  });

  it('stops at once when a bet is due, and leaves the pointer on the Bet button', async () => {
    const s = screen({ pipelineMs: 16 });
    const abort = new AbortController();
    let grabs = 0;
    const probe = new HoverLagProbe({
      ...s.deps,
      grab: (region) => {
        if (++grabs === 30) abort.abort();
        return s.deps.grab(region);
      },
    });
    const result = await probe.run(POINTS, abort.signal);
    expect(result).toMatchObject({ lagMs: null, why: 'a bet was due before it finished' });
    expect(s.pointer()).toEqual(POINTS.button);
  });
});

describe('hoverProbePoints', () => {
  const profile = (bet: Point) => ({ regions: { multiplier: { x: 300, y: 100, width: 200, height: 80 } }, points: { bet } });

  it('parks on the readout, away from the button', () => {
    expect(hoverProbePoints(profile({ x: 400, y: 500 }))).toEqual({ button: { x: 400, y: 500 }, park: { x: 400, y: 140 } });
  });

  it('has no points when the button sits on the readout', () => {
    expect(hoverProbePoints(profile({ x: 420, y: 150 }))).toBeNull();
  });
});

describe('DisplayLagEstimator with a probe', () => {
  it('dates reads by the probe less its margin until payouts teach, and caps an earlier session\'s slower frame mode', () => {
    const lag = new DisplayLagEstimator(undefined, [
      { loMs: 44, hiMs: 50 },
      { loMs: 45, hiMs: 51 },
      { loMs: 44, hiMs: 49 },
    ]);
    expect(lag.current()).toBeCloseTo(41, 0);
    lag.probed(25);
    // Taught in a 40 ms frame mode, probed in a 24 ms one: capped within half a frame of what the probe measured.
    expect(lag.current()).toBeCloseTo(25 - HOVER_SPREAD_MS + FRAME / 2, 5);
    // Untaught, a frame less than the probe, so a lag that drops by a frame before the click is still not passed.
    const fresh = new DisplayLagEstimator();
    fresh.probed(41);
    expect(fresh.current()).toBeCloseTo(41 - HOVER_MARGIN_MS, 9);
    expect(fresh.current()).toBeLessThanOrEqual(41 - 6 - FRAME);
  });

  it('drops the probe once a payout proves the lag shorter than it dated reads by', () => {
    const lag = new DisplayLagEstimator();
    lag.probed(41);
    const used = lag.current();
    // Fitted 2.0 at the click, and the game paid 1.98: the lag was well under what reads were dated by.
    lag.observe({ paid: 1.98, fittedAtClick: 2, rate: 0.0005, lagUsedMs: used });
    expect(lag.probedLag()).toBeNull();
    expect(lag.current()).toBe(8);
  });
});
