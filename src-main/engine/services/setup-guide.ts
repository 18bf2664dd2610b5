// Runs in: engine. The `system.getSetupGuide` / `dismissSetupGuide` calls: the guide is derived on every call from
// what the data folder holds, and only its dismissal is stored.
import { z } from 'zod';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import { buildSetupGuide, type SetupFacts } from '../../core/first-run/setup-guide';
import type { SystemHandlers } from './system-service';

const DISMISSED_KEY = 'ui.setupGuide.dismissed';

export type SetupGuideHandlers = Pick<SystemHandlers, 'getSetupGuide' | 'dismissSetupGuide'>;

export function setupGuideHandlers(facts: { facts(): SetupFacts }, settings: SettingsRepo): SetupGuideHandlers {
  const guide = () => buildSetupGuide(facts.facts(), settings.get(DISMISSED_KEY, z.boolean(), false));
  return {
    getSetupGuide: guide,
    dismissSetupGuide: () => {
      settings.set(DISMISSED_KEY, true);
      return guide();
    },
  };
}
