// A Desktop whose mouse records instead of pressing: for engine tests of what may click, not of how clicks land
// (the desktop e2e covers real clicks). Capture returns a two-colour image unless told the screen is blocked.
import type { DisplayInfo } from '../../src-shared/contract/services/autopilot';
import type { Point } from '../../src-shared/game-profile';
import type { Desktop } from '../../src-main/engine/autopilot/desktop';

export interface RecordingDesktop extends Desktop {
  clicks: Point[];
  typed: Array<{ point: Point; text: string }>;
  inputBlocked: boolean;
  captureBlocked: boolean;
}

export const TEST_DISPLAY: DisplayInfo = { id: '0', bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1, primary: true };

export function recordingDesktop(): RecordingDesktop {
  const desktop: RecordingDesktop = {
    clicks: [],
    typed: [],
    inputBlocked: false,
    captureBlocked: false,
    mouse: {
      click: async (point) => void desktop.clicks.push(point),
      probeMove: async () => ({ moved: !desktop.inputBlocked }),
      typeInto: async (point, text) => void desktop.typed.push({ point, text }),
    },
    createReader: async () => ({ read: async () => ({ at: Date.now(), text: '', value: null, ms: 0, path: 'glyph' as const }) }),
    displays: async () => [TEST_DISPLAY],
    grabRegion: async (r) => {
      const data = new Uint8Array(r.width * r.height * 4).fill(30);
      if (!desktop.captureBlocked) for (let i = 0; i < data.length; i += 8) data[i] = 250;
      return { data, width: r.width, height: r.height, order: 'rgba' as const };
    },
  };
  return desktop;
}
