// A real X screen: Chromium shows the multiplier in a window, nut-js grabs the region, the reader reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultiplierReader } from '../../../src-main/adapters/ocr/multiplier-reader';
import { TesseractEngine } from '../../../src-main/adapters/ocr/tesseract-engine';
import { openLivePage, type LivePage } from './live-page';
import { XVFB_AVAILABLE } from '../../support/xvfb';

describe.skipIf(!XVFB_AVAILABLE)('reading the multiplier off a real X screen', () => {
  let live: LivePage;
  let engine: TesseractEngine;

  beforeAll(async () => {
    [live, engine] = await Promise.all([openLivePage("700 40px 'Liberation Sans'", { fg: '#3fd26b', bg: '#101418' }), TesseractEngine.create()]);
  });
  afterAll(async () => {
    await Promise.all([live?.close(), engine?.terminate()]);
  });

  it('reads by Tesseract first, then by learned glyphs, always exactly', { timeout: 60_000 }, async () => {
    const reader = new MultiplierReader(engine);
    for (const [text, value] of [['1.02x', 1.02], ['3.45x', 3.45], ['67.89x', 67.89], ['1,234.56x', 1234.56]] as const) {
      await live.show(text);
      const read = await reader.captureAndRead(live.region);
      expect({ text: read.text, value: read.value, path: read.path }).toEqual({ text, value, path: 'tesseract' });
    }
    for (const [text, value] of [['9.87x', 9.87], ['5,432.10x', 5432.1], ['210.63x', 210.63]] as const) {
      await live.show(text);
      const read = await reader.captureAndRead(live.region);
      expect({ text: read.text, value: read.value, path: read.path }).toEqual({ text, value, path: 'glyph' });
    }
  });

  it('sees the multiplier disappear', async () => {
    await live.show('');
    const read = await new MultiplierReader(engine).captureAndRead(live.region);
    expect(read.value).toBeNull();
  });
});
