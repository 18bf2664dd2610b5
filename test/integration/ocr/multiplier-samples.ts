// Seeded multiplier strings in a spread of fonts, sizes and colours, rendered by real Chromium into raw pixels.
import type { Browser } from 'playwright-core';
import { decodePng } from '../../../src-main/adapters/ocr/png-file';
import type { RawImage } from '../../../src-main/core/ocr/raw-image';

export interface TextStyle {
  readonly name: string;
  readonly fontFamily: string;
  readonly fontWeight: 400 | 700;
  readonly fontSizePx: number;
  readonly color: string;
  readonly background: string;
  readonly format: (digits: string) => string;
}

export interface Sample {
  readonly style: TextStyle;
  readonly text: string;
  readonly value: number;
  readonly image: RawImage;
}

export const FORMATS = {
  suffixX: (d: string) => `${d}x`,
  suffixTimes: (d: string) => `${d}×`,
  prefixX: (d: string) => `x${d}`,
  bare: (d: string) => d,
} as const;

/** Values 1.00–999.99 spread on a log scale (as crash games produce them), plus some thousands with separators. */
export function randomMultiplier(random: () => number): number {
  if (random() < 0.08) return Math.round((1000 + random() * 49_000) * 100) / 100;
  return Math.max(1, Math.min(999.99, Math.floor(Math.exp(random() * Math.log(1000)) * 100) / 100));
}

export function formatDigits(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Renders each text in `style` and returns one tight-but-padded region per text, as a game region would be drawn. */
export async function renderSamples(browser: Browser, style: TextStyle, values: readonly number[], random: () => number): Promise<Sample[]> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  try {
    const texts = values.map((v) => style.format(formatDigits(v)));
    const paddings = values.map(() => [4 + Math.floor(random() * 14), 4 + Math.floor(random() * 30)] as const);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:${style.background}">
      <div style="display:flex;flex-wrap:wrap;gap:6px;padding:6px">${texts
        .map(
          (text, i) =>
            `<div class="m" style="padding:${paddings[i]?.[0]}px ${paddings[i]?.[1]}px;font:${style.fontWeight} ${style.fontSizePx}px '${style.fontFamily}';color:${style.color};line-height:1.2;white-space:nowrap">${text}</div>`,
        )
        .join('')}</div></body></html>`);
    await page.evaluate(() => document.fonts.ready);
    const boxes = await page.$$eval('.m', (elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
      }),
    );
    const shot = decodePng(await page.screenshot({ fullPage: true }));
    return boxes.map((box, i) => ({ style, text: texts[i] ?? '', value: values[i] ?? 0, image: crop(shot, box) }));
  } finally {
    await page.close();
  }
}

function crop(image: RawImage, box: { x: number; y: number; width: number; height: number }): RawImage {
  const data = new Uint8Array(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.y + y) * image.width + box.x) * 4;
    data.set(image.data.subarray(from, from + box.width * 4), y * box.width * 4);
  }
  return { data, width: box.width, height: box.height, order: 'rgba' };
}
