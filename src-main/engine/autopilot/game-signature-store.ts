// Runs in: engine. What the autopilot learned about each game (how betting and crashes look, decimals, growth),
// kept per profile so a second session starts ready instead of watching again.
import { z } from 'zod';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import type { GameSignature } from '../../core/crash';

const StoredSignature = z.object({
  version: z.literal(1),
  bettingLooks: z.array(z.string().max(64)).max(64),
  crashLooks: z.array(z.string().max(64)).max(64),
  decimals: z.number().int().min(0).max(2).nullable(),
  trailingZeros: z.enum(['shown', 'dropped']).optional(),
  rate: z.object({ min: z.number().positive().finite(), max: z.number().positive().finite() }).nullable(),
  rounds: z.number().int().nonnegative(),
  numberVanishes: z.boolean().optional(),
  crashWords: z.array(z.string().max(8)).max(32).optional(),
});

const key = (profile: string) => `autopilot.signature.${profile}`;

export class GameSignatureStore {
  constructor(private readonly repo: Pick<SettingsRepo, 'get' | 'set'>) {}

  /** A stored value that does not parse (hand-edited, older format) means the game is learned again. */
  load(profile: string): GameSignature | null {
    return this.repo.get(key(profile), StoredSignature.nullable(), null);
  }

  save(profile: string, signature: GameSignature): void {
    this.repo.set(key(profile), signature);
  }

  forget(profile: string): void {
    this.repo.set(key(profile), null);
  }
}
