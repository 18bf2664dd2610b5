// Runs in: the practice game page (a browser).
export type GamePhase = 'BETTING' | 'FLYING' | 'CRASHED';

export type LogType = 'round' | 'bet' | 'bet-ignored' | 'cashout' | 'cashout-ignored' | 'crash' | 'cancel';

/** One line of `window.practiceGame.log`. Money is in currency units, times are epoch ms (sub-ms precision). */
export interface LogEntry {
  readonly type: LogType;
  readonly roundId: number;
  readonly at: number;
  readonly multiplier?: number;
  readonly stake?: number;
  readonly payout?: number;
  readonly crashPoint?: number;
  readonly balance?: number;
  /** Why a bet or cash-out was ignored. */
  readonly reason?: string;
  /** The cash-out came from the game's own auto cash-out field. */
  readonly auto?: boolean;
  /**
   * Single-button skins: a bet (or refused bet, or cancel of such a bet) clicked before its round's betting phase, from
   * the flight or crash of the round before. `roundId` is the round the bet plays in.
   */
  readonly queued?: boolean;
  /** With `queued`: the round whose flight or crash the click landed in (always roundId − 1). */
  readonly placedInRound?: number;
}

export interface ActiveBet {
  readonly stake: number;
  readonly autoCashout: number | null;
  readonly cashedOutAt: number | null;
}

/** `window.practiceGame.state()`. Never reveals the current round's crash point or crash time before the crash. */
export interface GameSnapshot {
  readonly phase: GamePhase;
  readonly roundId: number;
  /** BETTING: 1; FLYING: the displayed (floored) multiplier; CRASHED: the crash point. */
  readonly multiplier: number;
  readonly balance: number;
  readonly roundStartedAt: number;
  readonly flightStartsAt: number;
  /** The next flight start still ahead: this round's when betting, the next round's after a crash, null in flight. */
  readonly nextFlightAt: number | null;
  /** Start of the next round's betting phase, once known (after the crash). */
  readonly nextRoundAt: number | null;
  readonly bet: ActiveBet | null;
  /** A bet already placed on the next round (single-button skins queue one from the flight or crash); null in betting. */
  readonly queuedBet: { readonly stake: number } | null;
  /** Past rounds, newest first (up to 50). */
  readonly crashPoints: readonly { readonly roundId: number; readonly crashPoint: number }[];
  readonly rate: number;
}
