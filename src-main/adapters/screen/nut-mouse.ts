// Runs in: engine. Real OS clicks through nut-js (libnut), loaded only when the autopilot first clicks.
import type { Point } from '../../../src-shared/game-profile';
import type { MousePort } from '../../core/autopilot/ports';
import { loadNut, type NutLoader, type NutModule } from './nut-loader';

/** macOS moves the mouse in points, not pixels: a Retina display is 2× off unless converted. */
export function toMouseCoordinates(point: Point, scaleFactor: number, platform: NodeJS.Platform = process.platform): Point {
  if (platform !== 'darwin' || scaleFactor === 1) return point;
  return { x: Math.round(point.x / scaleFactor), y: Math.round(point.y / scaleFactor) };
}

export class NutMouse implements MousePort {
  private nut: Promise<NutModule> | null = null;

  constructor(private readonly loadNutJs: NutLoader = loadNut) {}

  async click(point: Point, scaleFactor: number): Promise<void> {
    const nut = await this.load();
    const target = toMouseCoordinates(point, scaleFactor);
    // Straight to the libnut provider: nut-js's mouse.click first sleeps autoDelayMs, and even a 0 ms sleep is a
    // timer turn (≥ 1 ms, with other work run in between) on the signal-to-click path.
    const provider = nut.providerRegistry.getMouse();
    await provider.setMousePosition(new nut.Point(target.x, target.y));
    await provider.click(nut.Button.LEFT);
  }

  async probeMove(point: Point, scaleFactor: number): Promise<{ moved: boolean }> {
    const nut = await this.load();
    const target = toMouseCoordinates(point, scaleFactor);
    const before = await nut.mouse.getPosition();
    await nut.mouse.setPosition(new nut.Point(target.x, target.y));
    const after = await nut.mouse.getPosition();
    await nut.mouse.setPosition(before);
    return { moved: Math.abs(after.x - target.x) <= 1 && Math.abs(after.y - target.y) <= 1 };
  }

  async movePointer(point: Point, scaleFactor: number): Promise<void> {
    const nut = await this.load();
    const target = toMouseCoordinates(point, scaleFactor);
    await nut.providerRegistry.getMouse().setMousePosition(new nut.Point(target.x, target.y));
  }

  async typeInto(point: Point, text: string, scaleFactor: number): Promise<void> {
    const nut = await this.load();
    await this.click(point, scaleFactor);
    const selectAll = process.platform === 'darwin' ? nut.Key.LeftCmd : nut.Key.LeftControl;
    await nut.keyboard.pressKey(selectAll, nut.Key.A);
    await nut.keyboard.releaseKey(selectAll, nut.Key.A);
    await nut.keyboard.type(text);
  }

  private load(): Promise<NutModule> {
    // A failed load (no display) is not kept: the next click probes again.
    this.nut ??= this.loadNutJs().then((nut) => {
      // The default 100 ms pause after every mouse action would cost win rate on each cash-out.
      nut.mouse.config.autoDelayMs = 0;
      nut.keyboard.config.autoDelayMs = 0;
      return nut;
    });
    this.nut.catch(() => (this.nut = null));
    return this.nut;
  }
}
