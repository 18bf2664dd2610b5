import { describe, expect, it } from 'vitest';
import { displayedCentsAt } from '../../../src-shared/crash/growth';
import { DEFAULT_PHASE_CONFIG, replayPhases, type PhaseEvent, type PhaseRead } from './round-phase';

const RATE = 0.00006;
const POLL_MS = 20;

function blank(from: number, to: number): PhaseRead[] {
  const reads: PhaseRead[] = [];
  for (let at = from; at < to; at += POLL_MS) reads.push({ at, kind: 'none' });
  return reads;
}

/** Reads of one flight from `start` until the display reaches `crash`; the crash itself is up to the caller. */
function flight(start: number, crash: number, rate = RATE): PhaseRead[] {
  const reads: PhaseRead[] = [];
  const end = start + Math.log(crash) / rate;
  for (let at = start; at < end; at += POLL_MS) reads.push({ at, kind: 'value', value: displayedCentsAt(at - start, rate) / 100 });
  return reads;
}

function crashText(from: number, to: number, value: number): PhaseRead[] {
  const reads: PhaseRead[] = [];
  for (let at = from; at < to; at += POLL_MS) reads.push({ at, kind: 'crash', value });
  return reads;
}

const types = (events: readonly PhaseEvent[]) => events.filter((e) => e.type !== 'rejected').map((e) => (e.type === 'crash' ? `crash:${e.reason}:${e.value}` : e.type));

describe('round phase observer', () => {
  it('follows betting → flight → crash text → betting, round after round', () => {
    const t1 = 5000;
    const end1 = t1 + Math.log(1.5) / RATE;
    const t2 = end1 + 3000;
    const reads = [...blank(0, t1), ...flight(t1, 1.5), ...crashText(end1, end1 + 1000, 1.5), ...blank(end1 + 1000, t2), ...flight(t2, 1.2)];
    const { state, events } = replayPhases(reads);
    expect(types(events)).toEqual(['betting', 'flight', 'crash:crash-text:1.5', 'betting', 'flight']);
    expect(state.phase).toBe('FLYING');
    expect(state.flights).toBe(2);
  });

  it('treats betting straight to crash text as an instant 1.00x round', () => {
    const reads = [...blank(0, 1000), ...crashText(1000, 1500, 1), ...blank(1500, 2000)];
    const { events } = replayPhases(reads);
    expect(types(events)).toEqual(['betting', 'flight', 'crash:crash-text:1', 'betting']);
  });

  it('survives single blank reads but calls a crash when the read disappears', () => {
    const reads = flight(0, 1.3);
    reads.splice(40, 1, { at: reads[40]!.at, kind: 'none' });
    const last = reads.at(-1)!.at;
    const { events, state } = replayPhases([...reads, ...blank(last + POLL_MS, last + 600)]);
    expect(types(events)).toEqual(['flight', 'crash:disappeared:1.29', 'betting']);
    const crash = events.find((e) => e.type === 'crash')!;
    expect(crash.at).toBe(last + POLL_MS);
    expect(state.phase).toBe('BETTING');
  });

  it('calls a crash when the value freezes for longer than the slowest plausible curve', () => {
    const reads = flight(0, 2);
    const frozenFrom = reads.at(-1)!.at;
    for (let at = frozenFrom + POLL_MS; at < frozenFrom + 1000; at += POLL_MS) reads.push({ at, kind: 'value', value: 1.99 });
    const { events } = replayPhases(reads);
    expect(types(events)).toEqual(['flight', 'crash:stalled:1.99']);
    // 1.99 → 2.00 takes ≤ 168 ms at half bustabit's rate, plus slack: detected within ~300 ms.
    const crash = events.find((e) => e.type === 'crash')!;
    expect(crash.at - frozenFrom).toBeLessThan(300);
    expect(crash.at - frozenFrom).toBeGreaterThan(150);
  });

  it('does not call a stall at 1.00x while the slow start is still legitimately on 1.00', () => {
    const { events, state } = replayPhases(flight(0, 1.05));
    expect(types(events)).toEqual(['flight']);
    expect(state.phase).toBe('FLYING');
  });

  it('rejects misreads that go backwards or jump, keeping the flight', () => {
    const reads = flight(0, 1.5);
    reads.splice(100, 1, { at: reads[100]!.at, kind: 'value', value: 1.03 }); // dropped digit
    reads.splice(200, 1, { at: reads[200]!.at, kind: 'value', value: 127 }); // lost decimal point
    const { events, state } = replayPhases(reads);
    expect(events.filter((e) => e.type === 'rejected').map((e) => e.type === 'rejected' && e.reason)).toEqual(['backwards', 'jump']);
    expect(state.phase).toBe('FLYING');
    expect(state.lastValue).toBe(1.49);
  });

  it('sees a new round when values restart lower without a visible crash', () => {
    const first = flight(0, 1.8);
    const restartAt = first.at(-1)!.at + POLL_MS;
    const { events, state } = replayPhases([...first, ...flight(restartAt, 1.1)]);
    expect(types(events)).toEqual(['flight', 'crash:restarted:1.79', 'flight']);
    expect(state.flights).toBe(2);
  });

  it('resumes the flight when a stalled display starts rising again', () => {
    const reads = flight(0, 1.5);
    const frozenFrom = reads.at(-1)!.at;
    for (let at = frozenFrom + POLL_MS; at < frozenFrom + 600; at += POLL_MS) reads.push({ at, kind: 'value', value: 1.49 });
    reads.push({ at: frozenFrom + 620, kind: 'value', value: 1.5 });
    const { events, state } = replayPhases(reads);
    expect(types(events)).toEqual(['flight', 'crash:stalled:1.49', 'flight']);
    expect(events.at(-1)).toMatchObject({ type: 'flight', resumed: true });
    expect(state.flights).toBe(1);
  });

  it('uses a tighter stall limit when told the fitted rate', () => {
    const fast = 0.0003;
    const reads = flight(0, 3, fast);
    const frozenFrom = reads.at(-1)!.at;
    for (let at = frozenFrom + POLL_MS; at < frozenFrom + 400; at += POLL_MS) reads.push({ at, kind: 'value', value: 2.99 });
    const { events } = replayPhases(reads, { ...DEFAULT_PHASE_CONFIG, minRate: fast / 2, slackMs: 50 });
    const crash = events.find((e) => e.type === 'crash')!;
    expect(crash.at - frozenFrom).toBeLessThan(120);
  });
});
