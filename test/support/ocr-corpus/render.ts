// Draws corpus samples with real Chromium, many per page and screenshot, and cuts out one region per sample.
import type { Browser } from 'playwright-core';
import { decodePng } from '../../../src-main/adapters/ocr/png-file';
import type { RawImage } from '../../../src-main/core/ocr/raw-image';
import type { CorpusSample } from './spec';

/** Samples per page: one screenshot each, small enough to stay far below Chromium's texture limits at 2×. */
const PER_PAGE = 30;

interface CssBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One image per sample, in the sample's device pixels, in the order given. */
export async function renderCorpus(browser: Browser, samples: readonly CorpusSample[]): Promise<RawImage[]> {
  const images = new Map<CorpusSample, RawImage>();
  for (const dpr of new Set(samples.map((s) => s.dpr))) {
    const atRatio = samples.filter((s) => s.dpr === dpr);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: dpr });
    try {
      for (let from = 0; from < atRatio.length; from += PER_PAGE) {
        const chunk = atRatio.slice(from, from + PER_PAGE);
        await page.setContent(pageHtml(chunk));
        await page.evaluate(() => document.fonts.ready);
        const boxes = await page.$$eval('.region', (elements) =>
          elements.map((e) => {
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
        );
        const shot = decodePng(await page.screenshot({ fullPage: true }));
        chunk.forEach((sample, i) => {
          const box = boxes[i];
          if (box) images.set(sample, cropInside(shot, box, dpr));
        });
      }
    } finally {
      await page.close();
    }
  }
  return samples.map((s) => {
    const image = images.get(s);
    if (!image) throw new Error(`sample ${s.id} was not rendered`);
    return image;
  });
}

export function pageHtml(samples: readonly CorpusSample[]): string {
  const regions = samples.map(
    (s) =>
      `<div class="region" style="position:relative;display:inline-block;overflow:hidden;${s.regionCss}">` +
      (s.underlaySvg ? `<div style="position:absolute;inset:0">${s.underlaySvg.replace('<svg ', "<svg width='100%' height='100%' ")}</div>` : '') +
      `<span style="position:relative;display:inline-block;${s.textCss}">${s.text}</span></div>`,
  );
  return `<!doctype html><html><body style="margin:0;background:#808080"><div style="display:flex;flex-wrap:wrap;align-items:flex-start;gap:12px;padding:12px">${regions.join('')}</div></body></html>`;
}

/** Device pixels wholly inside the CSS box: at fractional ratios the edge pixels would mix in the page around it. */
function cropInside(image: RawImage, box: CssBox, dpr: number): RawImage {
  const x0 = Math.ceil(box.x * dpr);
  const y0 = Math.ceil(box.y * dpr);
  const width = Math.min(image.width, Math.floor((box.x + box.width) * dpr)) - x0;
  const height = Math.min(image.height, Math.floor((box.y + box.height) * dpr)) - y0;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height, order: 'rgba' };
}
