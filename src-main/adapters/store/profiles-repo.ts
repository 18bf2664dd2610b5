// Runs in: engine.
import { GameProfile } from '../../../src-shared/game-profile';
import type { Db } from './database';

/** Game profiles as validated JSON; a row that no longer parses is skipped, never half-used. */
export class ProfilesRepo {
  constructor(private readonly db: Db) {}

  list(): GameProfile[] {
    return this.db
      .prepare<[], { profile: string }>('SELECT profile FROM game_profiles ORDER BY name')
      .all()
      .flatMap((r) => {
        const parsed = GameProfile.safeParse(JSON.parse(r.profile));
        return parsed.success ? [parsed.data] : [];
      });
  }

  get(name: string): GameProfile | undefined {
    const row = this.db.prepare<[string], { profile: string }>('SELECT profile FROM game_profiles WHERE name = ?').get(name);
    if (!row) return undefined;
    const parsed = GameProfile.safeParse(JSON.parse(row.profile));
    return parsed.success ? parsed.data : undefined;
  }

  save(profile: GameProfile, at = Date.now()): GameProfile {
    this.db
      .prepare(
        'INSERT INTO game_profiles (name, profile, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at',
      )
      .run(profile.name, JSON.stringify(profile), at, at);
    return profile;
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM game_profiles WHERE name = ?').run(name).changes > 0;
  }
}
