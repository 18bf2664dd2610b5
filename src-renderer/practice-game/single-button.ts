// Runs in: the practice game page (a browser).
// The one button of single-button skins (Aviator, BC.Game style). What a click does depends only on the phase at the
// click and on our bets, so the game's rules and the button's face come from this one decision.

import { formatMoney } from './format';
import type { GamePhase, GameSnapshot } from './types';

/**
 * bet: place a bet on this round. cancel: take back our bet on this round (refund). cashout: cash out our open bet.
 * queue: bet on the next round from this round's flight or crash. unqueue: take back that queued bet (refund).
 */
export type ButtonAction = 'bet' | 'cancel' | 'cashout' | 'queue' | 'unqueue';

export interface ButtonContext {
  readonly phase: GamePhase;
  /** Our bet on the round the click landed in. */
  readonly bet: 'none' | 'open' | 'cashed-out';
  /** A bet is already placed on the next round. */
  readonly queued: boolean;
}

export function buttonAction({ phase, bet, queued }: ButtonContext): ButtonAction {
  if (phase === 'BETTING') return bet === 'none' ? 'bet' : 'cancel';
  if (phase === 'FLYING' && bet === 'open') return 'cashout';
  // After a cash-out, in a flight without a bet, or after the crash: real games take the click as the next round's bet.
  return queued ? 'unqueue' : 'queue';
}

/** What stake × multiplier pays, floored to the cent; multipliers are integer hundredths. */
export function payoutCents(stakeCents: number, multiplierCents: number): number {
  return Math.floor((stakeCents * multiplierCents) / 100);
}

export interface ButtonFace {
  readonly action: ButtonAction;
  readonly label: string;
}

/** BET (green), CANCEL (red), CASH OUT 14.50 (orange), or a greyed BET whose click queues a bet on the next round. */
export function buttonFace(state: GameSnapshot): ButtonFace {
  const bet = state.bet === null ? 'none' : state.bet.cashedOutAt === null ? 'open' : 'cashed-out';
  const action = buttonAction({ phase: state.phase, bet, queued: state.queuedBet !== null });
  if (action === 'cashout') {
    const cents = payoutCents(Math.round(state.bet!.stake * 100), Math.round(state.multiplier * 100));
    return { action, label: `CASH OUT ${formatMoney(cents / 100)}` };
  }
  return { action, label: action === 'cancel' || action === 'unqueue' ? 'CANCEL' : 'BET' };
}
