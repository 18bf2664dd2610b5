import { describe, expect, it } from 'vitest';
import { drawText } from './bitmap-font.fixture';
import { borderColour, yccPlanes } from './colour';
import { analyzeLine } from './line-analysis';
import { strongInk } from './line-seeds';
import type { RawImage } from './raw-image';
import { cropScaleInvert, encodePgm, TESSERACT_TEXT_HEIGHT } from './tesseract-input';

const at = (image: { data: Uint8Array; width: number }, x: number, y: number): number => image.data[y * image.width + x] ?? -1;

describe('colour planes and strong ink', () => {
  it.each([
    ['light on dark', { fg: [255, 255, 255], bg: [15, 25, 35] }],
    ['dark on light', { fg: [10, 10, 10], bg: [250, 250, 250] }],
    ['green on dark', { fg: [63, 210, 107], bg: [15, 25, 35] }],
    ['orange on dark blue', { fg: [255, 159, 28], bg: [27, 27, 47] }],
  ] as const)('marks the text and not the background for %s', (_name, colours) => {
    const planes = yccPlanes(drawText('1', { ...colours, padding: 4, scale: 2 }));
    const strong = strongInk(planes, borderColour(planes));
    expect(strong).not.toBeNull();
    expect(at({ data: strong?.mask ?? new Uint8Array(), width: planes.width }, 0, 0)).toBe(0);
    // The stem of the "1": column 2 of the glyph, row 3.
    expect(at({ data: strong?.mask ?? new Uint8Array(), width: planes.width }, 4 + 2 * 2, 4 + 3 * 2)).toBe(1);
  });

  it('reads BGRA, RGB and gray layouts and padded rows the same way', () => {
    const reference = yccPlanes(drawText('2.35x', { fg: [255, 159, 28] }));
    const luma = [...reference.y];
    for (const layout of [{ order: 'bgra' }, { order: 'rgb' }, { order: 'bgr', rowPadding: 7 }] as const) {
      expect([...yccPlanes(drawText('2.35x', { fg: [255, 159, 28], ...layout })).y]).toEqual(luma);
    }
    const gray = yccPlanes(drawText('2.35x', { order: 'gray' }));
    expect([...gray.cb].every((v) => v === 0)).toBe(true);
  });

  it('averages blocks when shrinking a big region', () => {
    const full = yccPlanes(drawText('8', { scale: 4, fg: [255, 255, 255], bg: [0, 0, 0] }));
    const { width, height } = full;
    const half = yccPlanes(drawText('8', { scale: 4, fg: [255, 255, 255], bg: [0, 0, 0] }), 2);
    expect([half.width, half.height]).toEqual([Math.floor(width / 2), Math.floor(height / 2)]);
  });

  it('calls a uniform or barely textured region blank', () => {
    const flat: RawImage = { data: new Uint8Array(40 * 20 * 4).fill(200), width: 40, height: 20, order: 'rgba' };
    const flatPlanes = yccPlanes(flat);
    expect(strongInk(flatPlanes, borderColour(flatPlanes))).toBeNull();
    const faint = drawText('7', { fg: [40, 40, 40], bg: [30, 30, 30] });
    expect(analyzeLine(faint)).toBeNull();
  });

  it('takes the background from inside a one-pixel frame', () => {
    const image = drawText('42', { fg: [255, 255, 255], bg: [15, 25, 35], padding: 8 });
    const framed = new Uint8Array(image.data);
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) if (x === 0 || y === 0 || x === image.width - 1 || y === image.height - 1) framed.set([240, 240, 240, 255], (y * image.width + x) * 4);
    }
    const planes = yccPlanes({ ...image, data: framed });
    expect(borderColour(planes).y).toBeLessThan(40);
    expect(analyzeLine({ ...image, data: framed })?.glyphs).toHaveLength(2);
  });
});

describe('Tesseract input', () => {
  it('scales the text to the target height, dark on a white margin', () => {
    const line = analyzeLine(drawText('2.35x', { scale: 1 }));
    expect(line).not.toBeNull();
    if (!line) return;
    const image = cropScaleInvert(line.ink, line.box, TESSERACT_TEXT_HEIGHT / (line.box.y1 - line.box.y0));
    expect(at(image, 0, 0)).toBe(255);
    const darkRows = [...Array(image.height).keys()].filter((y) => [...Array(image.width).keys()].some((x) => at(image, x, y) < 128));
    expect(darkRows.length).toBeGreaterThanOrEqual(TESSERACT_TEXT_HEIGHT - 3);
    expect(darkRows.length).toBeLessThanOrEqual(TESSERACT_TEXT_HEIGHT + 1);
  });

  it('shrinks huge text too', () => {
    const line = analyzeLine(drawText('8', { scale: 12 }));
    expect(line).not.toBeNull();
    if (!line) return;
    const scaled = cropScaleInvert(line.ink, line.box, TESSERACT_TEXT_HEIGHT / (line.box.y1 - line.box.y0));
    expect(scaled.height).toBeLessThan(line.box.y1 - line.box.y0 + 2 * TESSERACT_TEXT_HEIGHT);
  });

  it('encodes binary PGM', () => {
    const pgm = encodePgm({ data: new Uint8Array([0, 128, 255, 7, 8, 9]), width: 3, height: 2 });
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n3 2\n255\n');
    expect([...pgm.subarray(11)]).toEqual([0, 128, 255, 7, 8, 9]);
  });
});
