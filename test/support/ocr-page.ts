// A headless Chromium page and a Tesseract engine for one OCR test file: started before its tests, closed after.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { decodePng } from '../../src-main/adapters/ocr/png-file';
import { TesseractEngine } from '../../src-main/adapters/ocr/tesseract-engine';
import type { RawImage } from '../../src-main/core/ocr/raw-image';
import { launchHeadless } from './chromium';

export interface OcrPage {
  page(): Page;
  engine(): TesseractEngine;
  /** Renders `html` on a blank page (fonts loaded) and returns the pixels of `selector`. */
  shot(html: string, selector: string): Promise<RawImage>;
}

export function useOcrPage(): OcrPage {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let engine: TesseractEngine | undefined;
  beforeAll(async () => {
    [browser, engine] = await Promise.all([launchHeadless(), TesseractEngine.create()]);
    page = await browser.newPage({ deviceScaleFactor: 1 });
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), engine?.terminate()]);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useOcrPage: used outside a test (beforeAll has not run)');
    return value;
  };
  return {
    page: () => started(page),
    engine: () => started(engine),
    shot: async (html, selector) => {
      const p = started(page);
      await p.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
      await p.evaluate(() => document.fonts.ready);
      return decodePng(await p.locator(selector).screenshot());
    },
  };
}
