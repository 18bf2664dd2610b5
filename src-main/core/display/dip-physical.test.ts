import { describe, expect, it } from 'vitest';
import { checkStoredRegion, dipRectToStored, dipToDisplayPhysical, displayAt, displayPhysicalToDip, displayPhysicalToGlobal, storedToDipRect, type DisplayInfo } from './dip-physical';

const primary = (scaleFactor: number): DisplayInfo => ({ id: '1', bounds: { x: 0, y: 0, width: 2560 / scaleFactor, height: 1440 / scaleFactor }, scaleFactor });

describe('DIP <-> physical on the primary display', () => {
  for (const [percent, scale] of [[100, 1], [125, 1.25], [150, 1.5], [200, 2]] as const) {
    it(`at ${percent}% maps DIP to physical and back`, () => {
      const d = primary(scale);
      expect(dipToDisplayPhysical({ x: 100, y: 40 }, d)).toEqual({ x: 100 * scale, y: 40 * scale });
      expect(displayPhysicalToDip({ x: 100 * scale, y: 40 * scale }, d)).toEqual({ x: 100, y: 40 });
      const stored = dipRectToStored({ x: 200, y: 120, width: 96, height: 32 }, d);
      expect(stored).toEqual({ displayId: '1', scaleFactor: scale, rect: { x: 200 * scale, y: 120 * scale, width: 96 * scale, height: 32 * scale } });
      expect(storedToDipRect(stored, d)).toEqual({ x: 200, y: 120, width: 96, height: 32 });
      expect(checkStoredRegion(stored, [d])).toEqual({ ok: true });
    });
  }

  // x 10.5..44 DIP -> 13.125..55 px -> 13..55; y 10.5..18 DIP -> 13.125..22.5 px -> 13..23.
  it('at 125% rounds fractional corners without losing more than a pixel per edge', () => {
    const stored = dipRectToStored({ x: 10.5, y: 10.5, width: 33.5, height: 7.5 }, primary(1.25));
    expect(stored.rect).toEqual({ x: 13, y: 13, width: 42, height: 10 });
  });
});

describe('a secondary display with a negative origin', () => {
  // A 150% display to the left of and slightly above a 100% primary (Windows-style layout).
  const left: DisplayInfo = { id: '2', bounds: { x: -1280, y: -200, width: 1280, height: 720 }, scaleFactor: 1.5 };
  const main: DisplayInfo = { id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };

  it('maps global DIP to display-relative physical pixels', () => {
    expect(dipToDisplayPhysical({ x: -1280, y: -200 }, left)).toEqual({ x: 0, y: 0 });
    expect(dipToDisplayPhysical({ x: -640, y: 160 }, left)).toEqual({ x: 960, y: 540 });
    expect(displayPhysicalToDip({ x: 960, y: 540 }, left)).toEqual({ x: -640, y: 160 });
  });

  it('maps to virtual-screen physical pixels, with or without an OS-reported physical origin', () => {
    expect(displayPhysicalToGlobal({ x: 960, y: 540 }, left)).toEqual({ x: -1920 + 960, y: -300 + 540 });
    expect(displayPhysicalToGlobal({ x: 10, y: 10 }, { ...left, physicalOrigin: { x: -1920, y: -150 } })).toEqual({ x: -1910, y: -140 });
  });

  it('finds the display under a point and rejects regions on the wrong display or scale', () => {
    expect(displayAt({ x: -1, y: 0 }, [main, left])?.id).toBe('2');
    expect(displayAt({ x: 0, y: 0 }, [main, left])?.id).toBe('1');
    expect(displayAt({ x: -1281, y: 0 }, [main, left])).toBeUndefined();
    const stored = dipRectToStored({ x: -1000, y: 0, width: 100, height: 40 }, left);
    expect(stored.rect).toEqual({ x: 420, y: 300, width: 150, height: 60 });
    expect(checkStoredRegion(stored, [main, left])).toEqual({ ok: true });
    expect(checkStoredRegion(stored, [main])).toMatchObject({ ok: false, reason: 'display 2 is not connected' });
    expect(checkStoredRegion(stored, [main, { ...left, scaleFactor: 2 }])).toMatchObject({ ok: false, reason: expect.stringContaining('150% to 200%') });
    expect(checkStoredRegion({ ...stored, rect: { ...stored.rect, x: 1900 } }, [main, left])).toMatchObject({ ok: false, reason: expect.stringContaining('outside') });
  });

  it('refuses a nonsensical scale factor', () => {
    expect(() => dipToDisplayPhysical({ x: 0, y: 0 }, { ...main, scaleFactor: 0 })).toThrow(RangeError);
  });
});

describe('layoutKey', () => {
  it('ignores order but changes with scaling or position', async () => {
    const { layoutKey } = await import('./dip-physical');
    const a: DisplayInfo = { id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };
    const b: DisplayInfo = { id: '2', bounds: { x: -1280, y: 0, width: 1280, height: 720 }, scaleFactor: 1.5 };
    expect(layoutKey([a, b])).toBe(layoutKey([b, a]));
    expect(layoutKey([a, { ...b, scaleFactor: 2 }])).not.toBe(layoutKey([a, b]));
    expect(layoutKey([a, { ...b, bounds: { ...b.bounds, x: 1920 } }])).not.toBe(layoutKey([a, b]));
  });
});
