// The real tesseract.js worker, shut down while reads are under way: the way an engine stops mid-flight.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OcrEngineClosedError, TesseractEngine } from '../../../src-main/adapters/ocr/tesseract-engine';

/** A grey PGM with dark bars: a few ms of real work for Tesseract. */
function barsImage(width = 320, height = 48): Uint8Array {
  const pixels = new Uint8Array(width * height).fill(235);
  for (let y = 10; y < 38; y++) for (let x = 12; x < width - 12; x += 18) pixels.fill(20, y * width + x, y * width + x + 7);
  return pgm(width, height, pixels);
}

const LETTERS: Record<string, string[]> = {
  H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
  O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
};

/** "HELLO" in a 5×7 block font, dark on light, as the reader hands Tesseract its lines. */
function wordImage(scale = 6): Uint8Array {
  const word = 'HELLO';
  const pad = 12;
  const width = word.length * 6 * scale + 2 * pad;
  const height = 7 * scale + 2 * pad;
  const pixels = new Uint8Array(width * height).fill(255);
  [...word].forEach((letter, i) =>
    LETTERS[letter]!.forEach((row, y) =>
      [...row].forEach((bit, x) => {
        if (bit !== '1') return;
        for (let dy = 0; dy < scale; dy++) pixels.fill(0, (pad + y * scale + dy) * width + pad + (i * 6 + x) * scale, (pad + y * scale + dy) * width + pad + (i * 6 + x + 1) * scale);
      }),
    ),
  );
  return pgm(width, height, pixels);
}

function pgm(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const bytes = new Uint8Array(header.length + pixels.length);
  bytes.set(header);
  bytes.set(pixels, header.length);
  return bytes;
}

describe('TesseractEngine', () => {
  it('reads each image with its own alphabet when callers interleave', { timeout: 30_000 }, async () => {
    const engine = await TesseractEngine.create();
    try {
      const words = wordImage();
      // Alone, the words read as letters with every character allowed, and as no letter under the multiplier whitelist.
      const alone = { any: (await engine.recognize(words, { alphabet: 'any' })).text, multiplier: (await engine.recognize(words)).text };
      expect(alone.any).toMatch(/[A-Za-z]/);
      expect(alone.multiplier).not.toMatch(/[A-Za-z]/);
      const interleaved = await Promise.all([engine.recognize(words), engine.recognize(words, { alphabet: 'any' }), engine.recognize(words), engine.recognize(words, { alphabet: 'any' })]);
      expect(interleaved.map((r) => r.text)).toEqual([alone.multiplier, alone.any, alone.multiplier, alone.any]);
    } finally {
      await engine.terminate();
    }
  });
});

describe('TesseractEngine segmentation', () => {
  it('returns a box per character when asked, in reading order, inside the image', { timeout: 30_000 }, async () => {
    const engine = await TesseractEngine.create();
    try {
      const read = await engine.recognize(wordImage(), { alphabet: 'any', symbols: true });
      const symbols = read.symbols ?? [];
      expect(symbols.map((s) => s.text).join('')).toBe(read.text.replace(/\s+/g, ''));
      expect(symbols.length).toBeGreaterThanOrEqual(3);
      for (const [i, { box }] of symbols.entries()) {
        expect(box.x1).toBeGreaterThan(box.x0);
        if (i > 0) expect(box.x0).toBeGreaterThanOrEqual(symbols[i - 1]!.box.x0);
      }
      expect((await engine.recognize(wordImage(), { alphabet: 'any' })).symbols).toBeUndefined();
    } finally {
      await engine.terminate();
    }
  });
});

describe('TesseractEngine shutdown', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => void process.off('unhandledRejection', onUnhandled));

  it('lets reads under way finish, then refuses new ones with a clear error', { timeout: 30_000 }, async () => {
    const engine = await TesseractEngine.create();
    const image = barsImage();
    const underWay = [engine.recognize(image), engine.recognize(image, { alphabet: 'any' }), engine.recognize(image)];
    await engine.terminate();
    const settled = await Promise.allSettled(underWay);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    await expect(engine.recognize(image)).rejects.toBeInstanceOf(OcrEngineClosedError);
    await expect(engine.recognize(image, { alphabet: 'any' })).rejects.toBeInstanceOf(OcrEngineClosedError);
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });

  it('rejects, never strands, a read still running when the grace period ends', { timeout: 30_000 }, async () => {
    const engine = await TesseractEngine.create({ terminateGraceMs: 0 });
    const image = barsImage(1600, 200);
    const underWay = [engine.recognize(image), engine.recognize(image, { alphabet: 'any' })];
    await engine.terminate();
    const settled = await Promise.allSettled(underWay);
    expect(settled.every((s) => s.status === 'rejected' && s.reason instanceof OcrEngineClosedError)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });
});
