// A crash game on a simulated clock, for testing the executor's money paths without a display: the OCR reads it
// shows, the button looks it paints and the clicks it takes, with the game's own log as the judge.
import type { GameProfile, Point, Rect } from '../../../src-shared/game-profile';
import type { MousePort, RegionReader, ScreenRead } from '../../core/autopilot/ports';
import type { GameLook } from '../../core/crash/read-streams.test-support';
import type { RawImage } from '../../core/ocr/raw-image';
import type { ExecutorClock } from './crash-executor';

export interface SimRound {
  readonly crash: number;
}

export interface SimOptions {
  readonly look: GameLook;
  readonly rounds: readonly SimRound[];
  readonly rate?: number;
  readonly bettingMs?: number;
  readonly pauseMs?: number;
  /** One button for Bet and Cash out (Aviator): a click in flight without an open bet queues one. */
  readonly singleButton?: boolean;
  /** How stale the shown frame is: what the screen shows at t is the game at t − lag. */
  readonly displayLagMs?: number;
  /** How much sooner the buttons show a phase change than the readout (a readout animated on a canvas lags). */
  readonly buttonLeadMs?: number;
  /** Buttons fade to a new state over this long (a CSS transition): frames in between match neither state. */
  readonly buttonFadeMs?: number;
  /** Sim ms each read takes (capture + OCR). */
  readonly readMs?: number;
  /** The profile has a balance region, and the game shows its balance there (stake 1 per bet, payouts to the cent). */
  readonly balance?: boolean;
  /**
   * Sim ms each click call takes to return after the game took the click, in order (later clicks: 0). A busy event
   * loop resolves a click's promise long after the OS delivered it.
   */
  readonly clickReturnsAfterMs?: readonly number[];
}

export type SimLogEntry =
  | { type: 'bet'; round: number; at: number; queued?: boolean }
  | { type: 'cancel'; round: number; at: number }
  | { type: 'cashout'; round: number; at: number; multiplier: number }
  | { type: 'ignored'; round: number; at: number; what: 'bet' | 'cashout'; reason: string };

type Phase = { phase: 'BETTING' | 'FLYING' | 'CRASHED'; round: number; since: number; flightAt: number; crashAt: number };

const BET: Point = { x: 100, y: 400 };
const BALANCE: Rect = { x: 500, y: 20, width: 120, height: 30 };
const CASHOUT: Point = { x: 300, y: 400 };
const START = 1_700_000_000_000;

/** Button paint per state: what a player would see (green Bet, red Cancel, orange Cash out, grey when idle). */
const PAINT = { open: [40, 180, 80], placed: [200, 40, 40], cashout: [240, 150, 20], idle: [90, 90, 90] } as const;

export class SimulatedGame implements RegionReader, MousePort {
  now = START;
  readonly log: SimLogEntry[] = [];
  /** Reads in [from, to) (sim ms since START) come back blank, as when a window covers the game. */
  blackout: { from: number; to: number } | null = null;
  /** In [from, to) a sprite hides the flight's number: reads are words in the number's own ink (the rocket over the digits). */
  hidden: { from: number; to: number } | null = null;
  /** In [from, to) the screen, readout and buttons alike, keeps showing the game as it was at `from` (a stalled renderer). */
  freeze: { from: number; to: number } | null = null;
  /** Called before each read with the sim time: tests flip the kill switch or stop mid-flight from here. */
  onRead: (now: number) => void = () => {};
  private readonly bets = new Map<number, { cashedOut: boolean; queued: boolean }>();
  private balance = 1000;
  private readonly rate: number;

  constructor(private readonly options: SimOptions) {
    this.rate = options.rate ?? 0.0002;
  }

  readonly clock: ExecutorClock = {
    now: () => this.now,
    sleepUntil: async (at) => {
      this.now = Math.max(this.now, at);
    },
  };

  profile(): GameProfile {
    return {
      version: 1,
      name: 'simulated',
      display: { id: 'sim', scaleFactor: 1 },
      regions: { multiplier: { x: 100, y: 100, width: 240, height: 80 }, ...(this.options.balance ? { balance: BALANCE } : {}) },
      points: { bet: BET, cashout: this.options.singleButton ? BET : CASHOUT },
    };
  }

  /** Sim ms since START at which round `i` (0-based) flies, and crashes. */
  timing(i: number): { flightAt: number; crashAt: number } {
    let t = 0;
    const betting = this.options.bettingMs ?? 3000;
    const pause = this.options.pauseMs ?? 1500;
    for (let r = 0; r <= i; r++) {
      const flightAt = t + betting;
      const crashAt = flightAt + Math.log(this.options.rounds[r]!.crash) / this.rate;
      if (r === i) return { flightAt, crashAt };
      t = crashAt + pause;
    }
    throw new Error('unreachable');
  }

  phaseAt(t: number): Phase {
    let since = 0;
    for (let r = 0; r < this.options.rounds.length; r++) {
      const { flightAt, crashAt } = this.timing(r);
      if (t < flightAt) return { phase: 'BETTING', round: r, since, flightAt, crashAt };
      if (t < crashAt) return { phase: 'FLYING', round: r, since: flightAt, flightAt, crashAt };
      if (t < crashAt + (this.options.pauseMs ?? 1500)) return { phase: 'CRASHED', round: r, since: crashAt, flightAt, crashAt };
      since = crashAt + (this.options.pauseMs ?? 1500);
    }
    return { phase: 'BETTING', round: this.options.rounds.length, since, flightAt: Infinity, crashAt: Infinity };
  }

  multiplierAt(p: Phase, t: number): number {
    const decimals = this.options.look.decimals;
    const exact = Math.min(this.options.rounds[p.round]!.crash, Math.exp(this.rate * (t - p.flightAt)));
    return Math.floor(exact * 10 ** decimals + 1e-9) / 10 ** decimals;
  }

  async read(region?: Rect): Promise<ScreenRead> {
    this.now += this.options.readMs ?? 8;
    if (region && region.x === BALANCE.x && region.y === BALANCE.y) return { at: this.now, text: this.balance.toFixed(2), value: this.balance, decimals: 2, ms: 1, path: 'glyph' };
    this.onRead(this.now - START);
    const at = this.now;
    const t = this.shown(at - START - (this.options.displayLagMs ?? 0));
    if (this.blackout && t >= this.blackout.from && t < this.blackout.to) return { at, text: '', value: null, ms: 1, path: 'glyph' };
    const p = this.phaseAt(t);
    const look = p.phase === 'BETTING' ? this.options.look.betting(t - p.since) : p.phase === 'CRASHED' ? this.options.look.crashed(this.options.rounds[p.round]!.crash, t - p.crashAt) : null;
    if (!look && this.hidden && t >= this.hidden.from && t < this.hidden.to) return { at, text: '', value: null, ink: this.flightInk(), extraLines: 0, ms: 1, path: 'glyph' };
    if (!look) {
      const value = this.multiplierAt(p, t);
      return { at, text: `${value}x`, value, decimals: this.options.look.decimals, ink: this.flightInk(), extraLines: this.options.look.extraLinesInFlight ?? 0, ms: 1, path: 'glyph' };
    }
    if (look.kind === 'none') return { at, text: '', value: null, ms: 1, path: 'glyph' };
    if (look.kind === 'value') return { at, text: `${look.value}x`, value: look.value, decimals: look.decimals ?? 2, ink: look.ink ?? null, extraLines: look.extraLines ?? 0, ms: 1, path: 'glyph' };
    return { at, text: 'TEXT', value: null, ink: look.ink ?? null, extraLines: look.extraLines ?? 0, ...(look.long ? { otherText: true } : {}), ms: 1, path: 'glyph' };
  }

  private clicks = 0;

  async click(point: Point): Promise<void> {
    this.take(point);
    this.now += this.options.clickReturnsAfterMs?.[this.clicks++] ?? 0;
  }

  private take(point: Point): void {
    const t = this.now - START;
    const p = this.phaseAt(t);
    const bet = this.bets.get(p.round);
    const onBet = point.x === BET.x && point.y === BET.y;
    if (this.options.singleButton) {
      if (p.phase === 'BETTING') {
        if (bet) {
          this.bets.delete(p.round);
          this.balance += 1;
          this.log.push({ type: 'cancel', round: p.round, at: t });
        } else {
          this.bets.set(p.round, { cashedOut: false, queued: false });
          this.balance -= 1;
          this.log.push({ type: 'bet', round: p.round, at: t });
        }
      } else if (p.phase === 'FLYING' && bet && !bet.cashedOut) {
        this.payOut(p, bet, t);
      } else {
        // Aviator: a click with no open bet queues one for the next round.
        this.bets.set(p.round + 1, { cashedOut: false, queued: true });
        this.balance -= 1;
        this.log.push({ type: 'bet', round: p.round + 1, at: t, queued: true });
      }
      return;
    }
    if (onBet) {
      if (p.phase !== 'BETTING' || bet) this.log.push({ type: 'ignored', round: p.round, at: t, what: 'bet', reason: bet ? 'already bet' : `phase ${p.phase}` });
      else {
        this.bets.set(p.round, { cashedOut: false, queued: false });
        this.balance -= 1;
        this.log.push({ type: 'bet', round: p.round, at: t });
      }
      return;
    }
    if (p.phase !== 'FLYING' || !bet || bet.cashedOut) this.log.push({ type: 'ignored', round: p.round, at: t, what: 'cashout', reason: `phase ${p.phase}` });
    else this.payOut(p, bet, t);
  }

  async probeMove(): Promise<{ moved: boolean }> {
    return { moved: true };
  }

  async typeInto(): Promise<void> {}

  /** The pixels around a click point, painted from the button's state at the shown (lagged) time. */
  async grab(region: Rect): Promise<RawImage> {
    const t = this.shown(this.now - START - (this.options.displayLagMs ?? 0) + (this.options.buttonLeadMs ?? 0));
    const paint = this.fadedPaint(region, t);
    const data = new Uint8Array(region.width * region.height * 4);
    for (let i = 0; i < data.length; i += 4) data.set([paint[0]!, paint[1]!, paint[2]!, 255], i);
    return { data, width: region.width, height: region.height, order: 'rgba' };
  }

  /** A linear fade from the state before the last change to the one after it, over `buttonFadeMs`. */
  private fadedPaint(region: Rect, t: number): readonly number[] {
    const fade = this.options.buttonFadeMs ?? 0;
    const now = this.paintAt(region, t);
    if (fade <= 0) return now;
    const sameAsNow = (p: readonly number[]) => p.every((c, i) => c === now[i]);
    let since = fade;
    for (let k = 0; k < fade; k += 2) {
      if (!sameAsNow(this.paintAt(region, t - k))) {
        since = k;
        break;
      }
    }
    const before = this.paintAt(region, t - fade);
    return now.map((c, i) => Math.round(before[i]! + ((c - before[i]!) * since) / fade));
  }

  private paintAt(region: Rect, t: number): readonly number[] {
    const p = this.phaseAt(t);
    const bet = this.bets.get(p.round);
    const overBet = Math.abs(region.x + region.width / 2 - BET.x) < 5;
    let paint: readonly number[];
    if (this.options.singleButton || overBet) {
      if (p.phase === 'BETTING') paint = bet ? PAINT.placed : PAINT.open;
      else if (p.phase === 'FLYING' && bet && !bet.cashedOut) paint = PAINT.cashout;
      else paint = PAINT.idle;
    } else {
      paint = p.phase === 'FLYING' && bet && !bet.cashedOut ? PAINT.cashout : PAINT.idle;
    }
    return paint;
  }

  private flightInk() {
    return this.options.look.ink ?? { r: 240, g: 240, b: 240 };
  }

  private shown(t: number): number {
    return this.freeze && t >= this.freeze.from && t < this.freeze.to ? this.freeze.from : t;
  }

  private payOut(p: Phase, bet: { cashedOut: boolean }, t: number): void {
    bet.cashedOut = true;
    // Games pay the multiplier to the cent, whatever decimals they draw.
    const multiplier = Math.floor(Math.min(this.options.rounds[p.round]!.crash, Math.exp(this.rate * (t - p.flightAt))) * 100 + 1e-9) / 100;
    this.balance = Math.round((this.balance + multiplier) * 100) / 100;
    this.log.push({ type: 'cashout', round: p.round, at: t, multiplier });
  }
}
