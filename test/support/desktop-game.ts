// The practice crash game in a real kiosk Chromium window on a private Xvfb screen, and a game profile measured from it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { GameProfile, Rect } from '../../src-shared/game-profile';
import { CrashChain } from '../../src-shared/crash/bustabit';
import { SKINS, type SkinName } from '../../src-renderer/practice-game/skins';
import { launchKiosk } from './chromium';
import { servePracticeGame, type PracticeGameServer } from './practice-game-server';
import { seedWhere } from './seeds';
import { startXvfb, type XDisplay } from './xvfb';

export interface GameLogEntry {
  type: 'round' | 'bet' | 'bet-ignored' | 'cashout' | 'cashout-ignored' | 'crash' | 'cancel';
  roundId: number;
  at: number;
  multiplier?: number;
  stake?: number;
  payout?: number;
  balance?: number;
  crashPoint?: number;
  reason?: string;
  /** Paid by the game's own auto cash-out, not by a click. */
  auto?: boolean;
  /** Single-button skins: clicked in round `placedInRound`'s flight or crash, acting on round `roundId` (the next). */
  queued?: boolean;
  placedInRound?: number;
}

export interface GameState {
  phase: 'BETTING' | 'FLYING' | 'CRASHED';
  roundId: number;
  multiplier: number;
  balance: number;
  /** Single-button skins: a bet already placed on the next round from this round's flight or crash. */
  queuedBet: { stake: number } | null;
}

/**
 * Crash games written apart from the practice game (test/fixtures/stranger-games/orbit.html, one page in four looks):
 * pages the engine was not developed against, drawn on a canvas their own way, with the practice game's test hook and
 * log format.
 */
export const STRANGER_GAMES = { orbit: { rate: 0.00017, single: true }, dawn: { rate: 0.00011, single: false }, vapor: { rate: 0.0002, single: false }, ember: { rate: 0.00024, single: true }, nova: { rate: 0.00013, single: false }, pulse: { rate: 0.00019, single: true } } as const;
export type StrangerGameName = keyof typeof STRANGER_GAMES;
export const isStrangerGame = (name: string): name is StrangerGameName => Object.hasOwn(STRANGER_GAMES, name);
/** The first rounds of a stranger game, whose crash points come from the test's chain in its URL. */
const STRANGER_ROUNDS = 80;

export interface DesktopGameOptions {
  seed: string;
  /** Default classic (today's look). */
  skin?: SkinName;
  /** A stranger game instead of the practice game; `skin` is then ignored. */
  stranger?: StrangerGameName;
  /** Growth rate per ms; default the skin's own. */
  rate?: number;
  countdownMs?: number;
  pauseMs?: number;
  /** More query parameters, each as `&name=value`. */
  extra?: string;
}

export interface DesktopGame {
  readonly x: XDisplay;
  readonly page: Page;
  readonly seed: string;
  /** The practice game's skin, or the stranger game's name. */
  readonly skin: SkinName | StrangerGameName;
  readonly rate: number;
  readonly chain: CrashChain;
  /**
   * Profile v1 of the current skin, measured from the page (physical pixels, the page being at the screen origin):
   * the multiplier region is the whole readout box (#readout: number, crash line, waiting text, progress bar), and a
   * single-button skin's one button is both `bet` and `cashout`. `autoCashout` adds the game's auto cash-out field,
   * which the autopilot then types into; single-button skins have none, so asking for it throws.
   */
  profile(name?: string, options?: { autoCashout?: boolean }): Promise<GameProfile>;
  state(): Promise<GameState>;
  log(): Promise<GameLogEntry[]>;
  /** Resolves at the start of a betting phase (a fresh one, not one already under way). */
  nextBettingPhase(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * A seed whose first rounds all crash below `maxCrash`, so a test's rounds stay short and predictable.
 * Keep P(all below) = (1 − 0.99/maxCrash)^rounds reasonable: each candidate costs a 1000-hash chain.
 */
export function seedWithModestRounds(rounds: number, maxCrash: number, prefix = 'e2e'): string {
  return seedWhere(prefix, rounds, (crashPoint) => crashPoint < maxCrash);
}

const pad = (r: Rect, px: number): Rect => ({ x: r.x - px, y: r.y - px, width: r.width + 2 * px, height: r.height + 2 * px });

export async function startDesktopGame(options: DesktopGameOptions): Promise<DesktopGame> {
  const { stranger } = options;
  const skin = stranger ?? options.skin ?? 'classic';
  const rate = options.rate ?? (stranger ? STRANGER_GAMES[stranger].rate : SKINS[options.skin ?? 'classic'].rate);
  const single = stranger ? STRANGER_GAMES[stranger].single : SKINS[options.skin ?? 'classic'].buttons === 'single';
  const chain = new CrashChain(options.seed);
  const x = await startXvfb(1280, 800);
  let server: PracticeGameServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    const timing = `rate=${rate}&countdownMs=${options.countdownMs ?? 3000}&pauseMs=${options.pauseMs ?? 1500}`;
    let url: string;
    if (stranger) {
      const crashes = Array.from({ length: STRANGER_ROUNDS }, (_, i) => chain.crashPoint(i + 1).toFixed(2)).join(',');
      url = `${pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'stranger-games', 'orbit.html')).href}?look=${stranger}&${timing}&crashes=${crashes}${options.extra ?? ''}`;
    } else {
      server = await servePracticeGame();
      url = `${server.url}?seed=${encodeURIComponent(options.seed)}&skin=${skin}&${timing}&stake=1&balance=1000${options.extra ?? ''}`;
    }
    browser = await launchKiosk(x.display, x.width, x.height);
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(url);
    await page.waitForFunction(() => typeof window.practiceGame?.state === 'function');
    // Kiosk puts the page at the screen origin; check it, since the profile below maps page pixels 1:1 to screen pixels.
    const geometry = await page.evaluate(() => ({ x: window.screenX, y: window.screenY, chrome: window.outerHeight - window.innerHeight, dpr: window.devicePixelRatio }));
    if (geometry.x !== 0 || geometry.y !== 0 || geometry.chrome !== 0 || geometry.dpr !== 1) throw new Error(`kiosk window is not at the screen origin: ${JSON.stringify(geometry)}`);

    const box = async (selector: string): Promise<Rect> => {
      const b = await page.locator(selector).boundingBox();
      if (!b) throw new Error(`${selector} is not visible`);
      return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
    };
    const centre = (r: Rect) => ({ x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) });
    const game: DesktopGame = {
      x,
      page,
      seed: options.seed,
      skin,
      rate,
      chain,
      profile: async (name = skin === 'classic' ? 'practice' : stranger ? skin : `practice-${skin}`, profileOptions = {}) => {
        if (profileOptions.autoCashout && single) throw new Error(`the ${skin} game has no auto cash-out field`);
        return {
          version: 1,
          name,
          display: { id: '0', scaleFactor: 1 },
          regions: { multiplier: pad(await box('#readout'), 2), balance: pad(await box('#balance'), 4) },
          points: {
            bet: centre(await box(single ? '#action' : '#bet')),
            cashout: centre(await box(single ? '#action' : '#cashout')),
            stakeInput: centre(await box('#stake')),
            ...(profileOptions.autoCashout ? { autoCashoutInput: centre(await box('#auto-cashout')) } : {}),
          },
        };
      },
      state: () => page.evaluate(() => window.practiceGame.state() as unknown as GameState),
      log: () => page.evaluate(() => [...window.practiceGame.log] as unknown as GameLogEntry[]),
      nextBettingPhase: async (timeoutMs = 60_000) => {
        const deadline = Date.now() + timeoutMs;
        let last = await game.state();
        for (;;) {
          await page.waitForTimeout(20);
          const now = await game.state();
          if (now.phase === 'BETTING' && (last.phase !== 'BETTING' || now.roundId !== last.roundId)) return now.roundId;
          if (Date.now() > deadline) throw new Error('no new betting phase in time');
          last = now;
        }
      },
      close: async () => {
        await browser?.close();
        await server?.close();
        await x.stop();
      },
    };
    return game;
  } catch (error) {
    await browser?.close();
    await server?.close();
    await x.stop();
    throw error;
  }
}

declare global {
  interface Window {
    practiceGame: { log: unknown[]; state(): unknown };
  }
}
