// Runs in: engine. The demo's desktop on a machine with a screen: the real displays, and beside them the simulated crash
// game as one more display far to the right. The demo's autopilot starts on the simulated game at once, and moves to
// the practice game's window on the real screen once it is found there; Calibrate sees both.
import type { Rect } from '../../../src-shared/game-profile';
import type { Desktop } from '../autopilot/desktop';
import { SIMULATED_DISPLAY } from './simulated-desktop';

/** Where the simulated display sits: right of any real screen. */
export const SIMULATED_OFFSET_X = 1_000_000;

export function demoDesktop(real: Desktop, simulated: Desktop): Desktop {
  const onSimulated = (r: { x: number }) => r.x >= SIMULATED_OFFSET_X;
  const back = <T extends { x: number }>(r: T): T => ({ ...r, x: r.x - SIMULATED_OFFSET_X });
  return {
    mouse: {
      click: (point, scale) => (onSimulated(point) ? simulated.mouse.click(back(point), scale) : real.mouse.click(point, scale)),
      probeMove: (point, scale) => (onSimulated(point) ? simulated.mouse.probeMove(back(point), scale) : real.mouse.probeMove(point, scale)),
      typeInto: (point, text, scale) => (onSimulated(point) ? simulated.mouse.typeInto(back(point), text, scale) : real.mouse.typeInto(point, text, scale)),
    },
    createReader: async () => {
      // The real reader loads Tesseract: only when something reads the real screen.
      let realReader: ReturnType<Desktop['createReader']> | null = null;
      const simulatedReader = await simulated.createReader();
      return {
        read: async (region: Rect, kind, format) => (onSimulated(region) ? simulatedReader.read(back(region), kind, format) : (await (realReader ??= real.createReader())).read(region, kind, format)),
        close: async () => void (await (await realReader)?.close?.()),
      };
    },
    displays: async () => [...(await real.displays()), { ...SIMULATED_DISPLAY, bounds: { ...SIMULATED_DISPLAY.bounds, x: SIMULATED_OFFSET_X }, primary: false }],
    grabRegion: (region) => (onSimulated(region) ? simulated.grabRegion(back(region)) : real.grabRegion(region)),
  };
}
