import { describe, expect, it } from 'vitest';
import { drawText } from '../../core/ocr/bitmap-font.fixture';
import { parseMultiplier } from '../../core/ocr/parse-multiplier';
import type { RawImage } from '../../core/ocr/raw-image';
import { MultiplierReader, type LineRecognizer } from './multiplier-reader';
import type { RecognizeOptions } from './tesseract-engine';

/** `top` drawn above `bottom`, on `bottom`'s background. */
function stacked(top: RawImage, bottom: RawImage): RawImage {
  const width = Math.max(top.width, bottom.width);
  const height = top.height + bottom.height;
  const data = new Uint8Array(width * height * 4);
  const background = bottom.data.subarray(0, 4);
  for (let i = 0; i < width * height; i++) data.set(background, i * 4);
  for (const [image, y0] of [[top, 0], [bottom, top.height]] as const) {
    for (let y = 0; y < image.height; y++) data.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), ((y0 + y) * width) * 4);
  }
  return { data, width, height, order: 'rgba', stride: width * 4 };
}

/** Tesseract stand-in: answers `number` when restricted to multiplier characters, `words` otherwise. */
function recognizer(number: string, words = number): LineRecognizer {
  return { recognize: async (_image: Uint8Array, options?: RecognizeOptions) => ({ text: options?.alphabet === 'any' ? words : number, confidence: 90 }) };
}

describe('MultiplierReader: a value is always one number', () => {
  it('refuses a line whose shapes show two points between digits, whatever Tesseract says ("118.10×" never "118.1.0x")', async () => {
    // A speck between the 1 and the 0 is shaped like a point: the line's glyphs are ddd.d.dx.
    const speck = drawText('118.1.0x');
    for (const tesseract of ['118.10x', '118.1.0x', '11810x']) {
      const read = await new MultiplierReader(recognizer(tesseract)).read(speck);
      expect(read.value, tesseract).toBeNull();
      expect(read.decimals).toBeNull();
      // The reader adds no point of its own: what it reports is at most what Tesseract wrote.
      expect((read.text.match(/\./g) ?? []).length, tesseract).toBeLessThanOrEqual((tesseract.match(/\./g) ?? []).length);
    }
  });

  it('refuses a read with more points than the screen shows, rather than choose one ("118.1.0x" read on "118.10x")', async () => {
    const read = await new MultiplierReader(recognizer('118.1.0x')).read(drawText('118.10x'));
    expect(read).toMatchObject({ value: null, decimals: null });
  });

  it('keeps the point Tesseract saw where the glyphs lost it: refused, never 5653 for 56.53', async () => {
    const read = await new MultiplierReader(recognizer('56.53')).read(drawText('5653'));
    expect(read).toMatchObject({ value: null, decimals: null });
  });

  it('every value read parses back to itself, with the decimals it reports', async () => {
    for (const shown of ['1.00x', '118.10x', '2.5x', 'x37', '1,234.56x', '12,345x']) {
      const read = await new MultiplierReader(recognizer(shown)).read(drawText(shown.replace('×', 'x')));
      expect(read.value, shown).not.toBeNull();
      expect(parseMultiplier(read.text)?.value, shown).toBe(read.value);
      expect((read.text.match(/\./g) ?? []).length, shown).toBeLessThanOrEqual(1);
      expect(read.decimals, shown).toBe(/\.(\d+)/.exec(shown)?.[1]?.length ?? 0);
    }
  });
});

describe('MultiplierReader: a line Tesseract\'s layout analysis drops', () => {
  it('is read once more as a raw line, and that read passes the same checks', async () => {
    const layouts: string[] = [];
    const dropsLines: LineRecognizer = {
      recognize: async (_image, options) => {
        layouts.push(options?.layout ?? 'line');
        return { text: options?.layout === 'raw-line' ? '2.35x' : '', confidence: 90 };
      },
    };
    expect(await new MultiplierReader(dropsLines).read(drawText('2.35x'))).toMatchObject({ value: 2.35, path: 'tesseract' });
    expect(layouts.slice(0, 2)).toEqual(['line', 'raw-line']);
    // A raw line that does not fit the glyphs is refused like any other read.
    const misreads: LineRecognizer = { recognize: async (_image, options) => ({ text: options?.layout === 'raw-line' ? '2.3x' : '', confidence: 90 }) };
    expect((await new MultiplierReader(misreads).read(drawText('2.35x'))).value).toBeNull();
  });
});

describe('MultiplierReader: a big number in flight is read at half size', () => {
  /** Tesseract stand-in that reads `texts` in turn and counts its calls. */
  function scripted(...texts: string[]): LineRecognizer & { calls: number } {
    const stub = {
      calls: 0,
      recognize: async () => ({ text: texts[Math.min(stub.calls++, texts.length - 1)] ?? '', confidence: 90 }),
    };
    return stub;
  }
  const big = (text: string, fg?: readonly [number, number, number]) => drawText(text, { scale: 10, ...(fg ? { fg } : {}) });
  /** Three Tesseract-confirmed reads that between them show every digit. */
  const LESSONS = ['10.23x', '45.67x', '89.01x'];
  async function taught(): Promise<{ reader: MultiplierReader; tesseract: ReturnType<typeof scripted> }> {
    const tesseract = scripted(...LESSONS);
    const reader = new MultiplierReader(tesseract, { decimals: 2 });
    for (const text of LESSONS) expect(await reader.read(big(text))).toMatchObject({ path: 'tesseract', value: parseMultiplier(text)?.value });
    return { reader, tesseract };
  }

  it('once Tesseract has confirmed every digit, the next frames read at half size by the glyphs alone', async () => {
    const { reader, tesseract } = await taught();
    const calls = tesseract.calls;
    for (const [text, value] of [['89.03x', 89.03], ['89.12x', 89.12], ['90.45x', 90.45]] as const) {
      expect(await reader.read(big(text)), text).toMatchObject({ value, path: 'glyph', halfSize: true, decimals: 2 });
    }
    expect(tesseract.calls).toBe(calls);
  });

  it('not before the half-size templates know every digit: an unknown one could match a known one there', async () => {
    const reader = new MultiplierReader(scripted('10.23x'), { decimals: 2 });
    await reader.read(big('10.23x'));
    const read = await reader.read(big('10.32x'));
    expect(read).toMatchObject({ value: 10.32, path: 'glyph' });
    expect(read.halfSize).toBeUndefined();
  });

  it('a digit Tesseract never confirmed at half size is taught there by a full-size glyph read, and half-size reads begin', async () => {
    // The 8 and the 9 are confirmed only in small text, which has no half-size line: the full-size templates know
    // them, the half-size ones do not, and Tesseract is not asked again once the glyphs read the flight.
    const tesseract = scripted('10.23x', '45.67x', '89.01x');
    const reader = new MultiplierReader(tesseract, { decimals: 2 });
    await reader.read(big('10.23x'));
    await reader.read(big('45.67x'));
    await reader.read(drawText('89.01x', { scale: 4 }));
    const calls = tesseract.calls;
    const first = await reader.read(big('89.02x'));
    expect(first).toMatchObject({ value: 89.02, path: 'glyph' });
    expect(first.halfSize).toBeUndefined();
    expect(await reader.read(big('89.03x'))).toMatchObject({ value: 89.03, path: 'glyph', halfSize: true });
    expect(tesseract.calls).toBe(calls);
  });

  it('small text is never read at half size', async () => {
    const reader = new MultiplierReader(scripted(...LESSONS), { decimals: 2 });
    for (const text of LESSONS) await reader.read(drawText(text, { scale: 4 }));
    const read = await reader.read(drawText('89.03x', { scale: 4 }));
    expect(read).toMatchObject({ value: 89.03, path: 'glyph' });
    expect(read.halfSize).toBeUndefined();
  });

  it('a number lower than the last, higher than the flight can have grown, shorter, or of another colour, is read at full size', async () => {
    const { reader } = await taught();
    // Lower, as a misread digit would make it (1.08 read as 1.00); then higher than any game grows in a frame.
    expect((await reader.read(big('88.01x'))).halfSize).toBeUndefined();
    expect((await reader.read(big('98.01x'))).halfSize).toBeUndefined();
    expect((await reader.read(big('98.02x'))).halfSize).toBe(true);
    // Shorter: a digit lost at half size would look like this.
    expect((await reader.read(big('9.99x'))).halfSize).toBeUndefined();
    expect((await reader.read(big('10.00x'))).halfSize).toBe(true);
    // Turned red: a crash look the phase logic must see from the full analysis.
    const red = await reader.read(big('10.01x', [230, 40, 40]));
    expect(red).toMatchObject({ value: 10.01 });
    expect(red.halfSize).toBeUndefined();
    // Blank, then the number again: the first frame back is read at full size.
    expect((await reader.read(drawText('', { scale: 10 }))).value).toBeNull();
    expect((await reader.read(big('10.01x'))).halfSize).toBeUndefined();
  });

  it('a line appearing beside the number (crash text over it) is read at full size', async () => {
    const { reader } = await taught();
    expect((await reader.read(big('89.03x'))).halfSize).toBe(true);
    // Text above the number, as "FLEW AWAY!" is drawn: here a smaller line of digits, which the reader counts as a line.
    const withText = stacked(drawText('111', { scale: 5 }), big('89.04x'));
    const read = await reader.read(withText);
    expect(read).toMatchObject({ value: 89.04, extraLines: 1 });
    expect(read.halfSize).toBeUndefined();
  });

  it('forcing Tesseract skips it', async () => {
    const tesseract = scripted(...LESSONS, '89.03x');
    const reader = new MultiplierReader(tesseract, { decimals: 2 });
    for (const text of LESSONS) await reader.read(big(text));
    const read = await reader.read(big('89.03x'), { allowGlyphs: false });
    expect(read).toMatchObject({ value: 89.03, path: 'tesseract' });
    expect(read.halfSize).toBeUndefined();
  });
});

describe('MultiplierReader: glyphs that cannot be matched to the read one to one', () => {
  /** `x98.9` with a bar fused on top of its last 9 (a star's ray), so the two 9s no longer look alike to the glyph check. */
  function speckOnLastNine(): RawImage {
    const image = drawText('x98.9', { scale: 3 });
    const stride = image.width * 4;
    const lastNineLeft = 6 + 3 * (6 + 6 + 6 + 2);
    for (let y = 3; y < 6; y++) for (let x = lastNineLeft; x < lastNineLeft + 15; x++) image.data.set([255, 255, 255, 255], y * stride + x * 4);
    return image;
  }

  it('reads a value the glyphs place the point of, when a third unrestricted read at another scale agrees', async () => {
    expect(await new MultiplierReader(recognizer('x98.9')).read(speckOnLastNine())).toMatchObject({ value: 98.9, path: 'tesseract' });
  });

  it('refuses it when the third read disagrees, or shows words', async () => {
    for (const other of ['x96.9', 'x98.6', 'x989', 'PREPARING']) {
      expect((await new MultiplierReader(recognizer('x98.9', other)).read(speckOnLastNine())).value, other).toBeNull();
    }
  });

  it('such a read never teaches the glyph templates', async () => {
    const reader = new MultiplierReader(recognizer('x98.9'));
    expect(await reader.read(speckOnLastNine())).toMatchObject({ value: 98.9 });
    expect((await reader.read(drawText('x98.9'))).path).toBe('tesseract');
  });
});

describe('MultiplierReader: a game that drops trailing zeros (2.3x for 2.30, as JavaScript writes a number)', () => {
  /** Tesseract stand-in that reads what is on screen. */
  function truthful(): LineRecognizer & { shown: string } {
    const stub = { shown: '', recognize: async () => ({ text: stub.shown, confidence: 90 }) };
    return stub;
  }
  const cents = (from: number, to: number) => Array.from({ length: Math.round((to - from) * 100) + 1 }, (_, i) => Number((from + i / 100).toFixed(2)));
  const trimmed = (value: number) => `${value}x`;

  it.each([
    { by: 'the glyphs once learned', allowGlyphs: true, refusedFirst: [] },
    // Every read by Tesseract: the held 1x locks 0 decimals, which the first three cents overturn.
    { by: 'Tesseract alone', allowGlyphs: false, refusedFirst: ['1.01x', '1.02x', '1.03x'] },
  ])('reads the whole flight once three shorter values have shown it, each with the game\'s two decimals ($by)', async ({ allowGlyphs, refusedFirst }) => {
    const tesseract = truthful();
    const reader = new MultiplierReader(tesseract);
    const reads: { shown: string; value: number | null; decimals: number | null }[] = [];
    // The flight holds 1x for a few frames, then climbs a cent a frame.
    for (const value of [1, 1, 1, ...cents(1.01, 1.45)]) {
      tesseract.shown = trimmed(value);
      const read = await reader.read(drawText(tesseract.shown), { allowGlyphs });
      reads.push({ shown: tesseract.shown, value: read.value, decimals: read.decimals });
    }
    const refused = reads.filter((r) => r.value === null).map((r) => r.shown);
    expect(refused).toEqual([...refusedFirst, '1.1x', '1.2x', '1.3x']);
    for (const read of reads.slice(reads.findIndex((r) => r.shown === '1.31x'))) expect(read, read.shown).toMatchObject({ value: parseMultiplier(read.shown)!.value, decimals: 2 });
    expect(reader.lockedDecimals).toBe(2);
  });

  it('says the game drops its zeros once it was found to, and a format known beforehand accepts its held 1x from the first read', async () => {
    const tesseract = truthful();
    const learning = new MultiplierReader(tesseract);
    const zeros: (string | undefined)[] = [];
    for (const value of [1.01, 1.02, 1.03, 1.1, 1.2, 1.3, 1.31]) {
      tesseract.shown = trimmed(value);
      zeros.push((await learning.read(drawText(tesseract.shown))).trailingZeros);
    }
    expect(zeros).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 'dropped']);
    // The next session, told the learned format: the frozen x1 of betting is 1.00, not a misread.
    const known = new MultiplierReader(tesseract);
    known.expectFormat({ decimals: 2, trailingZeros: 'dropped' });
    tesseract.shown = 'x1';
    expect(await known.read(drawText('x1'))).toMatchObject({ value: 1, decimals: 2, trailingZeros: 'dropped' });
  });

  it('a format known beforehand refuses whole-number reads of a flight whose point is lost on every frame', async () => {
    // A session that starts mid-flight on orbit at letter-spacing -9px: learned in the session, three such reads lock
    // 0 decimals and 2.06 reads as 206.
    const tesseract = truthful();
    const unknown = new MultiplierReader(tesseract);
    const known = new MultiplierReader(tesseract);
    known.expectFormat({ decimals: 2, trailingZeros: 'shown' });
    for (const text of ['200x', '202x', '203x', '206x']) {
      tesseract.shown = text;
      expect((await unknown.read(drawText(text))).value, text).toBe(Number.parseInt(text, 10));
      expect(await known.read(drawText(text)), text).toMatchObject({ value: null, unreadable: 'format' });
    }
    tesseract.shown = '2.07x';
    expect(await known.read(drawText('2.07x'))).toMatchObject({ value: 2.07, trailingZeros: 'shown' });
  });

  it('a game that writes its zeros keeps refusing a shorter read as a lost digit', async () => {
    const tesseract = truthful();
    const reader = new MultiplierReader(tesseract);
    for (const value of cents(1.05, 1.12)) {
      tesseract.shown = `${value.toFixed(2)}x`;
      expect((await reader.read(drawText(tesseract.shown))).value, tesseract.shown).toBe(value);
    }
    for (const misread of ['1.1x', '1.2x', '1.3x', '1.4x']) {
      tesseract.shown = misread;
      expect((await reader.read(drawText(misread))).value, misread).toBeNull();
    }
  });
});
