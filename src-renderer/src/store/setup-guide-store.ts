// Runs in: renderer. The first-run guide as the engine derives it: read on connect, and again after anything that
// may have done a step (throttled, since signals can arrive many times a second).
import { create } from 'zustand';
import type { EventName, SetupGuide } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { call, useAppStore } from './app-store';
import { useProfilesStore } from './profiles-store';

const PROGRESS_EVENTS: readonly EventName[] = ['execution.updated', 'signal.recorded', 'markets.changed', 'backtest.progress', 'settings.changed'];
const REFRESH_MS = 500;

export const useSetupGuideStore = create<{ guide: SetupGuide | null }>(() => ({ guide: null }));

/** Shown until every step is done or it is dismissed. */
export const guideShown = (guide: SetupGuide | null): guide is SetupGuide => guide !== null && !guide.dismissed && guide.steps.some((s) => !s.done);

/** Nothing set up at all: the guide stands in for the landing view's empty panels. */
export const cockpitIsEmpty = (guide: SetupGuide | null): boolean => guideShown(guide) && guide.steps.every((s) => !s.done);

export async function refreshSetupGuide(transport: CockpitTransport): Promise<void> {
  const guide = await call(transport.calls.system.getSetupGuide());
  if (guide) useSetupGuideStore.setState({ guide });
}

export async function dismissSetupGuide(transport: CockpitTransport): Promise<void> {
  const guide = await call(transport.calls.system.dismissSetupGuide());
  if (guide) useSetupGuideStore.setState({ guide });
}

export function connectSetupGuide(transport: CockpitTransport): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (timer || !guideShown(useSetupGuideStore.getState().guide)) return;
    timer = setTimeout(() => ((timer = undefined), void refreshSetupGuide(transport)), REFRESH_MS);
  };
  const offs = [
    transport.onConnection((state) => state === 'connected' && void refreshSetupGuide(transport)),
    ...PROGRESS_EVENTS.map((name) => transport.on(name, soon)),
    // Saved profiles have no event of their own; the profiles store hears of them.
    useProfilesStore.subscribe(soon),
    useAppStore.subscribe((s, prev) => s.view !== prev.view && soon()),
  ];
  return () => {
    clearTimeout(timer);
    for (const off of offs) off();
  };
}
