// Helpers for the cockpit UI end-to-end tests (test/e2e/ui-*.test.ts).
import type { Page } from 'playwright-core';
import { CrashChain } from '../../src-shared/crash/bustabit';

/** Collects console errors and page errors: any at all fails the suite. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** First seed `${prefix}-n` whose first `rounds` crash points all satisfy `accept` (the practice game is deterministic per seed). */
export function findSeed(prefix: string, rounds: number, accept: (crashPoint: number, round: number) => boolean): string {
  for (let n = 1; n < 5000; n++) {
    const seed = `${prefix}-${n}`;
    const chain = new CrashChain(seed);
    let ok = true;
    for (let r = 1; r <= rounds && ok; r++) ok = accept(chain.crashPoint(r), r);
    if (ok) return seed;
  }
  throw new Error(`no seed for ${prefix}`);
}

export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where an element of a page in a real window sits on the X screen, in screen pixels. */
export async function screenBoxOf(page: Page, selector: string): Promise<ScreenBox> {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    const ox = window.screenX + window.outerWidth - window.innerWidth;
    const oy = window.screenY + window.outerHeight - window.innerHeight;
    return { x: ox + r.left, y: oy + r.top, width: r.width, height: r.height };
  }, selector);
}

/** Page coordinates in the cockpit that show screen point (x, y) on the live screenshot (display origin 0,0). */
export async function screenshotPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.getByTestId('screenshot').evaluate(
    (img: HTMLImageElement, p) => {
      const r = img.getBoundingClientRect();
      const scale = Number(img.dataset.scale);
      const cssPerPhysical = r.width / (img.naturalWidth * scale);
      return { x: r.left + p.x * cssPerPhysical, y: r.top + p.y * cssPerPhysical };
    },
    { x, y },
  );
}

/**
 * Presses Tab until focus comes back round to the first control it reached, and returns the probe ids of every
 * control focused on the way (wrapping past the end of the page, wherever the focus started).
 */
export async function tabStops(page: Page, max = 300): Promise<string[]> {
  const seen: string[] = [];
  let outside = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (!el.dataset.tabProbe) el.dataset.tabProbe = String(Math.random());
      return el.dataset.tabProbe;
    });
    if (id === null) {
      if (++outside > 3) break;
      continue;
    }
    outside = 0;
    if (seen.includes(id)) break;
    seen.push(id);
  }
  return seen;
}

/** Every enabled, visible button, input, select and textarea in `root`, tagged so tabStops can be compared to it. */
export async function focusableControls(page: Page, root = 'body'): Promise<Array<{ id: string; name: string }>> {
  return page.evaluate((sel) => {
    const out: Array<{ id: string; name: string }> = [];
    for (const el of document.querySelector(sel)!.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex="0"]')) {
      if ((el as HTMLButtonElement).disabled || el.hidden || el.closest('[hidden]') || el.getClientRects().length === 0) continue;
      if (!el.dataset.tabProbe) el.dataset.tabProbe = String(Math.random());
      out.push({ id: el.dataset.tabProbe, name: el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? (el.textContent?.trim() || el.tagName) });
    }
    return out;
  }, root);
}

/** Collects, in order, the payloads of one contract event as the page receives them over the bridge. */
export function collectBridgeEvents<T>(page: Page, name: string): T[] {
  const payloads: T[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type: string; name?: string; payload?: T };
      if (frame.type === 'event' && frame.name === name) payloads.push(frame.payload!);
    }),
  );
  return payloads;
}

/** Opens the cockpit at its tokenised URL and waits until the bridge reports it connected. */
export async function openCockpit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('connection-status').getByText('connected', { exact: true }).waitFor();
}
