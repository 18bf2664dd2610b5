// Runs in: renderer. The live round outside React: samples arrive up to ~50/s and the chart draws them directly.
import type { Execution, RoundEnded, RoundSample } from '../../../src-shared/contract';

/** Enough for a long round at 50 samples/s; older samples are thinned, never the newest. */
export const MAX_ROUND_SAMPLES = 4000;

export interface RoundSnapshot {
  roundId: string | null;
  /** Seconds since the round's first sample, strictly increasing. */
  points: Array<{ x: number; m: number }>;
  target: number | null;
  cashout: { x: number; m: number } | null;
  crashPoint: number | null;
  ended: boolean;
  /** Bumped when the round changes, so a reader knows to redraw from scratch. */
  generation: number;
}

type Listener = () => void;

function createRoundFeed() {
  let firstT = 0;
  const snap: RoundSnapshot = { roundId: null, points: [], target: null, cashout: null, crashPoint: null, ended: false, generation: 0 };
  const listeners = new Set<Listener>();
  const notify = () => {
    for (const l of listeners) l();
  };

  const startRound = (roundId: string, t: number) => {
    snap.roundId = roundId;
    snap.points = [];
    snap.cashout = null;
    snap.crashPoint = null;
    snap.ended = false;
    snap.target = null;
    snap.generation++;
    firstT = t;
  };

  const markCashout = (m: number) => {
    const hit = snap.points.find((p) => p.m >= m) ?? snap.points.at(-1);
    snap.cashout = { x: hit?.x ?? 0, m };
  };

  return {
    snapshot: (): Readonly<RoundSnapshot> => snap,
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sample(s: RoundSample) {
      if (s.roundId !== snap.roundId) startRound(s.roundId, s.t);
      else if (snap.ended) return; // a late sample must not redraw a finished round
      // t is epoch or round-relative ms; either way the offset from the first sample is what we plot.
      const x = Math.round(s.t - firstT) / 1000;
      const last = snap.points.at(-1);
      if (last && x <= last.x) return;
      if (snap.points.length >= MAX_ROUND_SAMPLES) snap.points = snap.points.filter((_, i) => i % 2 === 0);
      snap.points.push({ x, m: s.m });
      notify();
    },
    execution(e: Execution) {
      if (e.roundId !== snap.roundId) return;
      snap.target = e.bet ? e.target : null;
      if (e.status === 'CASHOUT_EXECUTED' && e.cashoutAt !== null) markCashout(e.cashoutAt);
      notify();
    },
    ended(r: RoundEnded) {
      if (r.roundId !== snap.roundId) {
        // A skipped signal ends without a flight: keep showing the last round that was actually watched.
        if (r.crashPoint === null && r.cashoutAt === null) return;
        startRound(r.roundId, 0);
      }
      snap.ended = true;
      snap.crashPoint = r.crashPoint;
      if (r.target !== null) snap.target = r.target;
      if (r.cashoutAt !== null) markCashout(r.cashoutAt);
      notify();
    },
  };
}

export const roundFeed = createRoundFeed();
export type RoundFeed = ReturnType<typeof createRoundFeed>;
export { createRoundFeed };
