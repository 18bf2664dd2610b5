import { describe, expect, it } from 'vitest';
import { drawText } from '../../core/ocr/bitmap-font.fixture';
import { parseMultiplier } from '../../core/ocr/parse-multiplier';
import { MultiplierReader, type LineRecognizer } from './multiplier-reader';
import type { Alphabet } from './tesseract-engine';

/** Tesseract stand-in: answers `number` when restricted to multiplier characters, `words` otherwise. */
function recognizer(number: string, words = number): LineRecognizer {
  return { recognize: async (_image: Uint8Array, alphabet?: Alphabet) => ({ text: alphabet === 'any' ? words : number, confidence: 90 }) };
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
