import { describe, expect, it } from 'vitest';
import type { RawImage } from '../ocr/raw-image';
import { buttonBox, buttonChanged, buttonLookOf, sameButtonLook, showsPlacedBet } from './button-look';

/** A button face: `fill` everywhere, with a label block of `ink` over columns [from, to). */
function face(fill: number[], ink: number[], from: number, to: number, order: 'rgba' | 'bgra' = 'rgba'): RawImage {
  const width = 56;
  const height = 22;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const c = y > 6 && y < 16 && x >= from && x < to ? ink : fill;
      const px = order === 'rgba' ? [c[0]!, c[1]!, c[2]!, 255] : [c[2]!, c[1]!, c[0]!, 255];
      data.set(px, (y * width + x) * 4);
    }
  return { data, width, height, order };
}

const GREEN = [40, 180, 80];
const RED = [200, 40, 40];
const WHITE = [250, 250, 250];

describe('button looks', () => {
  it('tells a recoloured button and a relabelled one apart from the same state', () => {
    const bet = buttonLookOf(face(GREEN, WHITE, 20, 36));
    expect(sameButtonLook(bet, buttonLookOf(face(GREEN, WHITE, 20, 36, 'bgra')))).toBe(true);
    expect(buttonChanged(bet, buttonLookOf(face(GREEN, WHITE, 20, 36)))).toBe(false);
    const cancel = buttonLookOf(face(RED, WHITE, 14, 42));
    expect(sameButtonLook(bet, cancel)).toBe(false);
    expect(buttonChanged(bet, cancel)).toBe(true);
    // "Bet" → "Bet placed": same colours, a longer label.
    expect(buttonChanged(bet, buttonLookOf(face(GREEN, WHITE, 6, 50)))).toBe(true);
  });

  it('a queued bet is only seen on a button plainly in the placed state, never on an idle one mid-fade', () => {
    const mix = (a: number[], b: number[], p: number) => a.map((c, i) => Math.round(c + (b[i]! - c) * p));
    const GREY = [90, 90, 90];
    const idle = buttonLookOf(face(GREEN, WHITE, 20, 36));
    const cancel = buttonLookOf(face(RED, WHITE, 14, 42));
    // Buttons fade to a new state (120 ms on the practice game): the first changed frame after a Bet click, which
    // used to be kept as the placed look, is still mostly BET.
    const firstChanged = buttonLookOf(face(mix(GREEN, RED, 0.12), WHITE, 20, 36));
    expect(buttonChanged(firstChanged, idle)).toBe(true);
    // The next betting phase, the idle BET fading in from grey: it differs from the idle look and resembles that
    // frame, so the old check (changed from idle, same as placed) took it for a queued bet, and its "cancel" click
    // placed a bet nobody signalled (aviator, rounds 6 and 9 of 10).
    const fadingIn = buttonLookOf(face(mix(GREY, GREEN, 0.7), WHITE, 20, 36));
    expect(buttonChanged(fadingIn, idle) && sameButtonLook(fadingIn, firstChanged)).toBe(true);
    expect(showsPlacedBet(fadingIn, { idle, placed: firstChanged })).toBe(false);
    expect(showsPlacedBet(idle, { idle, placed: cancel })).toBe(false);
    // A bet really queued shows CANCEL, a whole state away from BET.
    expect(showsPlacedBet(cancel, { idle, placed: cancel })).toBe(true);
    expect(showsPlacedBet(buttonLookOf(face(mix(GREEN, RED, 0.9), WHITE, 14, 42)), { idle, placed: cancel })).toBe(true);
  });

  it('keeps the sampled box on the display, including displays left of the primary', () => {
    expect(buttonBox({ x: 5, y: 5 }, { x: 0, y: 0, width: 1920, height: 1080 })).toEqual({ x: 0, y: 0, width: 56, height: 22 });
    expect(buttonBox({ x: -100, y: 300 })).toEqual({ x: -128, y: 289, width: 56, height: 22 });
  });
});
