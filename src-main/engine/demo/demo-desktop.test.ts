import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../src-shared/game-profile';
import type { Desktop } from '../autopilot/desktop';
import { demoDesktop, SIMULATED_OFFSET_X } from './demo-desktop';
import { SIMULATED_DISPLAY } from './simulated-desktop';

/** A desktop that records what reached it. */
function recording(name: string, seen: string[]): Desktop {
  const image = { data: new Uint8Array(4), width: 1, height: 1, order: 'rgba' as const };
  return {
    mouse: { click: async (p) => void seen.push(`${name} click ${p.x}`), probeMove: async () => ({ moved: true }), typeInto: async () => {} },
    createReader: async () => ({ read: async (r: Rect) => (seen.push(`${name} read ${r.x}`), { at: 0, text: name, value: null, ms: 0, path: 'glyph' as const }) }),
    displays: async () => [{ id: '0', bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1, primary: true }],
    grabRegion: async (r) => (seen.push(`${name} grab ${r.x}`), image),
  };
}

describe('demoDesktop', () => {
  it('puts the simulated game right of the real displays and sends what lands there to it, the rest to the screen', async () => {
    const seen: string[] = [];
    const desktop = demoDesktop(recording('real', seen), recording('sim', seen));
    const displays = await desktop.displays();
    expect(displays.map((d) => [d.id, d.bounds.x])).toEqual([
      ['0', 0],
      [SIMULATED_DISPLAY.id, SIMULATED_OFFSET_X],
    ]);
    const reader = await desktop.createReader();
    await reader.read({ x: SIMULATED_OFFSET_X + 440, y: 280, width: 400, height: 120 });
    await reader.read({ x: 85, y: 239, width: 930, height: 136 });
    await desktop.grabRegion({ x: SIMULATED_OFFSET_X + 10, y: 0, width: 5, height: 5 });
    await desktop.mouse.click({ x: 640, y: 560 }, 1);
    await desktop.mouse.click({ x: SIMULATED_OFFSET_X + 640, y: 560 }, 1);
    expect(seen).toEqual(['sim read 440', 'real read 85', 'sim grab 10', 'real click 640', 'sim click 640']);
  });
});
