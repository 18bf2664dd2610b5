// Runs in: engine.
import type { z } from 'zod';
import { CallFailure, type CockpitHandlers } from '../../../src-shared/contract';
import { GameProfile, profileProblems } from '../../../src-shared/game-profile';
import type { ProfilesRepo } from '../../adapters/store/profiles-repo';
import { describeIssues } from '../dispatcher';
import type { Desktop } from './desktop';

/** Parses an exported profile file; the message names what is wrong so users can fix a hand-edited file. */
export function parseProfileJson(json: string): GameProfile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new CallFailure('BAD_INPUT', 'The profile file is not valid JSON.');
  }
  const parsed = GameProfile.safeParse(data);
  if (!parsed.success) throw new CallFailure('BAD_INPUT', `Not a game profile v1: ${describeIssues(parsed.error as z.ZodError)}`);
  return parsed.data;
}

export function profileHandlers(repo: ProfilesRepo, desktop: Desktop): CockpitHandlers['profiles'] {
  const checkedSave = async (profile: GameProfile) => {
    const displays = await desktop.displays().catch(() => []);
    const problems = profileProblems(profile, displays);
    if (problems.length > 0) throw new CallFailure('BAD_INPUT', problems.join(' '));
    return repo.save(profile);
  };
  return {
    list: () => repo.list(),
    save: (profile) => checkedSave(profile),
    remove: ({ name }) => {
      if (!repo.remove(name)) throw new CallFailure('NOT_FOUND', `No profile named "${name}".`);
    },
    importJson: ({ json }) => checkedSave(parseProfileJson(json)),
    exportJson: ({ name }) => {
      const profile = repo.get(name);
      if (!profile) throw new CallFailure('NOT_FOUND', `No profile named "${name}".`);
      return { json: JSON.stringify(profile, null, 2) };
    },
  };
}
