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

export function nutDesktop(): Desktop {
  return {
    mouse: new NutMouse(),
    // Loaded on first use so a cockpit that never reads the screen never loads Tesseract.
    createReader: async () => (await import('../../adapters/screen/ocr-region-reader')).OcrRegionReader.create(),
    displays: async () => [await primaryDisplay()],
    grabRegion: async (region) => (await import('../../adapters/ocr/screen-capture')).grabRegion(region),
  };
}
