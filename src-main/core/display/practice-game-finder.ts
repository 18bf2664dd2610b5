// Runs in: anywhere (pure).
// Finds the practice game on a screen capture by the markers it draws with `?markers=1` (src-shared/practice-markers.ts)
// and says where its readout and buttons are, in the capture's pixels: a profile with no drawing by hand.
import type { Point, Rect } from '../../../src-shared/game-profile';
import { PRACTICE_MARKERS, type MarkedElement } from '../../../src-shared/practice-markers';
import { labelComponents } from '../ocr/components';
import { channelCount, type RawImage } from '../ocr/raw-image';

export interface FoundPracticeGame {
  readonly multiplier: Rect;
  readonly bet: Point;
  /** The Bet button's point on a one-button game. */
  readonly cashout: Point;
  /** Screen pixels per CSS pixel of the page: its zoom times the display's scale. */
  readonly scale: number;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  /** Exclusive. */
  readonly x1: number;
  readonly y1: number;
}

type Rgb = readonly [number, number, number];

/** Colours are matched loosely: a colour-managed display or capture moves pure primaries by a few levels. */
const LEVEL_SLACK = 48;
const near = (r: number, g: number, b: number, [R, G, B]: Rgb) => Math.abs(r - R) <= LEVEL_SLACK && Math.abs(g - G) <= LEVEL_SLACK && Math.abs(b - B) <= LEVEL_SLACK;

/** A marker is at least this many screen pixels across (12 CSS px at 50% zoom). */
const MIN_MARKER_PX = 6;

/** Null when the game's markers are not all on this capture (covered, scrolled away, or another page). */
export function findPracticeGame(image: RawImage): FoundPracticeGame | null {
  const markers = markerBoxes(image);
  const framed = (element: MarkedElement) => {
    const pair = markers.get(element);
    return pair && pair.length === 2 ? elementBox(pair) : null;
  };
  const readout = framed('readout');
  const bet = framed('bet');
  if (!readout || !bet) return null;
  const cashout = markers.has('cashout') ? framed('cashout') : bet;
  if (!cashout) return null;
  const pad = 1;
  return {
    multiplier: { x: Math.floor(readout.box.x0) - pad, y: Math.floor(readout.box.y0) - pad, width: Math.ceil(readout.box.x1 - readout.box.x0) + 2 * pad, height: Math.ceil(readout.box.y1 - readout.box.y0) + 2 * pad },
    bet: centreOf(bet.box),
    cashout: centreOf(cashout.box),
    scale: readout.scale,
  };
}

const centreOf = (b: Box): Point => ({ x: Math.round((b.x0 + b.x1) / 2), y: Math.round((b.y0 + b.y1) / 2) });

/**
 * The element two markers frame, from the markers' centres: at a fractional scale their edges blend into the page
 * and are lost, evenly on both sides.
 */
function elementBox(pair: Box[]): { box: Box; scale: number } | null {
  const [a, b] = pair as [Box, Box];
  const [topLeft, bottomRight] = a.x0 + a.y0 <= b.x0 + b.y0 ? [a, b] : [b, a];
  // A blended edge pixel is lost on each side at a fractional scale, none at a whole one: half a pixel each way.
  const width = (m: Box) => m.x1 - m.x0 + 0.5;
  const scale = (width(topLeft) + width(bottomRight)) / 2 / PRACTICE_MARKERS.size;
  const reach = (PRACTICE_MARKERS.size / 2 + PRACTICE_MARKERS.gap) * scale;
  const mid = (m: Box) => ({ x: (m.x0 + m.x1) / 2, y: (m.y0 + m.y1) / 2 });
  const from = mid(topLeft);
  const to = mid(bottomRight);
  const box = { x0: from.x + reach, y0: from.y + reach, x1: to.x - reach, y1: to.y - reach };
  return box.x1 - box.x0 >= 4 && box.y1 - box.y0 >= 4 ? { box, scale } : null;
}

/** Every marker on the image, by the element its centre colour names. */
function markerBoxes(image: RawImage): Map<MarkedElement, Box[]> {
  const { width, height } = image;
  const rgb = rgbReader(image);
  const ring = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y);
      if (near(r, g, b, PRACTICE_MARKERS.ring)) ring[y * width + x] = 1;
    }
  }
  const found = new Map<MarkedElement, Box[]>();
  for (const { x0, y0, x1, y1, area } of labelComponents(ring, width, height).components) {
    const w = x1 - x0;
    const h = y1 - y0;
    if (w < MIN_MARKER_PX || h < MIN_MARKER_PX || Math.abs(w - h) > Math.max(2, 0.15 * w)) continue;
    // A ring around a centre of another colour: the ring covers 3/4 of its square, leaving the middle.
    const ringShare = area / (w * h);
    const { size, centre } = PRACTICE_MARKERS;
    const expected = 1 - (centre / size) ** 2;
    if (Math.abs(ringShare - expected) > 0.15) continue;
    const [r, g, b] = rgb(Math.floor((x0 + x1) / 2), Math.floor((y0 + y1) / 2));
    const element = (Object.entries(PRACTICE_MARKERS.centres) as [MarkedElement, Rgb][]).find(([, colour]) => near(r, g, b, colour))?.[0];
    if (!element) continue;
    found.set(element, [...(found.get(element) ?? []), { x0, y0, x1, y1 }]);
  }
  return found;
}

function rgbReader(image: RawImage): (x: number, y: number) => Rgb {
  const channels = channelCount(image.order);
  const stride = image.stride ?? image.width * channels;
  const { data, order } = image;
  return (x, y) => {
    const i = y * stride + x * channels;
    if (order === 'gray') return [data[i]!, data[i]!, data[i]!];
    const first = data[i]!;
    const third = data[i + 2]!;
    return order === 'bgra' || order === 'bgr' ? [third, data[i + 1]!, first] : [first, data[i + 1]!, third];
  };
}
