// Runs in: the practice game page (a browser).
// Entry of practice-game.html: wires the pure game to the DOM, the clock and the test hook window.practiceGame.

import { CrashChain } from '../../src-shared/crash/bustabit';
import { toHex } from '../../src-shared/crash/sha256';
import { PracticeGame } from './game';
import { parseParams, type PracticeConfig } from './params';
import { RoundSchedule } from './schedule';
import { mixedSkin } from './skins';
import { applyTheme } from './theme';
import type { GameSnapshot, LogEntry } from './types';
import { drawMarkers } from './markers';
import { GameView } from './view';

export interface PracticeGameHook {
  readonly log: readonly LogEntry[];
  readonly seed: string;
  readonly config: PracticeConfig;
  state(): GameSnapshot;
}

declare global {
  interface Window {
    practiceGame: PracticeGameHook;
  }
}

/** Epoch ms with sub-ms precision, on the same clock as event timestamps. */
const clock = (): number => performance.timeOrigin + performance.now();

/** Judge a click by when it happened, not when the handler ran; fall back to now if the timestamp looks foreign. */
function clickTime(event: Event): number {
  const now = clock();
  const at = performance.timeOrigin + event.timeStamp;
  return Math.abs(now - at) < 1000 ? Math.min(at, now) : now;
}

function randomSeed(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

function readNumber(input: HTMLInputElement): number | null {
  const value = Number(input.value);
  return input.value.trim() !== '' && Number.isFinite(value) ? value : null;
}

const config = parseParams(location.search);
const seed = config.seed ?? randomSeed();
const chain = new CrashChain(seed, config.salt);
const schedule = new RoundSchedule({
  startAt: clock(),
  countdownMs: config.countdownMs,
  pauseMs: config.pauseMs,
  rate: config.rate,
  crashCentsOf: (roundId) => chain.crashCents(roundId),
});
const game = new PracticeGame(schedule, config.balance);

const skin = mixedSkin(config.skin, config.mix);
applyTheme(document.documentElement, config, skin);
const view = new GameView(skin);
view.stakeInput.value = String(config.stake);
if (config.autoCashout !== null) view.autoCashoutInput.value = String(config.autoCashout);

view.betButton.addEventListener('click', (event) => {
  const placed = game.bet(readNumber(view.stakeInput) ?? NaN, readNumber(view.autoCashoutInput), clickTime(event));
  const entry = game.log.at(-1);
  view.showMessage(placed ? `Bet ${entry?.stake} placed on round ${entry?.roundId}` : `Bet ignored: ${entry?.reason}`);
});

view.cashoutButton.addEventListener('click', (event) => {
  const paid = game.cashout(clickTime(event));
  const entry = game.log.at(-1);
  view.showMessage(paid ? `Cashed out @ ${entry?.multiplier}x: +${entry?.payout}` : `Cash out ignored: ${entry?.reason}`);
});

view.actionButton.addEventListener('click', (event) => {
  game.press(readNumber(view.stakeInput) ?? NaN, clickTime(event));
  view.showMessage(singleButtonMessage(game.log.at(-1)));
});

/** The status line after a single-button click, from the entry it logged. */
function singleButtonMessage(entry: LogEntry | undefined): string {
  if (!entry) return '';
  const next = entry.queued ? ` for round ${entry.roundId}` : '';
  if (entry.type === 'bet') return `Bet ${entry.stake} placed${next || ` on round ${entry.roundId}`}`;
  if (entry.type === 'cancel') return `Bet ${entry.stake}${next} cancelled, refunded`;
  if (entry.type === 'cashout') return `Cashed out @ ${entry.multiplier}x: +${entry.payout}`;
  return `${entry.type === 'bet-ignored' ? 'Bet' : 'Cash out'} ignored: ${entry.reason}`;
}

if (config.markers) {
  const visible = (id: string) => () => document.getElementById(id);
  const single = () => !view.actionButton.hidden;
  drawMarkers({ readout: visible('readout'), bet: () => (single() ? view.actionButton : view.betButton), cashout: () => (single() ? null : view.cashoutButton) });
}

window.practiceGame = { log: game.log, seed, config, state: () => game.snapshot(clock()) };

function frame(): void {
  const now = clock();
  view.render(game.snapshot(now), now);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
// Animation frames stop in a hidden window; the log must not.
setInterval(() => game.advance(clock()), 50);
