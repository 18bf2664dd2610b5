// Runs in: Electron main. Re-checks the active profile whenever displays change; a live run whose regions moved goes back to dry run.
import { screen } from 'electron';
import { profileLayoutProblem } from '../core/display/profile-layout';
import type { Logger } from '../core/logging/logger';
import type { Engine } from '../engine/engine';
import { toDisplayInfo } from './overlay-windows';

export function watchDisplays(engine: Engine, log: Logger): () => void {
  const check = () => {
    const name = engine.settings.get().activeProfile;
    const profile = name ? engine.profiles.get(name) : undefined;
    if (!profile) return;
    const problem = profileLayoutProblem(profile, screen.getAllDisplays().map(toDisplayInfo));
    if (!problem) return;
    const live = engine.status().mode === 'live';
    log.warn(`profile "${profile.name}" no longer fits the displays: ${problem}`, { live });
    // Clicking by stale coordinates with real money is the failure this prevents; the tray and UI only ever make things safer.
    if (live) engine.safety.setMode('dry-run', `display change: ${problem}`);
    engine.bus.emit('toast', { level: 'warn', message: `Display change: ${problem}.${live ? ' Returned to dry run.' : ''} Recalibrate "${profile.name}" before going live.` });
  };
  const events = ['display-metrics-changed', 'display-added', 'display-removed'] as const;
  for (const e of events) screen.on(e as 'display-added', check);
  return () => events.forEach((e) => screen.off(e as 'display-added', check));
}
