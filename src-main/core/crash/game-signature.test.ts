import { describe, expect, it } from 'vitest';
import { knownLooks, learnedFrom, mismatchOf, SignatureLearner, verdictOf, type WatchedRound } from './game-signature';
import { LOOKS, readStream, RED, text, value, WHITE, type GameLook } from './read-streams.test-support';
import { DEFAULT_PHASE_CONFIG, INITIAL_PHASE_STATE, lookOf, stepPhase, type PhaseConfig, type PhaseRead } from './round-phase';

function watch(reads: readonly PhaseRead[], config: PhaseConfig = DEFAULT_PHASE_CONFIG): { rounds: readonly WatchedRound[]; events: string[] } {
  const learner = new SignatureLearner();
  let state = INITIAL_PHASE_STATE;
  const events: string[] = [];
  for (const read of reads) {
    const step = stepPhase(state, read, config);
    state = step.state;
    events.push(...step.events.filter((e) => e.type !== 'rejected').map((e) => e.type));
    learner.observe(read, state, step.events);
  }
  return { rounds: learner.rounds(), events };
}

describe('learning a game', () => {
  it('a slow one-decimal game whose number only turns red: a short red before the countdown is still its crash look', () => {
    // bust with JetX's one decimal and Spaceman's red crash (2026-12-05): the 1.2x round's red was shorter than two steps,
    // and the round was learned with the countdown as its crash look, so learn said "not ready".
    const look: GameLook = { betting: () => text(WHITE, { long: true }), crashed: (v) => ({ ...value(v, RED), decimals: 1 }), decimals: 1 };
    const { reads } = readStream(look, [{ crash: 2.7 }, { crash: 1.24 }, { crash: 1.95 }], { rate: 0.0001 });
    const { rounds } = watch(reads);
    expect(rounds.map((r) => r.crashLook)).toEqual(Array(3).fill(lookOf({ at: 0, ...value(1.2, RED) })));
    expect(verdictOf(rounds).verdict).toEqual({ ready: true });
  });

  it('a sprite over a one-decimal number ends no watched round: the round stays open until the number has had time to rise two steps past it', () => {
    // jet in Noto Serif (2026-12-07): the plane over 1.4x read "14 BN" in its dark ink and ended the watched flight; the
    // number rose on to 1.5x, one step, and the round closed 600 ms after the "crash", before 1.6x could resume it.
    // Learned as crashing at 1.4 in the look of the 1.5x it settled on, its crash differed from the rounds before, and
    // learn said "not ready" after three rounds.
    const rate = 0.00015;
    const PLANE = { r: 85, g: 79, b: 40 };
    const crashes = [1.9, 2.2, 1.8];
    const { reads, flightStarts } = readStream(LOOKS.frozen, crashes.map((crash) => ({ crash })), { rate });
    const passAt = flightStarts[2]! + Math.log(1.45) / rate;
    const passed = reads.map((r): PhaseRead => (r.at >= passAt && r.at < passAt + 120 ? { at: r.at, ...text(PLANE, { long: true }) } : r));
    const { rounds } = watch(passed);
    expect(rounds.map((r) => r.crashValue)).toEqual(watch(reads).rounds.map((r) => r.crashValue));
    expect(rounds.at(-1)?.crashValue).toBeGreaterThan(1.6);
    expect(new Set(rounds.map((r) => r.crashLook))).toEqual(new Set(['blank']));
    expect(verdictOf(rounds).verdict).toEqual({ ready: true });
  });

  it('a crash learned from its words over the number is known when the red number is read instead: an instant 1.00x crash is a round', () => {
    // jet with neon's betting (the last crash value over PREPARING) and aviator's crash (2026-12-05): learn read the
    // crashes' FLEW AWAY! as words ("text:hue0:lines"). A round that crashed at 1.00x showed a red 1.00x read as a
    // value ("value:hue0:lines"), not a learned look, so the round passed for betting, and the next flight for ours.
    const signature = { version: 1 as const, bettingLooks: ['value:light:lines'], crashLooks: ['text:hue0:lines'], decimals: 2, rate: { min: 0.00015, max: 0.00015 }, rounds: 2 };
    const config = { ...DEFAULT_PHASE_CONFIG, known: knownLooks(signature) };
    const shows = (at: number, v: number, ink: typeof WHITE): PhaseRead => ({ at, kind: 'value', value: v, decimals: 2, ink, extraLines: 1 });
    const reads = [...Array.from({ length: 40 }, (_, i) => shows(i * 50, 1.43, WHITE)), ...Array.from({ length: 20 }, (_, i) => shows(2000 + i * 50, 1, RED))];
    expect(watch(reads, config).events).toEqual(['betting', 'flight', 'crash']);
  });

  it('countdown, flight and crash text in one red: the crash is learned by its words, which then end betting at an instant crash', () => {
    const { reads } = readStream(LOOKS.sameInk, [{ crash: 1.8 }, { crash: 2.2 }, { crash: 1.5 }]);
    const learned = verdictOf(watch(reads).rounds);
    expect(learned.verdict).toEqual({ ready: true });
    expect(learned.signature?.crashWords).toEqual(['CRA']);
    const config = { ...DEFAULT_PHASE_CONFIG, known: knownLooks(learned.signature) };
    const played = readStream(LOOKS.sameInk, [{ crash: 1.4 }, { crash: 1 }, { crash: 1.6 }], { rate: 0.0002 });
    expect(watch(played.reads, config).events).toEqual(['betting', 'flight', 'crash', 'betting', 'flight', 'crash', 'betting', 'flight', 'crash']);
  });

  it('words read while betting are never crash words, even where the crash says them too', () => {
    const look: GameLook = { ...LOOKS.sameInk, betting: () => text(RED, { long: true, words: 'CRA', betButton: 'changed' }) };
    const { reads } = readStream(look, [{ crash: 1.8 }, { crash: 2.2 }, { crash: 1.5 }]);
    expect(verdictOf(watch(reads).rounds).signature?.crashWords).toBeUndefined();
  });

  it('a word a sprite made of the digits in flight is never a crash word, though the crash showed it too', () => {
    // A plane over the digits read "age" mid-flight, and again over the crash: taught as the crash's, it would end a
    // flight with our bet in it the next time the plane passed.
    const rate = 0.0002;
    const { reads, flightStarts } = readStream(LOOKS.sameInk, [{ crash: 1.8 }, { crash: 2.2 }, { crash: 1.5 }], { rate });
    const planeAt = flightStarts.map((at) => at + Math.log(1.3) / rate);
    const withPlane = reads.map((r): PhaseRead => {
      if (r.kind === 'text' && r.words === 'CRA') return { ...r, words: 'AGE' };
      return planeAt.some((at) => r.at >= at && r.at < at + 48) ? { at: r.at, ...text(RED, { long: true, words: 'AGE' }) } : r;
    });
    const learned = verdictOf(watch(withPlane).rounds);
    expect(learned.verdict).toEqual({ ready: true });
    expect(learned.signature?.crashWords).toBeUndefined();
  });

  it('a screen that stalls mid-flight does not pull the fitted rate down', () => {
    // Under load (2026-12-05) the screen stood at 1.35x for a second: every repeat of it went into the fit, which
    // gave 0.00010/ms on a 0.00025/ms game. The values' first showings are on the curve, stall or not.
    const rate = 0.00025;
    const { reads, flightStarts } = readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate });
    const stall = { from: flightStarts[1]! + 1200, to: flightStarts[1]! + 2200 };
    const held = reads.find((r) => r.at >= stall.from)!;
    // Most flight reads were refused on that game, so the stall's repeats were most of the samples.
    const stalled = reads
      .map((r) => (r.at >= stall.from && r.at < stall.to ? { ...held, at: r.at } : r))
      .filter((r, i) => r.kind !== 'value' || (r.at >= stall.from && r.at < stall.to) || i % 8 === 0);
    const { rounds } = watch(stalled);
    expect(rounds[1]!.rate! / rate).toBeGreaterThan(0.9);
    expect(rounds[1]!.rate! / rate).toBeLessThan(1.1);
  });

  it('a one-decimal game learns its rate from four steps, and one learned from shorter rounds takes it from the first round that teaches it', () => {
    // ember (2026-12-07): two watched rounds crashed below 2.0x, so neither taught the rate, and a 1.15x target inside a
    // later flight's first step waited for 1.2x on screen (paid 1.21).
    const rate = 0.00024;
    for (const pollMs of [16, 45]) {
      const { rounds } = watch(readStream(LOOKS.frozen, [{ crash: 1.3 }, { crash: 1.47 }, { crash: 1.62 }], { rate, pollMs }).reads);
      expect(rounds.map((r) => r.rate === null)).toEqual([true, false, false]);
      for (const round of rounds.slice(1)) {
        expect(round.rate! / rate).toBeGreaterThan(0.95);
        expect(round.rate! / rate).toBeLessThan(1.05);
      }
    }
    const short = watch(readStream(LOOKS.frozen, [{ crash: 1.3 }, { crash: 1.25 }, { crash: 1.38 }], { rate }).reads).rounds;
    const { signature } = verdictOf(short);
    expect(signature?.rate).toBeNull();
    // Watched longer, an earlier round that taught the rate stands in for the last two.
    const taughtFirst = watch(readStream(LOOKS.frozen, [{ crash: 1.3 }, { crash: 1.62 }, { crash: 1.25 }, { crash: 1.38 }], { rate }).reads).rounds;
    expect(verdictOf(taughtFirst).signature?.rate?.min).toBe(taughtFirst[1]!.rate);
    const later = watch(readStream(LOOKS.frozen, [{ crash: 1.6 }, { crash: 1.7 }], { rate, startAt: 100_000 }).reads, { ...DEFAULT_PHASE_CONFIG, known: knownLooks(signature) }).rounds.at(-1)!;
    expect(mismatchOf(signature!, later)).toBeNull();
    expect(later.rate).not.toBeNull();
    expect(knownLooks(learnedFrom(signature!, later))?.learnedRate).toEqual({ min: later.rate, max: later.rate });
  });

  it('is never ready on a number read without its decimal point, whose flights start at 100x', () => {
    // dawn with letter-spacing -10px (2026-12-07): x1.60 read as x160 on every frame, consistently enough to lock on
    // 0 decimals; learned so, 100 would pass for 1.00x and every target for reached at once.
    const pointLost = (read: PhaseRead): PhaseRead => (read.kind === 'value' ? { ...read, value: Math.round(read.value * 100), decimals: 0 } : read);
    const look = LOOKS.classic;
    const { reads } = readStream(look, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 });
    const { rounds } = watch(reads.map(pointLost));
    expect(rounds.filter((r) => r.whole).map((r) => r.firstValue)).toEqual([100, 100]);
    expect(verdictOf(rounds)).toEqual({ verdict: { ready: false, why: expect.stringMatching(/first number read was 100x, where crash games start at 1.00x/) }, signature: null });
    // A game learned as it shows, that starts reading so later, stops betting.
    const { signature } = verdictOf(watch(reads).rounds);
    expect(mismatchOf(signature!, rounds.at(-1)!)).toMatch(/first number read was 100x/);
  });

  it('keeps what the number does with trailing zeros, once the reader found it, as the format a new session reads with', () => {
    const look = LOOKS.classic;
    const { reads } = readStream(look, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 });
    // The reader finds a trimmed display out a few values into the first flight; its later reads say so.
    const saying = (zeros: 'shown' | 'dropped', from: number) => (read: PhaseRead): PhaseRead => (read.kind === 'value' && read.at >= from ? { ...read, trailingZeros: zeros } : read);
    const trimmed = verdictOf(watch(reads.map(saying('dropped', reads[0]!.at + 1000))).rounds).signature!;
    expect(trimmed.trailingZeros).toBe('dropped');
    expect(knownLooks(trimmed)?.format).toEqual({ decimals: 2, trailingZeros: 'dropped' });
    // Not yet seen: each session learns the format from its own reads, as before.
    const unseen = verdictOf(watch(reads).rounds).signature!;
    expect(unseen.trailingZeros).toBeUndefined();
    expect(knownLooks(unseen)?.format).toBeUndefined();
    // Rounds that disagree teach nothing.
    const rounds = watch(reads.map(saying('dropped', 0))).rounds;
    const mixed = rounds.map((r, i) => (i === rounds.length - 1 ? { ...r, trailingZeros: 'shown' as const } : r));
    expect(verdictOf(rounds).signature!.trailingZeros).toBe('dropped');
    expect(verdictOf(mixed).signature!.trailingZeros).toBeUndefined();
  });

  for (const [name, look] of Object.entries(LOOKS) as Array<[string, GameLook]>) {
    it(`${name}: ready after at most three rounds, then recognises betting from a new session's first reads`, () => {
      const rate = 0.00025;
      const { reads } = readStream(look, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate });
      const { rounds } = watch(reads);
      expect(rounds.map((r) => r.whole)).toEqual([false, true, true]);
      const { verdict, signature } = verdictOf(rounds);
      expect(verdict).toEqual({ ready: true });
      expect(signature!.decimals).toBe(look.decimals);
      expect(signature!.rate!.min).toBeGreaterThan(rate * 0.85);
      expect(signature!.rate!.max).toBeLessThan(rate * 1.15);

      // A new session with what was learned: betting is known at once, so the first signal can be played.
      const next = readStream(look, [{ crash: 2.2 }], { rate, startAt: 100_000 });
      const config = { ...DEFAULT_PHASE_CONFIG, known: knownLooks(signature) };
      const again = watch(next.reads, config);
      expect(again.events.slice(0, 3)).toEqual(['betting', 'flight', 'crash']);
      expect(again.rounds.every((r) => mismatchOf(signature!, r) === null)).toBe(true);
    });
  }

  it('a crash that sometimes shows FLEW AWAY! a frame before the red number is one crash, learned by the look it settles on', () => {
    const flewAwayFirst = (v: number) => v === 2.6;
    const aviator: GameLook = {
      betting: () => text(WHITE, { long: true }),
      crashed: (v: number, t: number) => (flewAwayFirst(v) && t < 150 ? text(WHITE, { long: true }) : value(v, RED, 1)),
      decimals: 2,
    };
    const { reads } = readStream(aviator, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 });
    const { rounds } = watch(reads);
    expect(rounds.map((r) => r.crashLook)).toEqual(Array(3).fill(lookOf({ at: 0, ...value(1, RED, 1) })));
    expect(rounds[1]!.crashLooks).toContain(lookOf({ at: 0, ...text(WHITE, { long: true }) }));
    const { verdict, signature } = verdictOf(rounds);
    expect(verdict).toEqual({ ready: true });
    expect(signature!.crashLooks).toHaveLength(2);
  });

  it('a plane passing over same-coloured digits mid-flight (read as words) is not a crash: the round is one round, with the crash it really had', () => {
    const MAGENTA = { r: 190, g: 24, b: 88 };
    const PLANE = { r: 210, g: 13, b: 69 };
    const planeGame: GameLook = {
      betting: () => text({ r: 240, g: 240, b: 240 }, { long: true }),
      crashed: (v: number) => value(v, RED, 1),
      decimals: 2,
      ink: MAGENTA,
    };
    const rate = 0.00025;
    const { reads } = readStream(planeGame, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 2.2 }], { rate });
    // The plane crosses the digits for 400 ms in each flight at 1.4x.
    const flights = reads.filter((r, i) => r.kind === 'value' && r.value === 1.4 && !(reads[i - 1]?.kind === 'value' && (reads[i - 1] as { value: number }).value === 1.4));
    const covered = (at: number) => flights.some((f) => at >= f.at && at < f.at + 400);
    const withPlane = reads.map((r) => (r.kind === 'value' && covered(r.at) ? { at: r.at, ...text(PLANE, { long: true }) } : r));
    const { rounds } = watch(withPlane);
    expect(flights.length).toBe(3);
    expect(rounds.map((r) => r.crashValue)).toEqual([expect.closeTo(1.9, 1), expect.closeTo(2.6, 1), expect.closeTo(2.2, 1)]);
    expect(rounds.map((r) => r.crashLook)).toEqual(Array(3).fill(lookOf({ at: 0, ...value(1, RED, 1) })));
    expect(verdictOf(rounds).verdict).toEqual({ ready: true });
  });

  it('neither betting seen a frame before the readout changes nor a flight too short to rise twice makes the blank crash a betting look', () => {
    // A jet-like game: the readout goes blank at the crash and shows a frozen 1.00× while betting; the Bet button
    // changes two reads before the readout does.
    const jet: GameLook = {
      betting: (t: number) => (t < 32 ? { kind: 'none', betButton: 'changed' } : text(WHITE)),
      crashed: () => ({ kind: 'none' }),
      decimals: 1,
    };
    // 1.15x rises once (1.0, 1.1) and is gone: still a flight and a crash, never a blank betting look.
    const { reads } = readStream(jet, [{ crash: 1.9 }, { crash: 1.15 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00015 });
    const learned = watch(reads);
    expect(learned.events.filter((e) => e === 'crash')).toHaveLength(4);
    // The last value shown before each crash (one decimal, floored).
    expect(learned.rounds.map((r) => r.crashValue)).toEqual([1.8, 1.1, 2.5, 1.6]);
    const { signature } = verdictOf(learned.rounds);
    expect(signature!.crashLooks).toEqual(['blank']);
    expect(signature!.bettingLooks).not.toContain('blank');
    // So an instant crash (1.03x: the number never leaves 1.0 before the readout goes blank) is still a round.
    const next = readStream(jet, [{ crash: 2.2 }, { crash: 1.03 }, { crash: 1.5 }], { rate: 0.00015, startAt: 100_000 });
    const again = watch(next.reads, { ...DEFAULT_PHASE_CONFIG, known: knownLooks(signature) });
    expect(again.events.filter((e) => e === 'crash')).toHaveLength(3);
  });

  it('a number that vanishes leaves whatever was behind it: a curve only in long flights, in any colour but the digits\'', () => {
    // JetX at a large size: the number vanishes at the crash; after a long flight the red curve reaches the readout,
    // and the reader finds its ink but no character.
    const curve = (ink: typeof RED) => ({ kind: 'text' as const, ink, extraLines: 0, inkOnly: true });
    const leftBehind = (ink: typeof RED) => (v: number) => (v > 3 ? curve(ink) : { kind: 'none' as const });
    const jet = (ink: typeof RED): GameLook => ({ betting: () => value(1, WHITE), crashed: leftBehind(ink), decimals: 1 });
    const rate = 0.00025;
    const { reads } = readStream(jet(RED), [{ crash: 1.9 }, { crash: 1.7 }, { crash: 6.8 }], { rate });
    const { rounds } = watch(reads);
    expect(rounds.map((r) => [r.crashLook, r.numberVanished])).toEqual([
      ['blank', true],
      ['blank', true],
      [lookOf({ at: 0, ...curve(RED) }), true],
    ]);
    const { verdict, signature } = verdictOf(rounds);
    expect(verdict).toEqual({ ready: true });
    expect(signature!.numberVanishes).toBe(true);
    expect(signature!.crashLooks).toEqual(['blank', lookOf({ at: 0, ...curve(RED) })].sort());

    // Playing on: a gold curve left behind matches, and is learned; ink in the digits' own white is never a crash look.
    const gold = { r: 230, g: 180, b: 40 };
    const later = watch(readStream(jet(gold), [{ crash: 2 }, { crash: 5 }], { rate, startAt: 100_000 }).reads, { ...DEFAULT_PHASE_CONFIG, known: knownLooks(signature) }).rounds.at(-1)!;
    expect(mismatchOf(signature!, later)).toBeNull();
    expect(learnedFrom(signature!, later).crashLooks).toContain(lookOf({ at: 0, ...curve(gold) }));
    const white = watch(readStream(jet(WHITE), [{ crash: 2 }, { crash: 5 }], { rate, startAt: 200_000 }).reads, { ...DEFAULT_PHASE_CONFIG, known: knownLooks(signature) }).rounds.at(-1)!;
    expect(learnedFrom(signature!, white).crashLooks).toEqual(signature!.crashLooks);

    // A round whose number left nothing behind agrees with one where it left the backdrop: both vanished (aviator with
    // blank betting and jet's vanishing crash, DejaVu Serif 56, 2026-12-05: "not ready: blank vs the number vanishing").
    const blankOnce = verdictOf([rounds[1]!, { ...rounds[2]!, numberVanished: false, crashLook: 'blank', crashLooks: ['blank'] }]);
    expect(blankOnce.verdict).toEqual({ ready: true });
    expect(blankOnce.signature!.numberVanishes).toBe(true);

    // The same crash look in both rounds agrees, though in one its text was never legible (neon with classic's crash in
    // Roboto 46, 2026-12-05: "the number vanishing vs text:hue10:line").
    const busted2 = lookOf({ at: 0, ...text(RED, { long: true }) });
    const illegibleOnce = verdictOf([{ ...rounds[1]!, numberVanished: false, crashLook: busted2, crashLooks: [busted2] }, { ...rounds[2]!, numberVanished: true, crashLook: busted2, crashLooks: [busted2] }]);
    expect(illegibleOnce.verdict).toEqual({ ready: true });
    expect(illegibleOnce.signature!.numberVanishes).toBeUndefined();

    // Crash text is not a vanishing number: a game whose crash says BUSTED in one round and vanishes in the next is not ready.
    const busted = verdictOf([rounds[1]!, { ...rounds[2]!, numberVanished: false, crashLook: lookOf({ at: 0, ...text(RED, { long: true }) }) }]);
    expect(busted.verdict).toMatchObject({ ready: false, why: expect.stringContaining('crash looked different') });
  });

  it('a flight that crashed before its number was read once does not count against the decimals', () => {
    const { reads } = readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 });
    const rounds = watch(reads).rounds;
    const unread = rounds.map((r, i) => (i === rounds.length - 1 ? { ...r, decimals: null, rate: null } : r));
    const { verdict, signature } = verdictOf(unread);
    expect(verdict).toEqual({ ready: true });
    expect(signature!.decimals).toBe(LOOKS.classic.decimals);
    const shown = rounds.map((r, i) => (i === rounds.length - 1 ? { ...r, decimals: 1 } : r));
    expect(verdictOf(shown).verdict).toEqual({ ready: false, why: 'the number showed different decimals (2 vs 1)' });
  });

  it('refuses with the count of rounds seen until two whole rounds agree', () => {
    const { reads } = readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }], { rate: 0.00025 });
    expect(verdictOf(watch(reads).rounds).verdict).toEqual({ ready: false, why: 'still learning this game (1 of 2 rounds seen)' });
    expect(verdictOf([]).verdict).toEqual({ ready: false, why: 'still learning this game (0 of 2 rounds seen)' });
  });

  it('words over the red number are one crash look, whether the reader made out the number under them or only the words', () => {
    // jet with bust's countdown, aviator's FLEW AWAY! and Fira Code at 56 px (2026-12-05): the red 1.6x and 1.7x under
    // the words were read as text, the 6.8x as a value, and learn said "not ready" on the same look.
    const rate = 0.00025;
    const flewAway: GameLook = { ...LOOKS.waiting, crashed: (v) => (v < 2 ? text(RED, { long: true, extraLines: 1 }) : value(v, RED, 1)) };
    const { rounds } = watch(readStream(flewAway, [{ crash: 1.6 }, { crash: 1.7 }, { crash: 6.8 }], { rate }).reads);
    expect(rounds.slice(-2).map((r) => r.crashLook)).toEqual(['text:hue0:lines', 'value:hue0:lines']);
    const { verdict, signature } = verdictOf(rounds);
    expect(verdict).toEqual({ ready: true });
    const again = watch(readStream(flewAway, [{ crash: 1.5 }, { crash: 1.3 }], { rate }).reads).rounds.at(-1)!;
    expect(again.crashLook).toBe('text:hue0:lines');
    expect(mismatchOf({ ...signature!, crashLooks: ['value:hue0:lines'] }, again)).toBeNull();
    // Without the extra line, words in place of the number (BUSTED) and the number turned red are two conventions.
    const replaced: GameLook = { ...flewAway, crashed: (v) => (v < 2 ? text(RED, { long: true }) : value(v, RED)) };
    expect(verdictOf(watch(readStream(replaced, [{ crash: 1.6 }, { crash: 1.7 }, { crash: 6.8 }], { rate }).reads).rounds).verdict).toMatchObject({ ready: false, why: expect.stringContaining('crash looked different') });
  });

  it('is not ready when the rounds disagree, and flags a game that stopped looking as learned', () => {
    const rate = 0.00025;
    const classic = readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }], { rate });
    const waiting = readStream(LOOKS.waiting, [{ crash: 2.1 }], { rate, startAt: classic.reads.at(-1)!.at + 16 });
    const { rounds } = watch([...classic.reads, ...waiting.reads]);
    expect(verdictOf(rounds).verdict).toMatchObject({ ready: false, why: expect.stringContaining('crash looked different') });

    const { signature } = verdictOf(watch(readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.4 }], { rate }).reads).rounds);
    expect(mismatchOf(signature!, rounds.at(-1)!)).toContain('not as learned');
    const faster = watch(readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }], { rate: rate * 3 }).reads).rounds.at(-1)!;
    expect(mismatchOf(signature!, faster)).toContain('far from the learned');
  });
});
