// Runs in: engine. A Desktop whose screen is a simulated crash game (core/demo/crash-screen.ts): the demo's autopilot
// runs its real read loop, phase model and executor on it, so the events the UI gets are the real ones. Nothing is
// ever clicked: the mouse does nothing and reports that it moved nothing, so live mode can never pass its probe.
import type { DisplayInfo } from '../../../src-shared/contract/services/autopilot';
import type { GameProfile } from '../../../src-shared/game-profile';
import type { RegionReader } from '../../core/autopilot/ports';
import { screenText, type CrashScreen } from '../../core/demo/crash-screen';
import type { Desktop } from '../autopilot/desktop';

export const SIMULATED_DISPLAY: DisplayInfo = { id: 'simulated', bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1, primary: true };

/** The profile of the simulated game: where its multiplier, Bet and Cash out are on the simulated display. */
export const SIMULATED_PROFILE: GameProfile = {
  version: 1,
  name: 'Demo crash game (simulated)',
  display: { id: SIMULATED_DISPLAY.id, scaleFactor: 1 },
  regions: { multiplier: { x: 440, y: 280, width: 400, height: 120 } },
  points: { bet: { x: 640, y: 560 }, cashout: { x: 640, y: 640 } },
};

export interface SimulatedDesktopOptions {
  /** One read per display frame, as a real capture would pace itself. */
  frameMs?: number;
  now?: () => number;
}

export function simulatedDesktop(screen: CrashScreen, { frameMs = 16, now = Date.now }: SimulatedDesktopOptions = {}): Desktop {
  const reader: RegionReader = {
    read: async () => {
      await new Promise((resolve) => setTimeout(resolve, frameMs));
      const at = now();
      const shows = screen.at(at);
      return {
        at,
        text: screenText(shows),
        value: shows.phase === 'FLYING' ? shows.cents / 100 : null,
        ms: 0,
        path: 'glyph',
        ...(shows.phase === 'CRASHED' ? { otherText: true } : {}),
      };
    },
  };
  return {
    mouse: {
      click: async () => {},
      probeMove: async () => ({ moved: false }),
      typeInto: async () => {},
    },
    createReader: async () => reader,
    displays: async () => [SIMULATED_DISPLAY],
    // A plain dark frame: the Calibrate view shows the simulated display's size, with nothing to calibrate on.
    grabRegion: async (r) => ({ data: new Uint8Array(r.width * r.height * 4).fill(24), width: r.width, height: r.height, order: 'rgba' }),
  };
}
