import { describe, expect, it } from 'vitest';
import { dragRect, nudgePoint, nudgeRect, overlayMap, rectFromCorners, rectToCss, screenshotMap, toCss, toPhysical } from './geometry';

describe('surface maps', () => {
  it('maps a half-size screenshot drawn at half its width back to physical pixels', () => {
    // 2560-px display captured at 1280 px (scale 2), drawn 640 CSS px wide: 1 CSS px = 4 physical px.
    const m = screenshotMap({ x: 0, y: 0, width: 2560, height: 1440 }, 1280, 640, 2);
    expect(m.physPerCss).toBe(4);
    expect(toPhysical(m, 10, 20)).toEqual({ x: 40, y: 80 });
    expect(toCss(m, { x: 40, y: 80 })).toEqual({ x: 10, y: 20 });
  });
  it('keeps a secondary display with a negative origin', () => {
    const m = overlayMap({ x: -1920, y: -200, width: 1920, height: 1080 }, 1.5);
    expect(toPhysical(m, 100, 100)).toEqual({ x: -1770, y: -50 });
    expect(rectToCss(m, { x: -1770, y: -50, width: 150, height: 30 })).toEqual({ x: 100, y: 100, width: 100, height: 20 });
  });
});

describe('editing rectangles', () => {
  const r = { x: 100, y: 100, width: 50, height: 20 };
  it('draws from corners in any order', () => {
    expect(rectFromCorners({ x: 150, y: 120 }, { x: 100, y: 100 })).toEqual(r);
  });
  it('moves and resizes by handle, flipping when dragged past the opposite edge', () => {
    expect(dragRect(r, 'move', 5, -5)).toEqual({ x: 105, y: 95, width: 50, height: 20 });
    expect(dragRect(r, 'se', 10, 10)).toEqual({ x: 100, y: 100, width: 60, height: 30 });
    expect(dragRect(r, 'nw', 10, 5)).toEqual({ x: 110, y: 105, width: 40, height: 15 });
    expect(dragRect(r, 'e', -80, 0)).toEqual({ x: 70, y: 100, width: 30, height: 20 });
  });
  it('nudges with arrows: 1 px, 10 px with Shift, resizes with Alt', () => {
    expect(nudgeRect(r, 'ArrowLeft', false, false)).toEqual({ ...r, x: 99 });
    expect(nudgeRect(r, 'ArrowDown', true, false)).toEqual({ ...r, y: 110 });
    expect(nudgeRect(r, 'ArrowRight', false, true)).toEqual({ ...r, width: 51 });
    expect(nudgeRect(r, 'Enter', false, false)).toBeNull();
    expect(nudgePoint({ x: 0, y: 0 }, 'ArrowUp', true)).toEqual({ x: 0, y: -10 });
  });
});
