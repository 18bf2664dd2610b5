// A real Chromium window on a private Xvfb screen showing one multiplier, so tests read real screen pixels.
import type { Browser, Page } from 'playwright-core';
import { launchOnDisplay } from '../../support/chromium';
import { startPrivateScreen, type PrivateScreen } from './private-screen';
import type { ScreenRegion } from '../../../src-main/adapters/ocr/screen-capture';

export interface LivePage {
  readonly screen: PrivateScreen;
  readonly page: Page;
  /** Screen coordinates of the multiplier box, for grabbing. */
  readonly region: ScreenRegion;
  show(text: string): Promise<void>;
  /** Animates `m(t) = e^(rate·t)` from 1 to `max` and back, updating the text every frame; texts shown are recorded. */
  animate(ratePerMs: number, max: number): Promise<void>;
  /**
   * Moves and restyles the multiplier box; returns its new screen region. The same page and screen: nut-js keeps the
   * X connection of its first grab, so a second page on another screen could not be read.
   */
  reshape(style: string, box: typeof BOX): Promise<ScreenRegion>;
  /** Every distinct text shown since the last call to animate(). */
  shownTexts(): Promise<string[]>;
  /** Closes the browser; the X server stops once this process exits (see private-screen.ts). */
  close(): Promise<void>;
}

const WIDTH = 800;
const HEIGHT = 400;
const BOX = { left: 200, top: 150, width: 360, height: 90 };
/** Where the practice game's skins put their readout region, and its size (it holds a 96 px number). */
export const GAME_READOUT_BOX = { left: 38, top: 111, width: 724, height: 178 };

/** Opens the page and points `DISPLAY` (read by nut-js on its first grab) at the private screen. */
export async function openLivePage(style = "700 48px 'DejaVu Sans'", colors = { fg: '#ffffff', bg: '#0f1923' }): Promise<LivePage> {
  const screen = await startPrivateScreen(WIDTH, HEIGHT);
  let browser: Browser | undefined;
  try {
    process.env.DISPLAY = screen.display;
    browser = await launchOnDisplay(screen.display, ['--kiosk', '--window-position=0,0', `--window-size=${WIDTH},${HEIGHT}`]);
    const page = await browser.newPage({ viewport: null });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:${colors.bg};overflow:hidden">
      <div id="m" style="position:absolute;left:${BOX.left}px;top:${BOX.top}px;width:${BOX.width}px;height:${BOX.height}px;
        display:flex;align-items:center;justify-content:center;font:${style};color:${colors.fg}">1.00x</div>
      <script>
        window.__shown = new Set();
        window.__animate = (rate, max) => {
          const el = document.getElementById('m');
          window.__shown = new Set([el.textContent]);
          const fmt = (v) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + 'x';
          const start = performance.now();
          const cycle = Math.log(max) / rate;
          const frame = (now) => {
            const t = (now - start) % cycle;
            const text = fmt(Math.floor(Math.exp(rate * t) * 100) / 100);
            el.textContent = text;
            window.__shown.add(text);
            window.__frame = requestAnimationFrame(frame);
          };
          cancelAnimationFrame(window.__frame);
          window.__frame = requestAnimationFrame(frame);
        };
      </script></body></html>`);
    await page.evaluate(() => document.fonts.ready);
    // Kiosk windows have no browser chrome, but measure rather than assume where the page sits on screen.
    const origin = await page.evaluate(() => ({ x: window.screenX + window.outerWidth - window.innerWidth, y: window.screenY + window.outerHeight - window.innerHeight }));
    const regionOf = (b: typeof BOX): ScreenRegion => ({ x: origin.x + b.left, y: origin.y + b.top, width: b.width, height: b.height });
    const region = regionOf(BOX);
    const opened = browser;
    return {
      screen,
      page,
      region,
      show: async (text) => {
        await page.evaluate((t) => {
          const el = document.getElementById('m');
          if (el) el.textContent = t;
        }, text);
        // Two frames: the new text is painted and on the X screen.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await new Promise((r) => setTimeout(r, 50));
      },
      animate: async (rate, max) => {
        await page.evaluate(([r, m]) => (window as unknown as { __animate: (r: number, m: number) => void }).__animate(r, m), [rate, max] as const);
      },
      reshape: async (font, to) => {
        await page.evaluate(
          ([f, b]) => {
            const style = document.getElementById('m')?.style;
            if (style) Object.assign(style, { font: f, left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` });
          },
          [font, to] as const,
        );
        return regionOf(to);
      },
      shownTexts: async () => page.evaluate(() => [...(window as unknown as { __shown: Set<string> }).__shown]),
      close: async () => {
        await opened.close();
      },
    };
  } catch (error) {
    await browser?.close();
    throw error;
  }
}
