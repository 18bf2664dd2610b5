// Renders a game snapshot into the page. Runs every animation frame, so it only touches the DOM when text changes.

import { CurveCanvas } from './curve-canvas';
import { formatMoney, formatMultiplier, formatSeconds } from './format';
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
  private readonly multiplier = byId('multiplier');
  private readonly phase = byId('phase');
  private readonly countdown = byId('countdown');
  private readonly balance = byId('balance');
  private readonly roundId = byId('round-id');
  private readonly history = byId('history');
  private readonly message = byId('message');
  private readonly curve = new CurveCanvas(byId<HTMLCanvasElement>('curve'));
  private historyKey = '';

  render(state: GameSnapshot, now: number): void {
    const cents = Math.round(state.multiplier * 100);
    const { phase } = state;
    setText(this.multiplier, phase === 'FLYING' ? formatMultiplier(cents) : phase === 'CRASHED' ? `CRASHED @ ${formatMultiplier(cents)}` : '');
    setAttr(this.multiplier, 'data-phase', phase);
    setText(this.phase, phase === 'BETTING' ? 'PLACE YOUR BETS' : phase === 'FLYING' ? 'IN FLIGHT' : 'CRASHED');
    setText(this.countdown, this.countdownText(state, now));
    setText(this.balance, formatMoney(state.balance));
    setText(this.roundId, `#${state.roundId}`);
    this.renderButtons(state, cents);
    this.renderHistory(state);
    this.curve.draw(phase, now - state.flightStartsAt, state.rate);
  }

  showMessage(text: string): void {
    setText(this.message, text);
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
        ? `Cashed out @ ${formatMultiplier(Math.round(bet!.cashedOutAt! * 100))}`
        : cashoutState === 'ready'
          ? `Cash out ${formatMoney(Math.floor(bet!.stake * cents) / 100)}`
          : 'Cash out';
    setText(this.cashoutButton, label);
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
        chip.textContent = formatMultiplier(Math.round(crashPoint * 100));
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
