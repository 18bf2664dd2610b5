// Real Chromium renders multipliers in many fonts, sizes and colours; the real reader (glyphs + Tesseract) reads them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultiplierReader } from '../../../src-main/adapters/ocr/multiplier-reader';
import { decodePng } from '../../../src-main/adapters/ocr/png-file';
import type { RawImage } from '../../../src-main/core/ocr/raw-image';
import { TesseractEngine } from '../../../src-main/adapters/ocr/tesseract-engine';
import { launchHeadless } from '../../support/chromium';
import { seededRandom } from '../../../src-main/core/seeded-random';
import { randomMultiplier, renderSamples, type TextStyle } from './multiplier-samples';
import { DECORATED_STYLES, HELD_OUT_FONTS, randomStyles, STYLES } from './styles';

const READS_PER_STYLE = 30;

interface Tally {
  total: number;
  exact: number;
  glyphReads: number;
  glyphExact: number;
  misses: string[];
}

describe('MultiplierReader on rendered text', () => {
  let browser: Browser;
  let engine: TesseractEngine;

  beforeAll(async () => {
    [browser, engine] = await Promise.all([launchHeadless(), TesseractEngine.create()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), engine?.terminate()]);
  });

  /** One reader per style, as the app has one per game region, fed a seeded stream of values. */
  async function readAll(styles: readonly TextStyle[], random: () => number): Promise<Tally> {
    const tally: Tally = { total: 0, exact: 0, glyphReads: 0, glyphExact: 0, misses: [] };
    for (const style of styles) {
      const reader = new MultiplierReader(engine);
      const values = Array.from({ length: READS_PER_STYLE }, () => randomMultiplier(random));
      for (const sample of await renderSamples(browser, style, values, random)) {
        const read = await reader.read(sample.image);
        const exact = read.value === sample.value;
        tally.total++;
        if (exact) tally.exact++;
        else tally.misses.push(`${style.name}: ${JSON.stringify(sample.text)} read ${JSON.stringify(read.text)} via ${read.path}`);
        if (read.path === 'glyph') {
          tally.glyphReads++;
          if (exact) tally.glyphExact++;
        }
      }
    }
    return tally;
  }

  it('reads ≥ 99.5% exactly across the tuned fonts, and the glyph path takes over without errors', { timeout: 120_000 }, async () => {
    const tally = await readAll(STYLES, seededRandom(20261121));
    expect(tally.misses).toEqual(tally.misses.slice(0, Math.floor(tally.total * 0.005)));
    expect(tally.exact / tally.total).toBeGreaterThanOrEqual(0.995);
    expect(tally.glyphReads).toBeGreaterThan(tally.total * 0.4);
    expect(tally.glyphExact).toBe(tally.glyphReads);
  });

  it('reads ≥ 99.5% exactly in fonts, sizes and colours it was never tuned on', { timeout: 120_000 }, async () => {
    const random = seededRandom(777);
    const tally = await readAll(randomStyles(random, 12, HELD_OUT_FONTS), random);
    expect(tally.exact / tally.total, tally.misses.join('\n')).toBeGreaterThanOrEqual(0.995);
    expect(tally.glyphExact).toBe(tally.glyphReads);
  });

  it('reads ≥ 99.5% exactly through glow, shadows and gradient backgrounds', { timeout: 120_000 }, async () => {
    const tally = await readAll(DECORATED_STYLES, seededRandom(4242));
    expect(tally.exact / tally.total, tally.misses.join('\n')).toBeGreaterThanOrEqual(0.995);
    expect(tally.glyphExact).toBe(tally.glyphReads);
  });

  async function renderText(text: string): Promise<RawImage> {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    try {
      await page.setContent(`<div id="m" style="display:inline-block;padding:12px 20px;color:#fff;background:#0f1923;font:700 40px 'DejaVu Sans'">${text}</div>`);
      return decodePng(await page.locator('#m').screenshot());
    } finally {
      await page.close();
    }
  }

  it('learns the decimals a game shows, then refuses a read that lost its point; a fresh reader takes 372x as is', async () => {
    const reader = new MultiplierReader(engine);
    expect(reader.lockedDecimals).toBeNull();
    for (const text of ['3.70x', '3.71x', '3.72x']) expect((await reader.read(await renderText(text))).decimals).toBe(2);
    expect(reader.lockedDecimals).toBe(2);
    const lostPoint = await renderText('372x');
    expect(await reader.read(lostPoint)).toMatchObject({ text: '372x', value: null, unreadable: 'format' });
    expect(await new MultiplierReader(engine).read(lostPoint)).toMatchObject({ text: '372x', value: 372, decimals: 0 });
  });

  it('can be told the decimals up front', async () => {
    expect(await new MultiplierReader(engine, { decimals: 2 }).read(await renderText('372x'))).toMatchObject({ value: null, unreadable: 'format' });
  });

  it('reports a blank region as unreadable', async () => {
    const flat = { data: new Uint8Array(200 * 60 * 4).fill(30), width: 200, height: 60, order: 'rgba' as const };
    const read = await new MultiplierReader(engine).read(flat);
    expect(read).toMatchObject({ value: null, text: '', unreadable: 'blank' });
  });
});
