// Runs in: engine. The display lag each game profile has learned, kept across sessions: it is a property of the
// machine and the game, so a new session starts calibrated instead of relearning from late clicks.
import { z } from 'zod';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import { DEFAULT_LAG_OPTIONS, DisplayLagEstimator } from '../../core/crash';

const LearnedBrackets = z.array(z.object({ loMs: z.number().finite(), hiMs: z.number().finite() })).max(DEFAULT_LAG_OPTIONS.memory);

const key = (profile: string) => `autopilot.displayLag.${profile}`;

export class DisplayLagStore {
  constructor(private readonly repo: Pick<SettingsRepo, 'get' | 'set'>) {}

  /** A stored value that does not parse (hand-edited, older format) starts the profile afresh. */
  load(profile: string): DisplayLagEstimator {
    return new DisplayLagEstimator(DEFAULT_LAG_OPTIONS, this.repo.get(key(profile), LearnedBrackets, []));
  }

  save(profile: string, lag: DisplayLagEstimator): void {
    this.repo.set(key(profile), lag.learned());
  }
}
