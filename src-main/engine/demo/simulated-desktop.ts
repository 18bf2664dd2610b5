// Runs in: engine. A Desktop whose screen is a simulated crash game (core/demo/crash-screen.ts): the demo's autopilot
// runs its real read loop, phase model and executor on it, so the events the UI gets are the real ones. Nothing is
// ever clicked: the mouse does nothing and reports that it moved nothing, so live mode can never pass its probe.
import type { DisplayInfo } from '../../../src-shared/contract/services/autopilot';
import type { GameProfile, Rect } from '../../../src-shared/game-profile';
import type { RegionReader, ScreenRead } from '../../core/autopilot/ports';
import { screenText, type CrashScreen, type ScreenShows } from '../../core/demo/crash-screen';
import type { RawImage } from '../../core/ocr/raw-image';
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

/** What OCR would read off the simulated screen: the number in flight, the crash text after it. */
export function simulatedRead(shows: ScreenShows, at: number): ScreenRead {
  return { at, text: screenText(shows), value: shows.phase === 'FLYING' ? shows.cents / 100 : null, ms: 0, path: 'glyph', ...(shows.phase === 'CRASHED' ? { otherText: true } : {}) };
}

export function simulatedDesktop(screen: CrashScreen, { frameMs = 16, now = Date.now }: SimulatedDesktopOptions = {}): Desktop {
  const reader: RegionReader = {
    read: async () => {
      await new Promise((resolve) => setTimeout(resolve, frameMs));
      const at = now();
      return simulatedRead(screen.at(at), at);
    },
  };
  let frame: RawImage | null = null;
  return {
    mouse: {
      click: async () => {},
      probeMove: async () => ({ moved: false }),
      typeInto: async () => {},
    },
    createReader: async () => reader,
    displays: async () => [SIMULATED_DISPLAY],
    grabRegion: async (r) => crop((frame ??= simulatedFrame()), r),
  };
}

type Rgb = readonly [number, number, number];

/**
 * What Calibrate shows of the simulated display: the game's layout as blocks (multiplier panel, Bet, Cash out) where
 * the demo profile has them, so the profile's boxes line up with something. The digits themselves are not drawn.
 */
function simulatedFrame(): RawImage {
  const { width, height } = SIMULATED_DISPLAY.bounds;
  const data = new Uint8Array(width * height * 4);
  const pixels = new Uint32Array(data.buffer);
  const fill = (x0: number, y0: number, w: number, h: number, [r, g, b]: Rgb) => {
    // One 32-bit RGBA word per pixel (little-endian: alpha in the top byte), a row segment at a time.
    const rgba = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) pixels.fill(rgba, y * width + Math.max(0, x0), y * width + Math.min(width, x0 + w));
  };
  fill(0, 0, width, height, [19, 23, 34]);
  const { multiplier } = SIMULATED_PROFILE.regions;
  fill(multiplier.x, multiplier.y, multiplier.width, multiplier.height, [42, 49, 66]);
  const button = (p: { x: number; y: number }, colour: Rgb) => fill(p.x - 100, p.y - 24, 200, 48, colour);
  button(SIMULATED_PROFILE.points.bet, [38, 166, 154]);
  button(SIMULATED_PROFILE.points.cashout, [240, 185, 11]);
  return { data, width, height, order: 'rgba' };
}

function crop(image: RawImage, r: Rect): RawImage {
  const data = new Uint8Array(r.width * r.height * 4);
  for (let y = 0; y < r.height; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, r.y + y));
    const start = (sy * image.width + Math.max(0, r.x)) * 4;
    data.set(image.data.subarray(start, start + Math.min(r.width, image.width - Math.max(0, r.x)) * 4), y * r.width * 4);
  }
  return { data, width: r.width, height: r.height, order: 'rgba' };
}
