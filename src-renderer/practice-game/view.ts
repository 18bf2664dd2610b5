// Runs in: the practice game page (a browser).
// Renders a game snapshot into the page. Runs every animation frame, so it only touches the DOM when text changes.

import { timeToReach } from '../../src-shared/crash/growth';
import { Backdrop } from './backdrop';
import { formatMoney, formatMultiplier, formatSeconds } from './format';
import { readoutFor, type Readout } from './readout';
import { buttonFace, payoutCents } from './single-button';
import type { Skin } from './skins';
import type { GameSnapshot } from './types';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`practice-game.html is missing #${id}`);
  return element as T;
}

export class GameView {
  readonly stakeInput = byId<HTMLInputElement>('stake');
  readonly autoCashoutInput = byId<HTMLInputElement>('auto-cashout');
  readonly betButton = byId<HTMLButtonElement>('bet');
  readonly cashoutButton = byId<HTMLButtonElement>('cashout');
  readonly actionButton = byId<HTMLButtonElement>('action');
  private readonly multiplier = byId('multiplier');
  private readonly readoutAbove = byId('readout-above');
  private readonly readoutBelow = byId('readout-below');
  private readonly progress = byId('readout-progress');
  private readonly progressFill = this.progress.firstElementChild as HTMLElement;
  private readonly phase = byId('phase');
  private readonly countdown = byId('countdown');
  private readonly balance = byId('balance');
  private readonly roundId = byId('round-id');
  private readonly history = byId('history');
  private readonly message = byId('message');
  private readonly backdrop: Backdrop;
  private historyKey = '';

  constructor(private readonly skin: Skin) {
    byId('brand').textContent = skin.title;
    const single = skin.buttons === 'single';
    this.betButton.hidden = single;
    this.cashoutButton.hidden = single;
    this.actionButton.hidden = !single;
    byId('auto-cashout-field').hidden = single;
    this.backdrop = new Backdrop(byId<HTMLCanvasElement>('curve'), skin.backdrop);
  }

  render(state: GameSnapshot, now: number): void {
    const cents = Math.round(state.multiplier * 100);
    const { phase } = state;
    this.renderReadout(readoutFor(this.skin, state, now));
    setAttr(this.multiplier, 'data-phase', phase);
    setText(this.phase, phase === 'BETTING' ? 'PLACE YOUR BETS' : phase === 'FLYING' ? 'IN FLIGHT' : 'CRASHED');
    setText(this.countdown, this.countdownText(state, now));
    setText(this.balance, formatMoney(state.balance));
    setText(this.roundId, `#${state.roundId}`);
    if (this.skin.buttons === 'single') this.renderActionButton(state);
    else this.renderButtons(state, cents);
    this.renderHistory(state);
    const crashMs = phase === 'CRASHED' ? timeToReach(state.multiplier, state.rate) : Infinity;
    const flightMs = Math.min(Math.max(0, now - state.flightStartsAt), crashMs);
    this.backdrop.draw({ phase, flightMs, sinceCrashMs: phase === 'CRASHED' ? now - state.flightStartsAt - crashMs : null, rate: state.rate, now });
  }

  showMessage(text: string): void {
    setText(this.message, text);
  }

  private renderReadout(readout: Readout): void {
    setText(this.multiplier, readout.main);
    setAttr(this.multiplier, 'data-tone', readout.tone);
    setAttr(this.multiplier, 'data-size', readout.size);
    setText(this.readoutAbove, readout.above);
    setText(this.readoutBelow, readout.below);
    setAttr(this.progress, 'data-active', String(readout.progress !== null));
    // CSSOM, not a style attribute: the page's CSP allows no inline styles.
    const transform = `scaleX(${readout.progress ?? 0})`;
    if (this.progressFill.style.transform !== transform) this.progressFill.style.transform = transform;
  }

  private countdownText(state: GameSnapshot, now: number): string {
    if (state.phase === 'FLYING') return state.bet ? `Your bet: ${formatMoney(state.bet.stake)}` : 'No bet this round';
    if (state.nextFlightAt === null) return '';
    return `${state.phase === 'BETTING' ? 'Starting in' : 'Next round in'} ${formatSeconds(state.nextFlightAt - now)}`;
  }

  private renderButtons(state: GameSnapshot, cents: number): void {
    const bet = state.bet;
    // No `disabled` attribute: a real game still receives clicks at the wrong time, and this one logs them as ignored.
    const betState = state.phase !== 'BETTING' ? 'closed' : bet ? 'placed' : 'open';
    setAttr(this.betButton, 'data-state', betState);
    setText(this.betButton, betState === 'placed' ? 'Bet placed' : betState === 'open' ? 'Bet' : 'Betting closed');

    const cashoutState = bet?.cashedOutAt != null ? 'done' : state.phase === 'FLYING' && bet ? 'ready' : 'idle';
    setAttr(this.cashoutButton, 'data-state', cashoutState);
    const label =
      cashoutState === 'done'
        ? `Cashed out @ ${formatMultiplier(Math.round(bet!.cashedOutAt! * 100), { ...this.skin.format, decimals: 2 })}`
        : cashoutState === 'ready'
          ? `Cash out ${formatMoney(payoutCents(Math.round(bet!.stake * 100), cents) / 100)}`
          : 'Cash out';
    setText(this.cashoutButton, label);
  }

  /** data-state is what a click would do now: bet, cancel, cashout, queue or unqueue. */
  private renderActionButton(state: GameSnapshot): void {
    const face = buttonFace(state);
    setAttr(this.actionButton, 'data-state', face.action);
    setText(this.actionButton, face.label);
  }

  private renderHistory(state: GameSnapshot): void {
    const recent = state.crashPoints.slice(0, 12);
    const key = recent.map((c) => c.roundId).join(',');
    if (key === this.historyKey) return;
    this.historyKey = key;
    this.history.replaceChildren(
      ...recent.map(({ crashPoint, roundId }) => {
        const chip = document.createElement('li');
        chip.className = crashPoint >= 2 ? 'chip high' : 'chip low';
        chip.title = `Round ${roundId}`;
        chip.textContent = formatMultiplier(Math.round(crashPoint * 100), { ...this.skin.format, decimals: 2 });
        return chip;
      }),
    );
  }
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function setAttr(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
