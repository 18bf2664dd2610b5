import { describe, expect, it } from 'vitest';
import type { GameProfile, Rect } from '../../../src-shared/game-profile';
import type { RawImage } from '../../core/ocr/raw-image';
import { runCaptureProbe } from './capture-probe';
import type { Desktop } from './desktop';

const PROFILE: GameProfile = {
  version: 1,
  name: 'game',
  display: { id: 'main', scaleFactor: 1 },
  regions: { multiplier: { x: 100, y: 100, width: 200, height: 60 } },
  points: { bet: { x: 200, y: 400 }, cashout: { x: 200, y: 400 } },
};
const DISPLAYS = [{ id: 'main', bounds: { x: 0, y: 0, width: 800, height: 600 }, scaleFactor: 1, primary: true }];

/** A screen that paints every pixel flat, except a two-colour label inside `label` when given. */
function screen(label: Rect | null): Desktop & { grabbed: Rect[] } {
  const grabbed: Rect[] = [];
  return {
    grabbed,
    mouse: { click: async () => {}, probeMove: async () => ({ moved: true }), typeInto: async () => {} },
    createReader: async () => {
      throw new Error('not used');
    },
    displays: async () => DISPLAYS,
    grabRegion: async (r: Rect): Promise<RawImage> => {
      grabbed.push(r);
      const data = new Uint8Array(r.width * r.height * 4).fill(20);
      const inside = label && r.x >= label.x && r.y >= label.y && r.x + r.width <= label.x + label.width && r.y + r.height <= label.y + label.height;
      if (inside) for (let i = 0; i < data.length; i += 8) data.set([240, 240, 240, 255], i);
      return { data, width: r.width, height: r.height, order: 'rgba' };
    },
  };
}

describe('capture probe', () => {
  it('a blank readout on a flat backdrop still passes when the Bet button shows its label', async () => {
    const desktop = screen({ x: 150, y: 380, width: 100, height: 40 });
    const m = await runCaptureProbe(PROFILE, desktop, DISPLAYS, 0);
    expect(m.capture).toMatchObject({ ok: true });
    expect(m.capture.distinctColours).toBeGreaterThanOrEqual(2);
    expect(desktop.grabbed.at(-1)).toMatchObject({ width: 56, height: 22 });
  });

  it('a capture that is flat everywhere (blocked by the OS) counts one colour', async () => {
    const m = await runCaptureProbe(PROFILE, screen(null), DISPLAYS, 0);
    expect(m.capture.distinctColours).toBe(1);
    expect(m.click).toMatchObject({ dispatched: true, effectObserved: true });
  });
});
