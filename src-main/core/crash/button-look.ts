// Runs in: anywhere (pure).
// What a game's button looks like right now, from a small box around its click point: colour and a coarse picture of
// the label. No text is read: "BET" → "CANCEL" → "CASH OUT 14.50" changes colour and label shape, and a greyed or
// hidden button changes both. Comparing looks is enough to tell that our bet was taken and that the round still flies.

import type { Point, Rect } from '../../../src-shared/game-profile';
import { channelCount, type RawImage } from '../ocr/raw-image';
import { colourDistance, type Rgb } from './readout-look';

export interface ButtonLook {
  readonly mean: Rgb;
  /** Mean luminance (0–255) of GRID_W × GRID_H cells, row by row. */
  readonly grid: readonly number[];
}

const GRID_W = 8;
const GRID_H = 3;
export const BUTTON_BOX = { width: 56, height: 22 };

/** Two looks further apart than this are different button states; label digits ticking up stay well below it. */
export const BUTTON_CHANGE = 45;

/** The box sampled around a click point; kept inside `bounds` when given (points may be negative on a left monitor). */
export function buttonBox(point: Point, bounds?: Rect): Rect {
  const width = Math.min(BUTTON_BOX.width, bounds?.width ?? Infinity);
  const height = Math.min(BUTTON_BOX.height, bounds?.height ?? Infinity);
  let x = Math.round(point.x - width / 2);
  let y = Math.round(point.y - height / 2);
  if (bounds) {
    x = Math.max(bounds.x, Math.min(bounds.x + bounds.width - width, x));
    y = Math.max(bounds.y, Math.min(bounds.y + bounds.height - height, y));
  }
  return { x, y, width, height };
}

export function buttonLookOf(image: RawImage): ButtonLook {
  const channels = channelCount(image.order);
  const stride = image.stride ?? image.width * channels;
  const [ri, gi, bi] = image.order === 'bgra' || image.order === 'bgr' ? [2, 1, 0] : image.order === 'gray' ? [0, 0, 0] : [0, 1, 2];
  const sums = new Float64Array(GRID_W * GRID_H);
  const counts = new Uint32Array(GRID_W * GRID_H);
  let r = 0;
  let g = 0;
  let b = 0;
  for (let y = 0; y < image.height; y++) {
    const cy = Math.min(GRID_H - 1, Math.floor((y * GRID_H) / image.height));
    for (let x = 0; x < image.width; x++) {
      const i = y * stride + x * channels;
      const pr = image.data[i + ri]!;
      const pg = image.data[i + gi]!;
      const pb = image.data[i + bi]!;
      r += pr;
      g += pg;
      b += pb;
      const cell = cy * GRID_W + Math.min(GRID_W - 1, Math.floor((x * GRID_W) / image.width));
      sums[cell]! += 0.299 * pr + 0.587 * pg + 0.114 * pb;
      counts[cell]!++;
    }
  }
  const n = Math.max(1, image.width * image.height);
  return { mean: { r: r / n, g: g / n, b: b / n }, grid: Array.from(sums, (s, i) => s / Math.max(1, counts[i]!)) };
}

/** Colour distance plus the mean per-cell luminance difference: a recoloured button or a new label both count. */
export function buttonDistance(a: ButtonLook, b: ButtonLook): number {
  let cells = 0;
  for (let i = 0; i < a.grid.length; i++) cells += Math.abs(a.grid[i]! - (b.grid[i] ?? 0));
  return colourDistance(a.mean, b.mean) + cells / a.grid.length;
}

/** The same state of the button, allowing for a label whose amount ticks up ("CASH OUT 14.50"). */
export function sameButtonLook(a: ButtonLook, b: ButtonLook): boolean {
  return buttonDistance(a, b) < BUTTON_CHANGE;
}

/**
 * Any visible change at all, for "did our click do something": a label that only changes its text ("Bet" → "Bet
 * placed") moves a few cells a lot while the mean colour barely moves.
 */
export function buttonChanged(a: ButtonLook, b: ButtonLook): boolean {
  let maxCell = 0;
  for (let i = 0; i < a.grid.length; i++) maxCell = Math.max(maxCell, Math.abs(a.grid[i]! - (b.grid[i] ?? 0)));
  return colourDistance(a.mean, b.mean) >= 12 || maxCell >= 30;
}

/**
 * Whether the button plainly shows the placed state (a bet in it, e.g. CANCEL), not the idle one: a changed frame of
 * an idle button mid-fade is not enough. On a one-button game, clicking an idle button to "cancel" is itself a bet.
 */
export function showsPlacedBet(look: ButtonLook, looks: { readonly idle: ButtonLook; readonly placed: ButtonLook }): boolean {
  return !sameButtonLook(look, looks.idle) && sameButtonLook(look, looks.placed) && buttonDistance(look, looks.placed) < buttonDistance(look, looks.idle);
}
