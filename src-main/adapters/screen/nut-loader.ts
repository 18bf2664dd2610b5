// Runs in: engine. The only way to nut-js: it is imported after a display probe, never at module load.
import type * as NutJs from '@nut-tree-fork/nut-js';
import { CallFailure } from '../../../src-shared/contract';
import { NO_DISPLAY_MESSAGE, probeDisplay, type DisplayProbe } from './display-probe';

export type NutModule = typeof NutJs;
export type NutLoader = () => Promise<NutModule>;

/** Answers every screen call on a machine without a display; the detail goes to the log, the UI gets the message. */
export class NoDisplayError extends CallFailure {
  constructor(readonly detail: string) {
    super('UNAVAILABLE', NO_DISPLAY_MESSAGE);
  }
}

/**
 * A loader that probes until a display is found, then imports nut-js once and keeps it. Without a display every call
 * probes again (a socket connect, about a millisecond), so a display that appears later, e.g. Xvfb started after the
 * cockpit, is picked up.
 */
export function createNutLoader(probe: () => Promise<DisplayProbe> = () => probeDisplay(), load: () => Promise<NutModule> = () => import('@nut-tree-fork/nut-js')): NutLoader {
  let nut: Promise<NutModule> | null = null;
  return async () => {
    if (nut) return nut;
    const found = await probe();
    if (!found.available) throw new NoDisplayError(found.detail);
    nut ??= load();
    return nut;
  };
}

/** The process-wide loader the adapters share. */
export const loadNut: NutLoader = createNutLoader();
