// Runs in: engine. The desktop as the engine sees it; the Electron shell may replace `displays` with Electron's screen API.
import type { DisplayInfo } from '../../../src-shared/contract/services/autopilot';
import type { Rect } from '../../../src-shared/game-profile';
import type { MousePort, RegionReader } from '../../core/autopilot/ports';
import type { RawImage } from '../../core/ocr/raw-image';
import { primaryDisplay } from '../../adapters/screen/display-capture';
import { NutMouse } from '../../adapters/screen/nut-mouse';

export interface Desktop {
  mouse: MousePort;
  createReader(): Promise<RegionReader>;
  displays(): Promise<DisplayInfo[]>;
  grabRegion(region: Rect): Promise<RawImage>;
}

/**
 * `COCKPIT_LAG_PROBE=0` gives the mouse no pointer moves, so the autopilot cannot probe the display lag off the Bet
 * button's hover look (hover-lag-probe.ts): the benchmark's baseline.
 */
export function nutDesktop(env: NodeJS.ProcessEnv = process.env): Desktop {
  const mouse = new NutMouse();
  return {
    mouse:
      env.COCKPIT_LAG_PROBE === '0'
        ? { click: (point, scale) => mouse.click(point, scale), probeMove: (point, scale) => mouse.probeMove(point, scale), typeInto: (point, text, scale) => mouse.typeInto(point, text, scale) }
        : mouse,
    // Loaded on first use so a cockpit that never reads the screen never loads Tesseract.
    createReader: async () => (await import('../../adapters/screen/ocr-region-reader')).OcrRegionReader.create(),
    displays: async () => [await primaryDisplay()],
    grabRegion: async (region) => (await import('../../adapters/ocr/screen-capture')).grabRegion(region),
  };
}
