// A game's balance read off rendered pixels, the way a profile's balance region sees it: the region is drawn around
// the balance once, and the bar is right-aligned, so a shorter balance pulls the end of its label into the region.
import { describe, expect, it } from 'vitest';
import { MultiplierReader } from '../../../src-main/adapters/ocr/multiplier-reader';
import { decodePng } from '../../../src-main/adapters/ocr/png-file';
import { useOcrPage } from '../../support/ocr-page';

const FONTS = ["700 15px 'Roboto'", "600 16px 'Lato'", "700 14px 'Inter'", "400 18px 'DejaVu Sans'", "800 20px 'Open Sans'", "700 16px 'Cantarell'"];
const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A top bar as games draw it: the label muted, the amount bold, pushed to the right edge. */
const bar = (font: string, inner: string) =>
  `<div style="display:flex;justify-content:flex-end;align-items:center;width:360px;height:44px;padding:0 16px;background:#17202c;color:#e6edf5;font:${font}">
     <span style="color:#8a98a8;font-weight:400">Balance</span>&nbsp;${inner}</div>`;

describe('reading an amount beside its label', () => {
  const ocr = useOcrPage();

  /** The region around `#a` when it showed `drawnAt`, then the pixels there once the bar shows `inner` instead. */
  async function regionAfter(font: string, drawnAt: string, inner: (amount: string) => string, shown: string) {
    await ocr.page().setContent(`<!doctype html><html><body style="margin:0">${bar(font, inner(drawnAt))}</body></html>`);
    await ocr.page().evaluate(() => document.fonts.ready);
    const b = (await ocr.page().locator('#a').boundingBox())!;
    const clip = { x: Math.round(b.x) - 4, y: Math.round(b.y) - 4, width: Math.round(b.width) + 8, height: Math.round(b.height) + 8 };
    await ocr.page().setContent(`<!doctype html><html><body style="margin:0">${bar(font, inner(shown))}</body></html>`);
    await ocr.page().evaluate(() => document.fonts.ready);
    return decodePng(await ocr.page().screenshot({ clip }));
  }

  const plain = (a: string) => `<span id="a">${a}</span>`;

  it.each(FONTS)('reads the balance when the label slides into the region (%s)', { timeout: 60_000 }, async (font) => {
    const reader = new MultiplierReader(ocr.engine());
    for (const balance of [1000, 999.34, 99.5, 1001.6, 12.3]) {
      const image = await regionAfter(font, money(1000), plain, money(balance));
      expect((await reader.readAmount(image)).value, `${money(balance)} in ${font}`).toBe(balance);
    }
  });

  it('reads an amount with a currency before or after it', { timeout: 60_000 }, async () => {
    for (const font of FONTS.slice(0, 3)) {
      for (const inner of [(a: string) => `<span id="a">$ ${a}</span>`, (a: string) => `<span id="a">${a} USD</span>`]) {
        const read = await new MultiplierReader(ocr.engine()).readAmount(await regionAfter(font, money(1000), inner, money(987.65)));
        expect(read.value, `${inner('987.65')} in ${font}`).toBe(987.65);
      }
    }
  });

  it('never reads a piece of a number, or a divider as a digit, as the amount: it reads it right or refuses', { timeout: 60_000 }, async () => {
    const tabular = (a: string) => `<span id="a" style="font-variant-numeric:tabular-nums">${a}</span>`;
    const divided = (a: string) => `<span id="a">|&nbsp;&nbsp;${a}</span>`;
    const spaced = (a: string) => `<span id="a">${a.replace(',', '&nbsp;')}</span>`;
    for (const font of FONTS) {
      // Wide-set ones: their gaps can be as wide as a space.
      expect((await new MultiplierReader(ocr.engine()).readAmount(await regionAfter(font, money(1111.11), tabular, money(1111.11)))).value, font).toBe(1111.11);
      for (const [inner, amount] of [
        [divided, 999.34],
        [spaced, 1234.56],
      ] as const) {
        const read = await new MultiplierReader(ocr.engine()).readAmount(await regionAfter(font, money(amount), inner, money(amount)));
        if (read.value !== null) expect(read.value, `${inner(money(amount))} in ${font}`).toBe(amount);
      }
    }
  });

  it('reads a clean balance the same as a multiplier read does, and no value where the amount is gone', { timeout: 60_000 }, async () => {
    const reader = new MultiplierReader(ocr.engine());
    const image = await regionAfter(FONTS[0]!, money(1234.56), plain, money(1234.56));
    expect((await reader.readAmount(image)).value).toBe(1234.56);
    expect((await new MultiplierReader(ocr.engine()).read(image)).value).toBe(1234.56);
    expect((await reader.readAmount(await regionAfter(FONTS[0]!, money(1234.56), plain, ''))).value).toBeNull();
  });
});
