import { describe, expect, it } from 'vitest';
import { drawText } from './bitmap-font.fixture';
import { inkMap } from './ink-map';
import type { RawImage } from './raw-image';
import { cropScaleInvert, encodePgm, prepareForTesseract, TESSERACT_TEXT_HEIGHT } from './tesseract-input';
import { textBox } from './text-box';
import { otsuThreshold } from './threshold';

const at = (image: { data: Uint8Array; width: number }, x: number, y: number): number => image.data[y * image.width + x] ?? -1;

describe('inkMap', () => {
  it.each([
    ['light on dark', { fg: [255, 255, 255], bg: [15, 25, 35] }],
    ['dark on light', { fg: [10, 10, 10], bg: [250, 250, 250] }],
    ['green on dark', { fg: [63, 210, 107], bg: [15, 25, 35] }],
    ['orange on dark blue', { fg: [255, 159, 28], bg: [27, 27, 47] }],
  ] as const)('makes text ink and background blank for %s', (_name, colours) => {
    const ink = inkMap(drawText('1', { ...colours, padding: 4, scale: 2 }));
    expect(ink.hasInk).toBe(true);
    expect(at(ink, 0, 0)).toBe(0);
    // The stem of the "1": column 2 of the glyph, row 3.
    expect(at(ink, 4 + 2 * 2, 4 + 3 * 2)).toBe(255);
  });

  it('reads BGRA, RGB and gray layouts and padded rows the same way', () => {
    const reference = inkMap(drawText('2.35x', { fg: [255, 159, 28] }));
    for (const layout of [{ order: 'bgra' }, { order: 'rgb' }, { order: 'bgr', rowPadding: 7 }] as const) {
      expect(inkMap(drawText('2.35x', { fg: [255, 159, 28], ...layout })).data).toEqual(reference.data);
    }
    const gray = inkMap(drawText('2.35x', { order: 'gray' }));
    expect(gray.data.filter((v) => v === 255).length).toBe(reference.data.filter((v) => v === 255).length);
  });

  it('calls a uniform or barely textured region blank', () => {
    const flat: RawImage = { data: new Uint8Array(40 * 20 * 4).fill(200), width: 40, height: 20, order: 'rgba' };
    expect(inkMap(flat).hasInk).toBe(false);
    const faint = drawText('7', { fg: [40, 40, 40], bg: [30, 30, 30] });
    expect(inkMap(faint).hasInk).toBe(false);
    expect(prepareForTesseract(faint)).toBeNull();
  });
});

describe('otsuThreshold and textBox', () => {
  it('splits ink from background and boxes exactly the text', () => {
    const ink = inkMap(drawText('12', { scale: 2, padding: 5 }));
    const threshold = otsuThreshold(ink);
    expect(threshold).toBeGreaterThanOrEqual(0);
    expect(threshold).toBeLessThan(255);
    // "1" starts at glyph column 1; "2" ends at its column 4 (11 columns, 2 px each).
    expect(textBox(ink, threshold)).toEqual({ x0: 5 + 2, y0: 5, x1: 5 + 11 * 2, y1: 5 + 14 });
  });
});

describe('Tesseract input', () => {
  it('scales the text to the target height, dark on a white margin', () => {
    const image = prepareForTesseract(drawText('2.35x', { scale: 1 }));
    expect(image).not.toBeNull();
    if (!image) return;
    expect(at(image, 0, 0)).toBe(255);
    const darkRows = [...Array(image.height).keys()].filter((y) => [...Array(image.width).keys()].some((x) => at(image, x, y) < 128));
    expect(darkRows.length).toBeGreaterThanOrEqual(TESSERACT_TEXT_HEIGHT - 3);
    expect(darkRows.length).toBeLessThanOrEqual(TESSERACT_TEXT_HEIGHT + 1);
  });

  it('shrinks huge text too', () => {
    const ink = inkMap(drawText('8', { scale: 12 }));
    const box = textBox(ink, otsuThreshold(ink));
    expect(box).not.toBeNull();
    if (!box) return;
    const scaled = cropScaleInvert(ink, box, TESSERACT_TEXT_HEIGHT / (box.y1 - box.y0));
    expect(scaled.height).toBeLessThan(box.y1 - box.y0);
  });

  it('encodes binary PGM', () => {
    const pgm = encodePgm({ data: new Uint8Array([0, 128, 255, 7, 8, 9]), width: 3, height: 2 });
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n3 2\n255\n');
    expect([...pgm.subarray(11)]).toEqual([0, 128, 255, 7, 8, 9]);
  });
});
