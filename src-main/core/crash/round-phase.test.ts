import { describe, expect, it } from 'vitest';
import { displayedCentsAt } from '../../../src-shared/crash/growth';
import { blank, LOOKS, readStream, RED, text, value, WHITE, type GameLook } from './read-streams.test-support';
import type { Rgb } from './readout-look';
import { DEFAULT_PHASE_CONFIG, INITIAL_PHASE_STATE, lookOf, replayPhases, showsHiddenNumber, stepPhase, withBetOpen, type PhaseConfig, type PhaseEvent, type PhaseRead, type PhaseState } from './round-phase';

const RATE = 0.00006;
const POLL_MS = 20;

function flight(start: number, crash: number, rate = RATE): PhaseRead[] {
  const reads: PhaseRead[] = [];
  const end = start + Math.log(crash) / rate;
  for (let at = start; at < end; at += POLL_MS) reads.push({ at, kind: 'value', value: displayedCentsAt(at - start, rate) / 100, ink: WHITE });
  return reads;
}

/** Digits in a red-magenta, and a red plane whose mean ink differs from them by less than a colour change. */
const MAGENTA = { r: 190, g: 24, b: 88 };
const PLANE = { r: 210, g: 13, b: 69 };

/** A flight in magenta that a plane crosses for 400 ms at 1.3x, read as words in nearly its ink, then flies on. */
function spritePass(rate = 0.0002): { reads: PhaseRead[]; passFrom: number; last: number } {
  const passFrom = Math.log(1.3) / rate;
  const reads: PhaseRead[] = [];
  let last = 0;
  for (let at = 0; at < passFrom + 1000; at += POLL_MS) {
    last = displayedCentsAt(at, rate) / 100;
    const covered = at >= passFrom && at < passFrom + 400;
    reads.push(covered ? { at, ...text(PLANE, { long: true }) } : { at, kind: 'value', value: last, decimals: 2, ink: MAGENTA });
  }
  return { reads, passFrom, last };
}

/** A flight in white whose number then stands in dark grey: a lightness step that large is a crash look. */
function inkRecolouredCrash(): string | undefined {
  const reads = flight(0, 1.5, 0.0002);
  const last = reads.at(-1)!;
  for (let i = 1; i <= 3; i++) reads.push({ at: last.at + i * POLL_MS, kind: 'value', value: last.kind === 'value' ? last.value : 0, ink: { r: 110, g: 110, b: 110 } });
  return types(replayPhases(reads).events).find((t) => t.startsWith('crash'));
}

const types = (events: readonly PhaseEvent[]) =>
  events.filter((e) => e.type !== 'rejected').map((e) => (e.type === 'crash' ? `crash:${e.reason}` : e.type));

/** Whole-round phases of a stream: what the executor relies on. */
function phasesOf(look: GameLook, crashes: number[], config: PhaseConfig = DEFAULT_PHASE_CONFIG, rate = 0.0002) {
  const stream = readStream(look, crashes.map((crash) => ({ crash })), { rate });
  return { ...stream, ...replayPhases(stream.reads, config) };
}

describe('round phases across game conventions', () => {
  // Each game starts mid-betting, unknown; after its first crash every round must read betting → flight → crash.
  const cases: Array<[keyof typeof LOOKS, string]> = [
    ['classic', 'blank betting, crash text replacing the number'],
    ['countdown', 'a countdown in the readout, the number turning red and stopping'],
    ['waiting', 'a waiting text, "FLEW AWAY!" on an extra line over a red number'],
    ['frozen', 'a frozen 1.0x while betting, the number disappearing at the crash, one decimal'],
    ['leftover', 'the previous crash value with PREPARING under it, BUSTED replacing the number'],
    ['colourOnly', 'only a colour change at the crash'],
  ];
  for (const [name, what] of cases) {
    it(`${name}: ${what}`, () => {
      const { events, flightStarts, crashAts } = phasesOf(LOOKS[name], [2.4, 1.6, 3.1]);
      expect(types(events).map((t) => t.split(':')[0])).toEqual(['flight', 'crash', 'betting', 'flight', 'crash', 'betting', 'flight', 'crash']);
      const flights = events.filter((e) => e.type === 'flight');
      const crashes = events.filter((e) => e.type === 'crash');
      flights.forEach((f, i) => {
        // The flight is dated from its first rising read, not from when it was confirmed.
        expect(f.at - flightStarts[i]!).toBeLessThan(name === 'frozen' ? 600 : 120);
        expect(f.at).toBeGreaterThanOrEqual(flightStarts[i]! - 1);
      });
      crashes.forEach((c, i) => {
        expect(c.at - crashAts[i]!).toBeLessThan(name === 'frozen' ? 400 : 200);
        expect(c.at - crashAts[i]!).toBeGreaterThan(-50);
      });
      const bettings = events.filter((e) => e.type === 'betting');
      bettings.forEach((b, i) => expect(b.at).toBeLessThan(flightStarts[i + 1]!));
    });
  }

  it('a plane passing behind white digits (ink wobbling to grey) is no crash; FLEW AWAY! drawn a frame before the red number is one crash look, not betting', () => {
    const GREY = { r: 179, g: 177, b: 178 };
    const aviator: GameLook = {
      betting: () => text(WHITE, { long: true }),
      crashed: (v: number, t: number) => (t < 150 ? text(WHITE, { long: true }) : value(v, RED, 1)),
      decimals: 2,
    };
    const stream = readStream(aviator, [{ crash: 2.4 }, { crash: 1.6 }, { crash: 3.1 }], { rate: 0.0002 });
    const reads = stream.reads.map((r, i) => (r.kind === 'value' && r.ink === WHITE && i % 5 === 0 ? { ...r, ink: GREY } : r));
    const { events } = replayPhases(reads);
    expect(types(events).map((t) => t.split(':')[0])).toEqual(['flight', 'crash', 'betting', 'flight', 'crash', 'betting', 'flight', 'crash']);
    // Betting is seen at the waiting text, not while the red crash value stands.
    const bettings = events.filter((e) => e.type === 'betting');
    bettings.forEach((b, i) => expect(b.at).toBeGreaterThanOrEqual(stream.crashAts[i]! + 1500 - 1));
    // A real change of colour still ends a flight.
    expect(inkRecolouredCrash()).toBe('crash:colour');
  });

  it('with learned looks, an instant crash shown as the red number at 1.00x is a round that crashed', () => {
    const crashLook = lookOf({ at: 0, ...value(1, RED, 1) });
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [lookOf({ at: 0, ...text(WHITE, { long: true }) })], crashLooks: [crashLook] } };
    const reads: PhaseRead[] = [];
    for (let at = 0; at < 1000; at += 20) reads.push({ at, ...text(WHITE, { long: true }) });
    for (let at = 1000; at < 2500; at += 20) reads.push({ at, ...value(1, RED, 1) });
    expect(types(replayPhases(reads, config).events)).toEqual(['betting', 'flight', 'crash:colour']);
  });

  it("with the game's learned rate, a misread far above it (2.03 read as 2.93 after a slow read) is rejected, not a flight value", () => {
    const rate = 0.0003;
    const reads = flight(0, 2.03, rate).filter((_, i) => i % 3 === 0);
    const last = reads.at(-1)!;
    reads.push({ at: last.at + 300, kind: 'value', value: 2.93, ink: WHITE });
    const known = { bettingLooks: ['blank'], crashLooks: [], maxRate: rate * 2 };
    const withRate = replayPhases(reads, { ...DEFAULT_PHASE_CONFIG, known });
    expect(withRate.events.at(-1)).toMatchObject({ type: 'rejected', reason: 'jump', value: 2.93 });
    expect(withRate.state.lastValue).toBeLessThan(2.1);
    // The generic limit (any game, 0.002 per ms) lets it through.
    expect(replayPhases(reads).state.lastValue).toBe(2.93);
  });

  it('one decimal, the number turning gold from 1.3x between two slow steps: no crash until it really stops', () => {
    const GOLD = { r: 252, g: 202, b: 0 };
    const rate = 0.00015;
    const reads: PhaseRead[] = [];
    const crashAt = Math.log(2.4) / rate;
    for (let at = 0; at < crashAt; at += 16) {
      const v = Math.floor(Math.exp(rate * at) * 10 + 1e-9) / 10;
      // The tier colour follows the true multiplier, so it changes while 1.2x is still shown.
      reads.push({ at, kind: 'value', value: v, decimals: 1, ink: Math.exp(rate * at) >= 1.25 ? GOLD : WHITE });
    }
    for (let at = Math.ceil(crashAt / 16) * 16; at < crashAt + 1500; at += 16) reads.push({ at, kind: 'value', value: 2.4, decimals: 1, ink: RED });
    const crashes = replayPhases(reads).events.filter((e) => e.type === 'crash');
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatchObject({ reason: 'colour', value: 2.4 });
    expect(crashes[0]!.at - crashAt).toBeLessThan(700);
  });

  it('one decimal, a gold curve crossing the digits (ink black, then gold, then grey, then gold with a stray line; later a stray line alone): no crash until the number goes', () => {
    // Recorded from the jet skin: the reader's ink follows whatever crosses the glyphs, so the odd looks disagree.
    const GOLD = { r: 252, g: 203, b: 4 };
    const BLACK = { r: 0, g: 0, b: 0 };
    const rate = 0.00015;
    const crashAt = Math.log(2.2) / rate;
    const inkAt = (at: number, v: number) => {
      if (v < 1.3) return { ink: BLACK };
      const sinceStep = at - Math.log(1.4) / rate;
      if (v === 1.4 && sinceStep > 130 && sinceStep < 440) return { ink: { r: 206 - Math.round(sinceStep / 4), g: 207 - Math.round(sinceStep / 4), b: 200 - Math.round(sinceStep / 4) } };
      if (v === 1.4 && sinceStep >= 440 && sinceStep < 454) return { ink: GOLD, extraLines: 1 };
      // Later the curve alone passes for a second line, for a few reads while the number waits for its next step.
      const sinceLaterStep = at - Math.log(1.6) / rate;
      if (v === 1.6 && sinceLaterStep > 100 && sinceLaterStep < 160) return { ink: GOLD, extraLines: 1 };
      return { ink: GOLD };
    };
    const reads: PhaseRead[] = [];
    for (let at = 0; at < crashAt; at += 14) {
      const v = Math.floor(Math.exp(rate * at) * 10 + 1e-9) / 10;
      reads.push({ at, kind: 'value', value: v, decimals: 1, ...inkAt(at, v) });
    }
    for (let at = Math.ceil(crashAt / 14) * 14; at < crashAt + 1500; at += 14) reads.push({ at, kind: 'none' });
    const crashes = replayPhases(reads).events.filter((e) => e.type === 'crash');
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatchObject({ reason: 'disappeared', value: 2.1 });
  });

  it('never takes a countdown, a frozen value or a left-over crash value for a flight', () => {
    const countdown: PhaseRead[] = [];
    for (let i = 0; i < 50; i++) countdown.push({ at: i * 100, kind: 'value', value: Math.round((5 - i * 0.1) * 10) / 10, decimals: 1, ink: WHITE });
    expect(types(replayPhases(countdown).events)).toEqual([]);
    const frozen: PhaseRead[] = Array.from({ length: 200 }, (_, i) => ({ at: i * 16, kind: 'value', value: 1, decimals: 2, ink: WHITE }));
    expect(types(replayPhases(frozen).events)).toEqual([]);
    // A single misread of the frozen display is not a rise in a row.
    frozen.splice(50, 1, { at: 50 * 16, kind: 'value', value: 1.08, decimals: 2, ink: WHITE });
    expect(types(replayPhases(frozen).events)).toEqual([]);
  });

  it('with learned looks, knows the phase from the first read of a new session', () => {
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [lookOf({ at: 0, ...text(WHITE, { long: true }) })], crashLooks: [lookOf({ at: 0, ...value(2, RED, 1) })] } };
    const waiting = replayPhases([{ at: 0, ...text(WHITE, { long: true }) }], config);
    expect(types(waiting.events)).toEqual(['betting']);
    // A number on screen is betting only once it has stood still: a session may start mid-flight.
    const frozenConfig = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [lookOf({ at: 0, ...value(1) })], crashLooks: ['blank'] } };
    const early = replayPhases([0, 16, 32].map((at) => ({ at, ...value(1) })), frozenConfig);
    expect(early.state.phase).toBe('UNKNOWN');
    const late = replayPhases(Array.from({ length: 40 }, (_, i) => ({ at: i * 16, ...value(1) })), frozenConfig);
    expect(types(late.events)).toEqual(['betting']);
  });

  it('after a crash, betting needs a learned betting look when looks are known', () => {
    // A pause that shows something never seen while betting is not betting.
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['blank'], crashLooks: [lookOf({ at: 0, ...text(RED) })] } };
    const reads: PhaseRead[] = [...flight(0, 1.5), ...[0, 1, 2].map((i) => ({ at: 8000 + i * 16, ...text(RED) })), ...[0, 1, 2].map((i) => ({ at: 9000 + i * 16, ...text(GREEN_TEXT) }))];
    expect(types(replayPhases(reads, config).events)).toEqual(['flight', 'crash:crash-text']);
    const thenBlank = [...reads, { at: 9500, kind: 'none' as const }, { at: 9516, kind: 'none' as const }];
    expect(types(replayPhases(thenBlank, config).events)).toEqual(['flight', 'crash:crash-text', 'betting']);
  });
});

const GREEN_TEXT = { r: 40, g: 200, b: 90 };

describe('round phase rules within a flight', () => {
  it('survives single blank reads but calls a crash when the read disappears', () => {
    const reads = flight(0, 1.3);
    reads.splice(40, 1, { at: reads[40]!.at, kind: 'none' });
    const last = reads.at(-1)!.at;
    const gone: PhaseRead[] = [];
    for (let at = last + POLL_MS; at < last + 600; at += POLL_MS) gone.push({ at, kind: 'none' });
    const { events, state } = replayPhases([...reads, ...gone]);
    expect(types(events)).toEqual(['flight', 'crash:disappeared']);
    expect(events.find((e) => e.type === 'crash')).toMatchObject({ at: last + POLL_MS, value: 1.29 });
    expect(state.phase).toBe('CRASHED');
  });

  it('calls a stall only after the value stood still for a long while, frozen frames being common', () => {
    const fast = 0.0003;
    const reads = flight(0, 3, fast);
    const frozenFrom = reads.at(-1)!.at;
    for (let at = frozenFrom + POLL_MS; at < frozenFrom + 1000; at += POLL_MS) reads.push({ at, kind: 'value', value: 2.99, ink: WHITE });
    const crash = replayPhases(reads).events.find((e) => e.type === 'crash')!;
    expect(crash).toMatchObject({ reason: 'stalled', value: 2.99 });
    // A 200 ms freeze of a busy machine is no crash; the rate would allow ~140 ms, the floor says 600.
    expect(crash.at - frozenFrom).toBeGreaterThanOrEqual(DEFAULT_PHASE_CONFIG.minStallMs);
    expect(crash.at - frozenFrom).toBeLessThan(DEFAULT_PHASE_CONFIG.minStallMs + 2 * POLL_MS);
  });

  it('does not call a stall at 1.00x while a slow start is still legitimately on 1.00', () => {
    const { events, state } = replayPhases(flight(0, 1.05, 0.00004));
    expect(types(events)).toEqual(['flight']);
    expect(state.phase).toBe('FLYING');
  });

  it('rejects misreads that go backwards or jump, keeping the flight', () => {
    const reads = flight(0, 1.5);
    reads.splice(100, 1, { at: reads[100]!.at, kind: 'value', value: 1.03, ink: WHITE });
    reads.splice(200, 1, { at: reads[200]!.at, kind: 'value', value: 127, ink: WHITE });
    const { events, state } = replayPhases(reads);
    expect(events.filter((e) => e.type === 'rejected').map((e) => e.type === 'rejected' && e.reason)).toEqual(['backwards', 'jump']);
    expect(state.phase).toBe('FLYING');
    expect(state.lastValue).toBe(1.49);
  });

  it('a lone misread a few cents high (1.55 read as 1.58 on one frame, neon in Roboto 46) is retracted when the true 1.56 and 1.57 follow: no restart', () => {
    const rate = 0.00025;
    const reads = flight(0, 1.8, rate).map((r) => ({ ...r, decimals: 2 }));
    const at155 = reads.findIndex((r) => r.kind === 'value' && r.value === 1.55);
    for (let i = 0; i < 3; i++) reads.splice(at155 + i, 1, { at: reads[at155 + i]!.at, kind: 'value', value: 1.58, decimals: 2, ink: WHITE });
    const { events, state } = replayPhases(reads, { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [], crashLooks: [], learnedRate: { min: rate, max: rate } } }, withBetOpen(INITIAL_PHASE_STATE, true));
    expect(types(events)).toEqual(['flight', 'retracted']);
    expect(events.find((e) => e.type === 'retracted')).toMatchObject({ misread: 1.58 });
    expect(state.phase).toBe('FLYING');
    expect(state.lastValue).toBe(1.79);
  });

  it('a lower read long after the rise, or below the value before it, is no retraction', () => {
    const reads = flight(0, 1.5);
    const last = reads.at(-1)!.at;
    reads.push({ at: last + 600, kind: 'value', value: 1.48, ink: WHITE });
    expect(types(replayPhases(reads).events)).not.toContain('retracted');
    const early = flight(0, 1.5);
    early.push({ at: early.at(-1)!.at + POLL_MS, kind: 'value', value: 1.2, ink: WHITE });
    expect(types(replayPhases(early).events)).not.toContain('retracted');
  });

  it('sees a new round when values restart lower without a visible crash', () => {
    const first = flight(0, 1.8);
    const restartAt = first.at(-1)!.at + POLL_MS;
    const { events, state } = replayPhases([...first, ...flight(restartAt, 1.1)]);
    expect(types(events)).toEqual(['flight', 'crash:restarted', 'flight']);
    expect(state.flights).toBe(2);
  });

  it('resumes the flight when a stalled display starts rising again', () => {
    const reads = flight(0, 1.5);
    const frozenFrom = reads.at(-1)!.at;
    for (let at = frozenFrom + POLL_MS; at < frozenFrom + 600; at += POLL_MS) reads.push({ at, kind: 'value', value: 1.49, ink: WHITE });
    reads.push({ at: frozenFrom + 620, kind: 'value', value: 1.5, ink: WHITE });
    const { events, state } = replayPhases(reads);
    expect(types(events)).toEqual(['flight', 'crash:stalled', 'flight']);
    expect(events.at(-1)).toMatchObject({ type: 'flight', resumed: true });
    expect(state.flights).toBe(1);
  });

  it('words in the flight\'s own ink (a red plane read as "yp" over red digits) end a watched flight, which resumes when the number rises on past them', () => {
    const { reads, last } = spritePass();
    const { events, state } = replayPhases(reads);
    expect(types(events)).toEqual(['flight', 'crash:crash-text', 'flight']);
    expect(events.at(-1)).toMatchObject({ type: 'flight', resumed: true });
    expect(state).toMatchObject({ phase: 'FLYING', flights: 1, lastValue: last });
  });

  it('a sprite in another colour than the digits (a red plane over green digits read "g", "7", "up") ends a watched flight that resumes when the number rises on past it', () => {
    // aviator in Cantarell, green on a light page (2026-12-06): each pass of the plane split a round in two, and learn
    // said "not ready: 1 of 2 rounds seen".
    const GREEN_DIGITS = { r: 44, g: 123, b: 47 };
    const { reads, last } = spritePass();
    const recoloured = reads.map((r): PhaseRead => (r.kind === 'value' ? { ...r, ink: GREEN_DIGITS } : r));
    const { events, state } = replayPhases(recoloured);
    expect(types(events)).toEqual(['flight', 'crash:crash-text', 'flight']);
    expect(events.at(-1)).toMatchObject({ type: 'flight', resumed: true });
    expect(state).toMatchObject({ phase: 'FLYING', flights: 1, lastValue: last });
  });

  it('a number refused past the sprite that ended a watched flight is no betting, though the countdown shares its look: the next read resumes the flight', () => {
    // pulse (2026-12-07): a comet read "a" in its orange ended a watched flight at 3.06, the green "3.18x" it still
    // touched was refused twice and passed for the countdown (green too), and the flight that went on from 3.24x
    // stopped the game as misread ("a flight's first number read was 3.24x").
    const GREEN = { r: 129, g: 235, b: 168 };
    const COMET = { r: 248, g: 157, b: 61 };
    const rate = 0.00019;
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [lookOf({ at: 0, ...text(GREEN) })], crashLooks: ['blank'], numberVanishes: true } };
    const passAt = Math.log(3.07) / rate;
    const reads: PhaseRead[] = [];
    for (let at = 0; at < passAt; at += POLL_MS) reads.push({ at, ...value(displayedCentsAt(at, rate) / 100, GREEN) });
    reads.push({ at: passAt, ...text(COMET) }, { at: passAt + 25, ...text(COMET) });
    reads.push({ at: passAt + 70, ...text(GREEN), number: 3.18 }, { at: passAt + 140, ...text(GREEN), number: 3.18 });
    let last = 0;
    for (let at = passAt + 240; at < passAt + 800; at += POLL_MS) reads.push({ at, ...value((last = displayedCentsAt(at, rate) / 100), GREEN) });
    const { events, state } = replayPhases(reads, config);
    expect(types(events)).toEqual(['flight', 'crash:crash-text', 'flight']);
    expect(events.at(-1)).toMatchObject({ type: 'flight', resumed: true });
    expect(state).toMatchObject({ phase: 'FLYING', flights: 1, lastValue: last });
  });

  it('crash words in the flight\'s ink followed by the crash value a step up is still the crash', () => {
    const reads = flight(0, 1.6, 0.0002).map((r) => ({ ...r, ink: MAGENTA }));
    const last = reads.at(-1)!;
    const lastValue = last.kind === 'value' ? last.value : 0;
    for (let i = 1; i <= 5; i++) reads.push({ at: last.at + i * POLL_MS, ...text(PLANE, { long: true }) });
    for (let i = 6; i <= 20; i++) reads.push({ at: last.at + i * POLL_MS, ...value(lastValue + 0.01, MAGENTA) });
    const { events, state } = replayPhases(reads);
    expect(types(events)).toEqual(['flight', 'crash:crash-text']);
    expect(state.phase).toBe('CRASHED');
  });

  it('adopts a colour the number keeps rising in (games that shade it as it grows)', () => {
    // Past 5x at this rate every read shows a new value, so a recoloured number that keeps rising is still flying.
    const reads = flight(0, 8, 0.0003).map((r) => (r.kind === 'value' && r.value > 5 ? { ...r, ink: RED } : r));
    const { events, state } = replayPhases(reads);
    expect(types(events)).toEqual(['flight']);
    expect(state.ink).toEqual(RED);
  });
});

describe('a flight that crashes on the rise that would confirm it', () => {
  // aviator's one button with JetX's one decimal and a red-only crash (2026-12-05): 1.0x, 1.1x, then 1.2x already red.
  // The red read confirmed the flight and became its look, so the crash never showed as a change; a click timed from
  // the crash frame went out after the crash and, on one button, queued a bet for the next round.
  const reads = (crashInk: Rgb): PhaseRead[] => {
    const out: PhaseRead[] = [];
    for (let at = 0; at < 500; at += 20) out.push({ at, kind: 'value', value: 1, decimals: 1, ink: WHITE });
    for (let at = 500; at < 900; at += 20) out.push({ at, kind: 'value', value: 1.1, decimals: 1, ink: WHITE });
    for (let at = 900; at < 2000; at += 20) out.push({ at, kind: 'value', value: 1.2, decimals: 1, ink: crashInk });
    return out;
  };
  const known: PhaseConfig = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['text:light:line'], crashLooks: [lookOf({ at: 0, kind: 'value', value: 1.2, ink: RED })] } };

  it('starts the flight in the look it rose in, and the red crash frame then ends it', () => {
    const betting: PhaseRead = { at: -500, ...text(WHITE, { long: true }) };
    let s = withBetOpen(replayPhases([betting], known).state, true);
    const events: PhaseEvent[] = [];
    for (const read of reads(RED)) {
      const step = stepPhase(s, read, known);
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['flight', 'crash:colour']);
    expect(events[0]).toMatchObject({ type: 'flight', value: 1.1 });
    expect(events[1]).toMatchObject({ type: 'crash', value: 1.2 });
    expect(s.phase).toBe('CRASHED');
  });

  it('watching, a number that turned red where it stood (1.0x, 1.1x, 1.1x red for 1.5 s, then the countdown) crashed in the red look', () => {
    // classic with Bustabit's betting, the rocket's red-only crash and JetX's one decimal (2026-12-05): the flight was
    // only seen at the countdown, which became its crash look, and learning refused "text:light vs value:hue0".
    const stream: PhaseRead[] = [];
    for (let at = -1500; at < 0; at += 20) stream.push({ at, ...text(WHITE, { long: true }) });
    for (let at = 0; at < 500; at += 20) stream.push({ at, kind: 'value', value: 1, decimals: 1, ink: WHITE });
    for (let at = 500; at < 700; at += 20) stream.push({ at, kind: 'value', value: 1.1, decimals: 1, ink: WHITE });
    for (let at = 700; at < 2200; at += 20) stream.push({ at, kind: 'value', value: 1.1, decimals: 1, ink: RED });
    for (let at = 2200; at < 2600; at += 20) stream.push({ at, ...text(WHITE, { long: true }) });
    const { events } = replayPhases(stream, DEFAULT_PHASE_CONFIG, { ...INITIAL_PHASE_STATE, phase: 'BETTING' });
    expect(types(events).slice(0, 2)).toEqual(['flight', 'crash:colour']);
    expect(events.find((e) => e.type === 'crash')).toMatchObject({ value: 1.1, reason: 'colour' });
  });

  it('with its first step unread (1.02, 1.04, then 1.05 already red, on 100 ms ticks), the red read still ends the flight it confirms', () => {
    // vapor, trimmed and ticked (2026-12-07): the lone 1 of 1.00 went unread, the run started at 1.02, so it did not
    // count as leaving 1.00x, and the flight was confirmed in the crash's own red.
    const crashLook = lookOf({ at: 0, kind: 'value', value: 1.05, decimals: 2, ink: RED });
    const config: PhaseConfig = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['text:light:line'], crashLooks: [crashLook] } };
    const stream: PhaseRead[] = [{ at: -500, ...text(WHITE, { long: true }) }];
    for (let at = 0; at < 100; at += 10) stream.push({ at, kind: 'value', value: 1.02, decimals: 2, ink: WHITE });
    for (let at = 100; at < 120; at += 10) stream.push({ at, kind: 'value', value: 1.04, decimals: 2, ink: WHITE });
    for (let at = 120; at < 1500; at += 10) stream.push({ at, kind: 'value', value: 1.05, decimals: 2, ink: RED });
    const { events, state } = replayPhases(stream, config, withBetOpen(INITIAL_PHASE_STATE, true));
    expect(types(events)).toEqual(['betting', 'flight', 'crash:colour']);
    expect(events.find((e) => e.type === 'crash')).toMatchObject({ value: 1.05 });
    expect(state.phase).toBe('CRASHED');
  });

  describe('a number whose decimal point joins a digit (orbit with letter-spacing -9px, 2026-12-07)', () => {
    // From 2.00x every frame read "200x", "202x"…, refused under the two-decimal lock; a comet crossing the readout
    // added a line, and white text with a line was learned as the crash (CRASHED over the white number).
    const rate = 0.00017;
    const shown = (at: number) => Math.floor(Math.exp(rate * at) * 100 + 1e-9);
    const crashLook = lookOf({ at: 0, kind: 'text', ink: WHITE, extraLines: 1 });
    const config: PhaseConfig = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['text:light:line'], crashLooks: [crashLook] } };
    const flight = (until: number): PhaseRead[] => {
      const reads: PhaseRead[] = [{ at: -500, ...text(WHITE, { long: true }) }];
      for (let at = 0, i = 0; at < until; at += 40, i++) {
        const cents = shown(at);
        if (cents < 196) reads.push({ at, kind: 'value', value: cents / 100, decimals: 2, ink: WHITE });
        // The comet crosses the digits: a line of its own, two reads in a row with the number hidden ("0", "22").
        else if (i % 8 < 2) reads.push({ at, kind: 'text', ink: WHITE, extraLines: 1, ...(i % 8 === 1 ? { digits: '22' } : {}) });
        else reads.push({ at, kind: 'text', ink: WHITE, digits: `${cents}x`, ...(i % 4 === 0 ? { extraLines: 1 } : {}) });
      }
      return reads;
    };

    it('with our bet in, the flight goes on while the digits rise, the comet crossing them or not', () => {
      const reads = flight(6000);
      const { events, state } = replayPhases(reads, config, withBetOpen(INITIAL_PHASE_STATE, true));
      expect(types(events)).toEqual(['betting', 'flight']);
      expect(state).toMatchObject({ phase: 'FLYING', lost: false });
      expect(state.pointLostTop).toBeGreaterThanOrEqual(shown(reads.at(-1)!.at - 80) / 100);
      expect(showsHiddenNumber(state, reads.at(-1)!)).toBe(true);
    });

    it('and the crash, holding its number under CRASHED, still ends it', () => {
      const reads = flight(6000);
      const last = reads.at(-1)!.at;
      for (let at = last + 40; at < last + 400; at += 40) reads.push({ at, kind: 'text', ink: WHITE, extraLines: 1, digits: `${shown(last)}x` });
      const { events, state } = replayPhases(reads, config, withBetOpen(INITIAL_PHASE_STATE, true));
      expect(types(events)).toEqual(['betting', 'flight', 'crash:crash-text']);
      expect(state.phase).toBe('CRASHED');
    });
  });

  it('a second rise in the look it rose in is still the flight', () => {
    const { events, state } = replayPhases([{ at: -500, ...text(WHITE, { long: true }) }, ...reads(WHITE)], known);
    expect(types(events)).toEqual(['betting', 'flight']);
    expect(state).toMatchObject({ phase: 'FLYING', lastValue: 1.2, ink: WHITE });
  });
});

describe('a number that only turns red at the crash, on a slow one-decimal game', () => {
  // bust with JetX's one decimal and Spaceman's red-only crash (2026-12-05): a 1.2x crash showed red for 1.5 s, less
  // than the two steps a new colour must outlast, and the next countdown ended the flight as crash text in its own look.
  const flightTo = (crash: number) => {
    const reads: PhaseRead[] = [{ at: 0, ...text(WHITE, { long: true }) }];
    for (let at = 500; Math.exp(0.0001 * (at - 500)) < crash; at += 20) reads.push({ at, kind: 'value', value: Math.floor(Math.exp(0.0001 * (at - 500)) * 10) / 10, decimals: 1, ink: WHITE });
    return reads;
  };
  const after = (from: number, value: number): PhaseRead[] => {
    const reads: PhaseRead[] = [];
    for (let at = from; at < from + 1500; at += 20) reads.push({ at, kind: 'value', value, decimals: 1, ink: RED });
    for (let at = from + 1500; at < from + 2000; at += 20) reads.push({ at, ...text(WHITE, { long: true }) });
    return reads;
  };

  it('watching, the red number held until the countdown is the crash, in the red look', () => {
    const reads = flightTo(1.25);
    const last = reads.at(-1)!;
    const { state, events } = replayPhases([...reads, ...after(last.at + 20, 1.2)]);
    const crash = events.find((e) => e.type === 'crash');
    // Dated when the red appeared, so the countdown that follows is the next round's, not a late look of this crash.
    expect(crash).toMatchObject({ reason: 'colour', value: 1.2, at: last.at + 20 });
    expect(state.crashLook).toBe(lookOf({ at: 0, ...value(1.2, RED) }));
  });

  it('with our bet open and the red learned as the crash, the red ends the flight at once', () => {
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [lookOf({ at: 0, ...text(WHITE, { long: true }) })], crashLooks: [lookOf({ at: 0, ...value(1.2, RED) })] } };
    const reads = flightTo(1.25);
    let s = withBetOpen(replayPhases(reads, config).state, true);
    const last = reads.at(-1)!;
    let crashedAt: number | null = null;
    for (const read of after(last.at + 20, 1.2)) {
      const step = stepPhase(s, read, config);
      s = step.state;
      if (crashedAt === null && step.events.some((e) => e.type === 'crash')) crashedAt = read.at;
    }
    expect(crashedAt).not.toBeNull();
    expect(crashedAt! - (last.at + 20)).toBeLessThan(100);
  });
});

describe('reads lost while our bet is open', () => {
  const betOpenAfter = (reads: readonly PhaseRead[], config: PhaseConfig = DEFAULT_PHASE_CONFIG): PhaseState => withBetOpen(replayPhases(reads, config).state, true);

  it('never calls a crash from missing reads: the round goes lost, and rising values regain it', () => {
    const reads = flight(0, 1.4);
    const state = betOpenAfter(reads);
    const last = reads.at(-1)!;
    let s = state;
    const events: PhaseEvent[] = [];
    for (let at = last.at + POLL_MS; at < last.at + 2000; at += POLL_MS) {
      const step = stepPhase(s, { at, kind: 'none' });
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['lost']);
    expect(s.phase).toBe('FLYING');
    const back = stepPhase(s, { at: last.at + 2020, kind: 'value', value: 1.52, ink: WHITE });
    expect(types(back.events)).toEqual(['regained']);
  });

  it('with our bet open on a game whose number vanishes, ink left in a learned crash look must hold like a blank', () => {
    const curve = { at: 0, ...text(RED), inkOnly: true } as const;
    const known = { bettingLooks: [lookOf({ at: 0, ...value(1) })], crashLooks: ['blank', lookOf(curve)] };
    const reads = flight(0, 2);
    const last = reads.at(-1)!.at;
    const step = (config: PhaseConfig, n: number) => {
      let s = betOpenAfter(reads, config);
      const events: PhaseEvent[] = [];
      for (let i = 1; i <= n; i++) {
        const next = stepPhase(s, { ...curve, at: last + i * POLL_MS }, config);
        s = next.state;
        events.push(...next.events);
      }
      return types(events);
    };
    const vanishing = { ...DEFAULT_PHASE_CONFIG, known: { ...known, numberVanishes: true } };
    // A red curve crossing the digits for two frames does not end our flight...
    expect(step(vanishing, 2)).toEqual([]);
    // ...but the curve alone where the number was, held, is the crash.
    expect(step(vanishing, Math.ceil(vanishing.missingMs / POLL_MS) + 2)).toEqual(['crash:disappeared']);
    // A game whose crash is shown in that look (not a vanishing number) ends the flight after two reads, as before.
    expect(step({ ...DEFAULT_PHASE_CONFIG, known }, 2)).toEqual(['crash:crash-text']);
  });

  it('with our bet open on a game whose crash is a blank region, a hidden number in the flight\'s ink flies on, then is lost, never a crash', () => {
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [lookOf({ at: 0, ...text(WHITE, { long: true }) })], crashLooks: ['blank'] } };
    const reads = flight(0, 2);
    let s = betOpenAfter(reads, config);
    const last = reads.at(-1)!.at;
    const events: PhaseEvent[] = [];
    const hiddenAt: boolean[] = [];
    for (let at = last + POLL_MS; at < last + config.unreadMs + 500; at += POLL_MS) {
      const read: PhaseRead = { at, ...text(WHITE) };
      const step = stepPhase(s, read, config);
      s = step.state;
      events.push(...step.events);
      hiddenAt.push(showsHiddenNumber(s, read));
      if (at < last + config.unreadMs) expect(s.lost, `at +${at - last} ms`).toBe(false);
    }
    // A rocket hovering over the digits: the flight goes on (a predicted click may still be made) until unreadMs.
    expect(hiddenAt.slice(0, 100).every(Boolean)).toBe(true);
    expect(types(events)).toEqual(['lost']);
    // A red read breaks the streak: it is no hidden flight number.
    const red = stepPhase(betOpenAfter(reads, config), { at: last + POLL_MS, ...text(RED) }, config);
    expect(showsHiddenNumber(red.state, { at: last + POLL_MS, ...text(RED) })).toBe(false);
    // The same reads as a blank region are the learned crash.
    let b = betOpenAfter(reads, config);
    const blanks: PhaseEvent[] = [];
    for (let at = last + POLL_MS; at < last + 1000; at += POLL_MS) {
      const step = stepPhase(b, { at, ...blank() }, config);
      b = step.state;
      blanks.push(...step.events);
    }
    expect(types(blanks)).toEqual(['crash:disappeared']);
  });

  it('another look while the number is on time (a curve passing for a second line) is a flicker; held past the next step, the round is lost', () => {
    const reads = flight(0, 1.5, 0.0002);
    const last = reads.at(-1)!;
    const shown = last.kind === 'value' ? last.value : 0;
    let s = betOpenAfter(reads);
    const events: PhaseEvent[] = [];
    const odd = [{ extraLines: 1 }, {}, { extraLines: 1 }, {}];
    odd.forEach((look, i) => {
      const step = stepPhase(s, { at: last.at + (i + 1) * 5, kind: 'value', value: shown, ink: WHITE, ...look });
      s = step.state;
      events.push(...step.events);
    });
    expect(types(events)).toEqual([]);
    // Two reads in a row in that look, the step not yet late (recorded on jet under CI load, which cashed out at 1.55
    // for a 3.22 target): still a flicker.
    const twice = stepPhase(stepPhase(s, { at: last.at + 25, kind: 'value', value: shown, ink: WHITE, extraLines: 1 }).state, { at: last.at + 30, kind: 'value', value: shown, ink: WHITE, extraLines: 1 });
    expect(types(twice.events)).toEqual([]);
    // Held while the next step (about 33 ms at this rate) is twice overdue, it is lost.
    const held = stepPhase(twice.state, { at: last.at + 80, kind: 'value', value: shown, ink: WHITE, extraLines: 1 });
    expect(types(held.events)).toEqual(['lost']);
  });

  it('a number drawn on server ticks holds each value a tick; a comet crossing it as a second line meanwhile is no crash', () => {
    // The stranger game `orbit` with tickMs=100 (test/fixtures/stranger-games): at 2.3x a cent takes 25 ms, so a value
    // held for its tick looked like a stopped number under a new line, and a watched rehearsal learned that as a crash
    // look, which then ended a live flight with our bet in it.
    const rate = 0.00017;
    const tickMs = 100;
    const cometFrom = Math.log(2.3) / rate;
    const reads: PhaseRead[] = [];
    for (let at = 0; at < Math.log(2.8) / rate; at += 10) {
      const shown = displayedCentsAt(Math.floor(at / tickMs) * tickMs, rate) / 100;
      const comet = at >= cometFrom && at < cometFrom + 150;
      reads.push({ at, kind: 'value', value: shown, decimals: 2, ink: WHITE, ...(comet ? { extraLines: 1 } : {}) });
    }
    expect(types(replayPhases(reads).events)).toEqual(['flight']);
    // Held past two ticks, the same look is the number stopped under a new line.
    const last = reads.at(-1)!;
    const held = [...reads];
    for (let i = 1; i <= 25; i++) held.push({ at: last.at + i * 10, kind: 'value', value: last.kind === 'value' ? last.value : 0, decimals: 2, ink: WHITE, extraLines: 1 });
    expect(types(replayPhases(held).events)).toEqual(['flight', 'crash:extra-line']);
  });

  it('without a bet, a number in the flight\'s ink that the reader refuses (a rocket crossing it) is given longer than a blank', () => {
    const reads = flight(0, 2);
    const last = reads.at(-1)!.at;
    const unread = [...reads];
    const blanks = [...reads];
    for (let at = last + POLL_MS; at < last + 1000; at += POLL_MS) {
      unread.push({ at, ...text(WHITE) });
      blanks.push({ at, ...blank() });
    }
    expect(types(replayPhases(blanks).events)).toEqual(['flight', 'crash:disappeared']);
    // A second of refused reads, then the number again, still rising: one flight.
    const after = flight(0, 2.3).filter((r) => r.at > last + 1000);
    expect(types(replayPhases([...unread, ...after]).events)).toEqual(['flight']);
  });

  it('under a label the flight always shows (CURRENT PAYOUT above the number), a refused number is no new line', () => {
    // The stranger game `vapor` with trim=1: each 1.1 (for 1.10) was refused until the decimals lock learned the trimmed
    // format, and with the label counted as a line of its own the refusal ended the watched flight as crash text.
    const labelled = (reads: PhaseRead[]): PhaseRead[] => reads.map((r) => ({ ...r, extraLines: 1 }));
    const reads = labelled(flight(0, 2));
    const last = reads.at(-1)!.at;
    const unread = [...reads];
    for (let at = last + POLL_MS; at < last + 120; at += POLL_MS) unread.push({ at, ...text(WHITE, { extraLines: 1 }) });
    const after = labelled(flight(0, 2.3).filter((r) => r.at > last + 120));
    expect(types(replayPhases([...unread, ...after]).events)).toEqual(['flight']);
    // A line more than the flight showed is still one.
    const crashText = [...reads];
    for (let at = last + POLL_MS; at < last + 120; at += POLL_MS) crashText.push({ at, ...text(WHITE, { extraLines: 2 }) });
    expect(types(replayPhases(crashText).events)).toEqual(['flight', 'crash:crash-text']);
  });

  it('lost on a stall (a frozen screen), the crash drawn a cent up in red is not the flight regained; the flight\'s own look rising is', () => {
    const reads = flight(0, 1.4, 0.0002);
    let s = betOpenAfter(reads);
    const last = reads.at(-1)!;
    const lastValue = last.kind === 'value' ? last.value : 0;
    const events: PhaseEvent[] = [];
    for (let at = last.at + POLL_MS; at < last.at + 1500; at += POLL_MS) {
      const step = stepPhase(s, { at, kind: 'value', value: lastValue, ink: WHITE });
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['lost']);
    const red = stepPhase(s, { at: last.at + 1500, kind: 'value', value: lastValue + 0.01, ink: RED, extraLines: 1 });
    expect(types(red.events)).toEqual([]);
    expect(red.state.lost).toBe(true);
    const own = stepPhase(s, { at: last.at + 1500, kind: 'value', value: lastValue + 0.01, ink: WHITE });
    expect(types(own.events)).toEqual(['regained']);
    expect(own.state.lost).toBe(false);
  });

  it('after a frozen screen the number shows what the flight grew to meanwhile: that is no jump, on a game learned as slow', () => {
    // aviator, single button (2026-12-05): a second's freeze at 3.2x, then 3.41 was refused as a jump (the bound counted
    // from the last frozen frame), the flight stayed lost, and the bet was cashed out protectively for a 3.76 target.
    const rate = 0.00006;
    const known = { bettingLooks: ['blank'], crashLooks: ['text:hue0'], maxRate: 2 * rate };
    const config: PhaseConfig = { ...DEFAULT_PHASE_CONFIG, known };
    const reads = flight(0, 3.2, rate);
    let s = betOpenAfter(reads, config);
    const last = reads.at(-1)!;
    const lastValue = last.kind === 'value' ? last.value : 0;
    const events: PhaseEvent[] = [];
    const thawAt = last.at + 1000;
    const thawed = flight(0, 10, rate).filter((r) => r.at > thawAt && r.at < thawAt + 200);
    const frozen: PhaseRead[] = [];
    for (let at = last.at + POLL_MS; at < thawAt; at += POLL_MS) frozen.push({ at, kind: 'value', value: lastValue, ink: WHITE });
    for (const read of [...frozen, ...thawed]) {
      const step = stepPhase(s, read, config);
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['lost', 'regained']);
    expect(s.lost).toBe(false);
    expect(s.lastValue).toBeGreaterThan(lastValue * 1.05);
    // The bound still refuses a misread far beyond what the flight could have grown to.
    const misread = stepPhase(s, { at: s.lastValueAt! + POLL_MS, kind: 'value', value: 7.41, ink: WHITE }, config);
    expect(misread.events).toMatchObject([{ type: 'rejected', reason: 'jump' }]);
  });

  it('a stall or an unknown look with our bet open is lost, not a crash', () => {
    const reads = flight(0, 2);
    let s = betOpenAfter(reads);
    const events: PhaseEvent[] = [];
    const last = reads.at(-1)!.at;
    for (let at = last + POLL_MS; at < last + 1500; at += POLL_MS) {
      const step = stepPhase(s, { at, kind: 'text', ink: RED, long: true });
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['lost']);
  });

  it('a rise in one odd look does not confirm a rise in another: the crash red after a sprite\'s stray line is still a crash', () => {
    // Rocket at 72 px (2026-12-04): at 1.76 the sprite passed for a second line; then the number hid behind it and came
    // back red at 2.07, the crash. Counting both as rises in "a new look" adopted the red as the flight's own look, and
    // the crash went unseen until the number stalled, 0.6 s later.
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['blank'], crashLooks: [lookOf({ at: 0, ...value(2, RED, 0) }), lookOf({ at: 0, ...text(RED) })] } };
    const reads = flight(0, 1.76, 0.0003);
    let s = betOpenAfter(reads, config);
    const last = reads.at(-1)!;
    const lastValue = last.kind === 'value' ? last.value : 0;
    const after: PhaseRead[] = [{ at: last.at + 16, kind: 'value', value: lastValue + 0.01, ink: WHITE, extraLines: 1 }];
    for (let at = last.at + 32; at < last.at + 500; at += 16) after.push({ at, ...text(WHITE) });
    after.push({ at: last.at + 520, kind: 'value', value: 2.07, ink: RED, extraLines: 1 }, { at: last.at + 550, kind: 'value', value: 2.07, ink: RED, extraLines: 1 });
    for (let at = last.at + 580; at < last.at + 700; at += 16) after.push({ at, ...text(RED) });
    const events: PhaseEvent[] = [];
    for (const read of after) {
      const step = stepPhase(s, read, config);
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['crash:crash-text']);
    expect(events.find((e) => e.type === 'crash')!.at).toBeLessThan(last.at + 600);
  });

  it('with our bet open, words in the flight\'s own ink are the number hidden, even in a look learned as a crash', () => {
    const plane = lookOf({ at: 0, ...text(PLANE, { long: true }) });
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['blank'], crashLooks: [plane] } };
    const { reads, passFrom } = spritePass();
    let s = betOpenAfter(reads.filter((r) => r.at < passFrom), config);
    const events: PhaseEvent[] = [];
    for (const read of reads.filter((r) => r.at >= passFrom)) {
      const step = stepPhase(s, read, config);
      s = step.state;
      events.push(...step.events);
      if (read.kind === 'text') expect(showsHiddenNumber(s, read)).toBe(true);
    }
    expect(types(events)).toEqual([]);
    expect(s.phase).toBe('FLYING');
  });

  it('with our bet open, a flight that crashes before its second rise (1.00, 1.01, then red crash text) is a crash, not the number hidden', () => {
    // The practice game's round 8 of the desktop e2e: the crash text took the flight's look, so it looked like the number hidden.
    const crashText = text(RED, { long: true });
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['blank'], crashLooks: [lookOf({ at: 0, ...crashText })] } };
    let s = withBetOpen(replayPhases([{ at: 0, ...blank() }, { at: 20, ...blank() }], config).state, true);
    expect(s.phase).toBe('BETTING');
    const events: PhaseEvent[] = [];
    const reads: PhaseRead[] = [{ at: 40, ...value(1) }, { at: 100, ...value(1.01) }, { at: 170, ...crashText }, { at: 200, ...crashText }, { at: 230, ...crashText }];
    for (const read of reads) {
      const step = stepPhase(s, read, config);
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['flight', 'crash:crash-text']);
  });

  it('a learned crash look still ends the flight with our bet open', () => {
    const crashLook = lookOf({ at: 0, ...text(RED, { long: true }) });
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['blank'], crashLooks: [crashLook] } };
    const reads = flight(0, 2);
    let s = betOpenAfter(reads, config);
    const last = reads.at(-1)!.at;
    const events: PhaseEvent[] = [];
    for (const at of [last + 16, last + 32]) {
      const step = stepPhase(s, { at, ...text(RED, { long: true }) }, config);
      s = step.state;
      events.push(...step.events);
    }
    expect(types(events)).toEqual(['crash:crash-text']);
  });

  it('with our bet open, words only the crash says end the flight even in its own ink ("CRASHED @ 1.20x" in the flight\'s red)', () => {
    // aviator with bust's countdown and classic's crash text, all red (2026-12-06): the crash text passed for the
    // number hidden, and the round ran on unseen until the next one started, 4 s later; its signal was missed.
    const redText = lookOf({ at: 0, ...text(RED, { long: true }) });
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [redText], crashLooks: [redText], crashWords: ['CRA'] } };
    const reads = flight(0, 1.2).map((r) => ({ ...r, ink: RED }));
    const last = reads.at(-1)!.at;
    const crashed = replayPhases([16, 32].map((d) => ({ at: last + d, ...text(RED, { long: true, words: 'CRA' }) })), config, betOpenAfter(reads, config));
    expect(types(crashed.events)).toEqual(['crash:crash-text']);
    // Other words in that ink are still the number hidden.
    const hidden = replayPhases([16, 32, 48].map((d) => ({ at: last + d, ...text(RED, { long: true, words: 'AGE' }) })), config, betOpenAfter(reads, config));
    expect(types(hidden.events)).toEqual([]);
    expect(hidden.state.phase).toBe('FLYING');
  });

  it('starts unknown and waits', () => {
    expect(stepPhase(INITIAL_PHASE_STATE, { at: 0, ...blank() }).state.phase).toBe('UNKNOWN');
  });
});

describe('instant crashes', () => {
  it('betting straight to a learned crash look is a round of its own (1.00x), never the next round’s flight', () => {
    const crashLook = lookOf({ at: 0, ...text(RED, { long: true }) });
    const config = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: ['blank'], crashLooks: [crashLook] } };
    const reads: PhaseRead[] = [
      ...[0, 16, 32].map((at) => ({ at, ...blank() })),
      ...[48, 64, 80].map((at) => ({ at, ...text(RED, { long: true }) })),
      ...[2000, 2016].map((at) => ({ at, ...blank() })),
      ...flight(3000, 1.3),
    ];
    expect(types(replayPhases(reads, config).events)).toEqual(['betting', 'flight', 'crash:crash-text', 'betting', 'flight']);
  });
  const redText = lookOf({ at: 0, ...text(RED, { long: true }) });
  const sameInk = { ...DEFAULT_PHASE_CONFIG, known: { bettingLooks: [redText], crashLooks: [redText], crashWords: ['CRA'] } };
  const countdown = (at: number) => ({ at, ...text(RED, { long: true, words: 'STA', betButton: 'changed' as const }) });
  const crashText = (at: number) => ({ at, ...text(RED, { long: true, words: 'CRA' }) });

  it('where the countdown and the crash text share one look, crash words after the countdown are an instant crash', () => {
    // jet with bust's countdown and classic's crash text, both red (2026-12-06): "Starting in 1", then "CRASHED @ 1.00x"
    // stayed betting, the next round's flight was taken for ours and its signal was missed.
    const reads: PhaseRead[] = [
      ...Array.from({ length: 100 }, (_, i) => countdown(i * 20)),
      ...Array.from({ length: 50 }, (_, i) => crashText(2000 + i * 20)),
      ...Array.from({ length: 50 }, (_, i) => countdown(3000 + i * 20)),
      ...flight(4000, 1.3).map((r) => ({ ...r, ink: RED })),
    ];
    expect(types(replayPhases(reads, sameInk).events)).toEqual(['betting', 'flight', 'crash:crash-text', 'betting', 'flight']);
  });

  it('crash text still showing as betting opens is neither betting nor, once betting shows, an instant crash', () => {
    // The Bet button turns a frame before the readout: crash words keep the crash on. Misread twice into betting, the
    // leftover crash text is no instant crash within CRASH_WORDS_AFTER_BETTING_MS.
    const crashed = replayPhases([0, 20, 40].map(crashText), sameInk).state;
    expect(crashed.phase).toBe('CRASHED');
    const leftover = replayPhases([60, 80, 100].map((at) => ({ ...crashText(at), betButton: 'changed' as const })), sameInk, crashed);
    expect(leftover.state.phase).toBe('CRASHED');
    const misread = (at: number) => ({ at, ...text(RED, { long: true, words: 'GRA', betButton: 'changed' as const }) });
    const opened = replayPhases([misread(120), misread(140), ...[160, 180, 200, 220].map(crashText)], sameInk, leftover.state);
    expect(types(opened.events)).toEqual(['betting']);
    expect(opened.state.phase).toBe('BETTING');
  });
});

describe('one decimal on a learned game: the first step up from 1.0x', () => {
  // The stranger game `ember` (2026-12-07): the last crash stands dimmed while bets are taken, then the flight's gold
  // 1.0x, 1.1x, 1.2x. Confirmed at its second rise, the flight was seen only at 1.2x, and a 1.15x target paid 1.21.
  const GOLD: Rgb = { r: 250, g: 206, b: 98 };
  const DIM: Rgb = { r: 119, g: 104, b: 87 };
  const at1 = (v: number, ink: Rgb, at: number): PhaseRead => ({ at, kind: 'value', value: v, decimals: 1, ink });
  const reads = (before: (at: number) => PhaseRead | null): PhaseRead[] => {
    const out: PhaseRead[] = [];
    for (let at = 0; at < 1500; at += 20) {
      const read = before(at);
      if (read) out.push(read);
    }
    for (let at = 1500; at < 1900; at += 20) out.push(at1(1, GOLD, at));
    for (let at = 1900; at < 2300; at += 20) out.push(at1(1.1, GOLD, at));
    for (let at = 2300; at < 2600; at += 20) out.push(at1(1.2, GOLD, at));
    return out;
  };
  const learned = (bettingLooks: readonly Rgb[]): PhaseConfig => ({
    ...DEFAULT_PHASE_CONFIG,
    known: { bettingLooks: bettingLooks.map((ink) => lookOf(at1(1, ink, 0))), crashLooks: [lookOf(at1(1, RED, 0))] },
  });
  const flightAt = (stream: PhaseRead[], config: PhaseConfig) => {
    const { events } = replayPhases(stream, config, { ...INITIAL_PHASE_STATE, phase: 'BETTING' });
    return events.find((e) => e.type === 'flight');
  };

  it('is the flight when its 1.0x took over from the dimmed last crash, though that gold was seen while betting', () => {
    const stream = reads((at) => at1(2.3, DIM, at));
    expect(flightAt(stream, learned([DIM, GOLD]))).toMatchObject({ value: 1.1 });
    // Not learned yet: the second rise, as before.
    expect(flightAt(stream, DEFAULT_PHASE_CONFIG)).toMatchObject({ value: 1.2 });
  });

  it('waits for the second rise after a 1.0x frozen through betting in the flight\'s own look, or a step in another look', () => {
    // A blank, then 1.0x in gold for the whole countdown: the gold took over from nothing.
    expect(flightAt(reads((at) => (at < 500 ? { at, kind: 'none' } : at1(1, GOLD, at))), learned([GOLD]))).toMatchObject({ value: 1.2 });
    // The dimmed last crash misread as 1.0x, then read 1.1x: a step in the betting look is not the flight.
    const misread = [at1(1, DIM, 0), ...Array.from({ length: 20 }, (_, i) => at1(1.1, DIM, 20 + 20 * i))];
    expect(flightAt(misread, learned([DIM, GOLD]))).toBeUndefined();
  });
});
