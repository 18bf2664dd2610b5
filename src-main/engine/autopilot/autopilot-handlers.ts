// Runs in: engine.
import { CallFailure, type CockpitHandlers } from '../../../src-shared/contract';
import type { ProfilesRepo } from '../../adapters/store/profiles-repo';
import type { SettingsService } from '../services/settings-service';
import type { AutopilotService } from './autopilot-service';

export function autopilotHandlers(autopilot: AutopilotService, profiles: ProfilesRepo, settings: SettingsService): CockpitHandlers['autopilot'] {
  return {
    getState: () => autopilot.state(),
    start: async ({ profile }) => {
      const name = profile ?? settings.stored().activeProfile;
      if (!name) throw new CallFailure('BAD_INPUT', 'No game profile chosen: calibrate one, or pick the active profile in Settings.');
      const found = profiles.get(name);
      if (!found) throw new CallFailure('NOT_FOUND', `No profile named "${name}".`);
      return autopilot.start({ profile: found });
    },
    stop: () => autopilot.stop(),
    rehearse: ({ profile, rounds }) => {
      const found = profiles.get(profile);
      if (!found) throw new CallFailure('NOT_FOUND', `No profile named "${profile}".`);
      return autopilot.startRehearsal(found, rounds);
    },
    getRehearsal: () => autopilot.lastRehearsal,
    listSignals: ({ limit }) => autopilot.signals.recent(limit),
    listExecutions: ({ limit }) => autopilot.executions.recent(limit),
    getPnl: () => autopilot.pnl(),
    roundHistory: ({ limit }) =>
      autopilot.executions
        .recent(limit * 2)
        .flatMap((e) => (e.maxSeen !== null && e.status !== 'SKIPPED' && e.status !== 'REJECTED' ? [e.maxSeen] : []))
        .slice(0, limit),
  };
}
