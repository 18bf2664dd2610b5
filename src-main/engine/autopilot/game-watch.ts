// Runs in: engine. Watches a game's rounds and says whether it may be bet on: learned (two whole rounds that agree),
// and still looking as learned. Used by the autopilot while it plays and by `cockpit learn` / Rehearse.
import { knownLooks, learnedFrom, mismatchOf, SignatureLearner, verdictOf, type GameSignature, type KnownLooks, type Verdict, type WatchedRound } from '../../core/crash';
import type { GameSignatureStore } from './game-signature-store';
import type { Observation } from './round-observer';

export interface Rehearsal {
  readonly rounds: readonly WatchedRound[];
  readonly verdict: Verdict;
  readonly signature: GameSignature | null;
}

/** Whole rounds in a row that must match again before a mismatch is forgiven. */
const MATCHES_TO_RECOVER = 2;
/** Whole rounds in a row that must mismatch before betting stops. */
const MISMATCHES_TO_STOP = 2;

export class GameWatch {
  private readonly learner = new SignatureLearner();
  private signature: GameSignature | null = null;
  private mismatch: string | null = null;
  private matchesSinceMismatch = 0;
  private mismatchesInRow = 0;

  constructor(
    private readonly deps: {
      store: GameSignatureStore;
      profile: string;
      /** `rehearse` learns afresh (what an earlier session learned is replaced once the new rounds agree); `play` reuses it. */
      mode: 'play' | 'rehearse';
      onChange?: (why: string | null) => void;
    },
  ) {}

  /** Loads what an earlier session learned. */
  start(): this {
    this.signature = this.deps.mode === 'play' ? this.deps.store.load(this.deps.profile) : null;
    return this;
  }

  known(): KnownLooks | null {
    return knownLooks(this.signature);
  }

  observe(o: Observation): WatchedRound | null {
    const round = this.learner.observe(o.phaseRead, o.state, o.events);
    if (!round || !round.whole) return round;
    if (!this.signature) {
      const { signature } = verdictOf(this.learner.rounds());
      if (signature) {
        this.signature = signature;
        this.deps.store.save(this.deps.profile, signature);
        this.deps.onChange?.(null);
      }
      return round;
    }
    const mismatch = mismatchOf(this.signature, round);
    if (mismatch) {
      this.matchesSinceMismatch = 0;
      // One odd round (a misread crash, a dropped frame) is noise; two in a row mean the game or the window changed.
      if (++this.mismatchesInRow >= MISMATCHES_TO_STOP && !this.mismatch) {
        this.mismatch = mismatch;
        this.deps.onChange?.(this.readiness());
      }
      return round;
    }
    this.mismatchesInRow = 0;
    const learned = learnedFrom(this.signature, round);
    if (learned !== this.signature) {
      this.signature = learned;
      this.deps.store.save(this.deps.profile, learned);
    }
    if (this.mismatch && ++this.matchesSinceMismatch >= MATCHES_TO_RECOVER) {
      this.mismatch = null;
      this.deps.onChange?.(null);
    }
    return round;
  }

  /** Why no bet may be placed now, or null. */
  readiness(): string | null {
    if (!this.signature) {
      const { verdict } = verdictOf(this.learner.rounds());
      return verdict.ready ? null : verdict.why;
    }
    return this.mismatch ? `the game no longer looks as learned: ${this.mismatch}; rehearse it again` : null;
  }

  rehearsal(): Rehearsal {
    const rounds = this.learner.rounds();
    const { verdict, signature } = verdictOf(rounds);
    return { rounds, verdict, signature };
  }
}
