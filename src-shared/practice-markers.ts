// Runs in: renderer and engine.
// With `?markers=1` the practice game (renderer) frames its readout and buttons with small square markers, so the
// engine can find the game wherever its window is, at any zoom or display scale, and make a profile for it with no
// drawing by hand.
//
// Each framed element gets two markers just outside two opposite corners: one above-left of its top-left corner, one
// below-right of its bottom-right corner, `gap` away diagonally. A marker is a square ring in the ring colour around a
// centre square whose colour says which element it frames.

export type MarkedElement = 'readout' | 'bet' | 'cashout';

type Rgb = readonly [number, number, number];

export const PRACTICE_MARKERS = {
  /** Side of a marker, CSS px. */
  size: 12,
  /** Side of its centre square, CSS px. */
  centre: 6,
  /** Diagonal distance from the element's corner to the marker, CSS px: keeps the markers out of the element's box. */
  gap: 3,
  ring: [255, 0, 255] as Rgb,
  /** On a one-button game only `bet` is framed: the same button cashes out. */
  centres: { readout: [0, 255, 0], bet: [0, 0, 255], cashout: [255, 255, 0] } as Record<MarkedElement, Rgb>,
} as const;

export const rgbCss = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`;
