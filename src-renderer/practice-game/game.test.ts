import { describe, expect, it } from 'vitest';
import { displayedCentsAt, timeToReach } from '../../src-shared/crash/growth';
import { PracticeGame } from './game';
import { RoundSchedule } from './schedule';

const RATE = 0.0003;
const COUNTDOWN = 1000;
const PAUSE = 500;
/** Crash points per round, in cents: round 1 crashes at 2.00x, round 2 instantly, round 3 at 1.50x. */
const CRASHES = [200, 100, 150, 300];

function newGame(balance = 100) {
  const schedule = new RoundSchedule({ startAt: 0, countdownMs: COUNTDOWN, pauseMs: PAUSE, rate: RATE, crashCentsOf: (id) => CRASHES[id - 1] ?? 200 });
  return { game: new PracticeGame(schedule, balance), schedule };
}

describe('practice game rules', () => {
  it('logs rounds and crashes at their scheduled times', () => {
    const { game, schedule } = newGame();
    const r1 = schedule.round(1);
    expect(r1.crashAt).toBeCloseTo(COUNTDOWN + timeToReach(2, RATE), 9);
    game.advance(schedule.round(3).bettingAt);
    expect(game.log.map((e) => `${e.type}:${e.roundId}`)).toEqual(['round:1', 'crash:1', 'round:2', 'crash:2', 'round:3']);
    expect(game.log[1]).toMatchObject({ at: r1.crashAt, crashPoint: 2 });
    // Instant crash: the flight has no length.
    expect(schedule.round(2).crashAt).toBe(schedule.round(2).flightAt);
  });

  it('takes a bet in the betting phase and pays stake × floored multiplier at the click time', () => {
    const { game, schedule } = newGame();
    expect(game.bet(10, null, 500)).toBe(true);
    expect(game.snapshot(600).balance).toBe(90);
    const at = schedule.round(1).flightAt + 1234.5;
    expect(game.cashout(at)).toBe(true);
    const cents = displayedCentsAt(1234.5, RATE);
    const entry = game.log.at(-1)!;
    expect(entry).toMatchObject({ type: 'cashout', roundId: 1, at, multiplier: cents / 100, stake: 10, payout: (10 * cents) / 100 });
    expect(entry.balance).toBeCloseTo(90 + (10 * cents) / 100, 9);
    expect(game.snapshot(at).bet).toEqual({ stake: 10, autoCashout: null, cashedOutAt: cents / 100 });
  });

  it('ignores and logs bets outside betting, twice in a round, or beyond the balance', () => {
    const { game, schedule } = newGame(20);
    const flying = schedule.round(1).flightAt + 100;
    expect(game.bet(5, null, flying)).toBe(false);
    expect(game.log.at(-1)).toMatchObject({ type: 'bet-ignored', roundId: 1, reason: 'phase FLYING' });
    expect(game.bet(50, null, 10)).toBe(false);
    expect(game.log.at(-1)).toMatchObject({ reason: 'insufficient balance' });
    expect(game.bet(5, null, 20)).toBe(true);
    expect(game.bet(5, null, 30)).toBe(false);
    expect(game.log.at(-1)).toMatchObject({ reason: 'already bet this round' });
    expect(game.snapshot(40).balance).toBe(15);
  });

  it('loses the stake when the round crashes first, and ignores a late cash-out', () => {
    const { game, schedule } = newGame();
    game.bet(10, null, 0);
    const r1 = schedule.round(1);
    expect(game.cashout(r1.crashAt)).toBe(false);
    expect(game.log.at(-1)).toMatchObject({ type: 'cashout-ignored', reason: 'phase CRASHED' });
    expect(game.snapshot(r1.crashAt + 1).balance).toBe(90);
  });

  it('handles an instant 1.00x crash: no cash-out is possible', () => {
    const { game, schedule } = newGame();
    const r2 = schedule.round(2);
    game.bet(10, null, r2.bettingAt + 1);
    expect(game.cashout(r2.flightAt)).toBe(false);
    expect(game.snapshot(r2.flightAt)).toMatchObject({ phase: 'CRASHED', roundId: 2, multiplier: 1, balance: 90 });
  });

  it('pays a click judged by its timestamp even if the crash was logged before the handler ran', () => {
    const { game, schedule } = newGame();
    game.bet(10, null, 0);
    const r1 = schedule.round(1);
    game.advance(r1.crashAt + 20);
    expect(game.cashout(r1.crashAt - 1)).toBe(true);
    expect(game.log.at(-1)).toMatchObject({ type: 'cashout', multiplier: 1.99 });
  });

  it("cashes out at the game's own auto cash-out, winning ties with the crash point", () => {
    for (const [auto, wins] of [[1.5, true], [2, true], [2.01, false]] as const) {
      const { game, schedule } = newGame();
      game.bet(10, auto, 0);
      game.advance(schedule.round(2).bettingAt);
      const cashout = game.log.find((e) => e.type === 'cashout');
      if (wins) {
        expect(cashout).toMatchObject({ multiplier: auto, payout: 10 * auto, auto: true, at: schedule.round(1).flightAt + timeToReach(auto, RATE) });
      } else expect(cashout).toBeUndefined();
    }
  });

  it('never reveals the current crash point or crash time during the flight', () => {
    const { game, schedule } = newGame();
    const state = game.snapshot(schedule.round(1).flightAt + 10);
    expect(state).toMatchObject({ phase: 'FLYING', nextRoundAt: null, nextFlightAt: null, crashPoints: [] });
    expect(JSON.stringify(state)).not.toContain(String(schedule.round(1).crashAt));
    const after = game.snapshot(schedule.round(1).crashAt);
    expect(after).toMatchObject({ phase: 'CRASHED', multiplier: 2, crashPoints: [{ roundId: 1, crashPoint: 2 }] });
    expect(after.nextFlightAt).toBe(schedule.round(2).flightAt);
  });

  it('finds the round containing any time, forwards and backwards', () => {
    const { schedule } = newGame();
    expect(schedule.roundAt(-5).roundId).toBe(1);
    const r4 = schedule.round(4);
    expect(schedule.roundAt(r4.bettingAt + 1).roundId).toBe(4);
    expect(schedule.roundAt(schedule.round(2).bettingAt).roundId).toBe(2);
    expect(schedule.roundAt(schedule.round(2).bettingAt - 0.001).roundId).toBe(1);
  });
});

describe('single-button rules', () => {
  const flightOf = (schedule: RoundSchedule, id: number) => schedule.round(id).flightAt;

  it('BET then CANCEL in the betting phase refunds the stake, and the button bets again', () => {
    const { game } = newGame();
    expect(game.press(10, 100)).toBe('bet');
    expect(game.snapshot(150).balance).toBe(90);
    expect(game.press(10, 200)).toBe('cancel');
    expect(game.log.at(-1)).toEqual({ type: 'cancel', roundId: 1, at: 200, stake: 10, balance: 100 });
    expect(game.snapshot(250)).toMatchObject({ balance: 100, bet: null });
    expect(game.press(10, 300)).toBe('bet');
    expect(game.log.filter((e) => e.type !== 'round').map((e) => e.type)).toEqual(['bet', 'cancel', 'bet']);
  });

  it('cashes out an open bet in flight for stake × the multiplier at the click', () => {
    const { game, schedule } = newGame();
    game.press(10, 100);
    const at = flightOf(schedule, 1) + 1000;
    expect(game.press(10, at)).toBe('cashout');
    const cents = displayedCentsAt(1000, RATE);
    expect(game.log.at(-1)).toMatchObject({ type: 'cashout', roundId: 1, at, multiplier: cents / 100, payout: Math.floor(10 * cents) / 100 });
  });

  it('queues a bet on the next round from a flight click without a bet, logged apart and played next round', () => {
    const { game, schedule } = newGame();
    const at = flightOf(schedule, 1) + 500;
    expect(game.press(10, at)).toBe('queue');
    expect(game.log.at(-1)).toEqual({ type: 'bet', roundId: 2, at, stake: 10, balance: 90, queued: true, placedInRound: 1 });
    expect(game.snapshot(at + 1)).toMatchObject({ roundId: 1, bet: null, queuedBet: { stake: 10 }, balance: 90 });
    // Round 2 (an instant crash) plays it: the stake is lost.
    const r2 = schedule.round(2);
    expect(game.snapshot(r2.bettingAt + 1)).toMatchObject({ roundId: 2, bet: { stake: 10 }, queuedBet: null });
    expect(game.snapshot(r2.crashAt)).toMatchObject({ phase: 'CRASHED', balance: 90 });
  });

  it('queues a bet from a click after our cash-out, and from a click after the crash', () => {
    const { game, schedule } = newGame();
    game.press(10, 100);
    game.press(10, flightOf(schedule, 1) + 1000); // cash out
    expect(game.press(10, flightOf(schedule, 1) + 1500)).toBe('queue');
    expect(game.log.at(-1)).toMatchObject({ type: 'bet', roundId: 2, queued: true, placedInRound: 1 });

    const r3 = schedule.round(3);
    const afterCrash = r3.crashAt + 10;
    expect(game.press(5, afterCrash)).toBe('queue');
    expect(game.log.at(-1)).toMatchObject({ type: 'bet', roundId: 4, at: afterCrash, stake: 5, queued: true, placedInRound: 3 });
  });

  it('a second click between rounds takes the queued bet back, and in its own betting phase it shows as ours to cancel', () => {
    const { game, schedule } = newGame();
    const at = flightOf(schedule, 1) + 100;
    game.press(10, at);
    expect(game.press(10, at + 50)).toBe('unqueue');
    expect(game.log.at(-1)).toEqual({ type: 'cancel', roundId: 2, at: at + 50, stake: 10, balance: 100, queued: true, placedInRound: 1 });
    expect(game.snapshot(at + 60)).toMatchObject({ queuedBet: null, balance: 100 });

    game.press(10, at + 100);
    const r2 = schedule.round(2);
    expect(game.press(10, r2.bettingAt + 10)).toBe('cancel');
    expect(game.log.at(-1)).toEqual({ type: 'cancel', roundId: 2, at: r2.bettingAt + 10, stake: 10, balance: 100 });
  });

  it('refuses a queued bet beyond the balance, and says so in the log', () => {
    const { game, schedule } = newGame(5);
    const at = flightOf(schedule, 1) + 100;
    expect(game.press(10, at)).toBe('queue');
    expect(game.log.at(-1)).toMatchObject({ type: 'bet-ignored', roundId: 2, reason: 'insufficient balance', queued: true, placedInRound: 1 });
    expect(game.snapshot(at).queuedBet).toBeNull();
  });
});

