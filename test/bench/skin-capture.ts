// Where the fast path's time goes on each skin's own readout: the screen grab against the read, measured apart on
// the same frames of a live flight under Xvfb (Chromium drawing the game, as in play). The reader reads every frame as
// the engine does, so its templates learn from the flight; only frames after it first read at half size count. Then
// every other of those frames is read again with the game closed: the read alone, without Chromium on the same cores.
// Run: npm run build && npx tsx test/bench/skin-capture.ts [--frames N] [SKIN...]   (default: every skin)
import { parseArgs } from 'node:util';
import { MultiplierReader } from '../../src-main/adapters/ocr/multiplier-reader';
import { grabRegion } from '../../src-main/adapters/ocr/screen-capture';
import { TesseractEngine } from '../../src-main/adapters/ocr/tesseract-engine';
import type { RawImage } from '../../src-main/core/ocr/raw-image';
import { median } from '../../src-main/core/ocr/median';
import { SKINS, type SkinName } from '../../src-renderer/practice-game/skins';
import { startDesktopGame } from '../support/desktop-game';
import { seedWhere } from '../support/seeds';

const { values, positionals } = parseArgs({ options: { frames: { type: 'string' } }, allowPositionals: true });
const frames = Number(values.frames ?? 300);
const skins = (positionals.length > 0 ? positionals : Object.keys(SKINS)) as SkinName[];
/** Slow enough that a 30× round outlasts the frames; the grab and the read do not depend on the growth. */
const RATE_PER_MS = 0.00008;
const p90 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.9 * (xs.length - 1))] ?? NaN;

const engine = await TesseractEngine.create();
process.stdout.write('| skin | region | grab p50 / p90 ms | read p50 / p90 ms | frames read at half size | read p50 / p90 ms, game closed |\n|---|---|---|---|---|---|\n');
try {
  for (const skin of skins) {
    const game = await startDesktopGame({ seed: seedWhere('skin-capture', 1, (crash) => crash > 30), skin, rate: RATE_PER_MS, countdownMs: 1000 });
    let open = true;
    try {
      process.env.DISPLAY = game.x.display;
      const region = (await game.profile()).regions.multiplier;
      while ((await game.state()).phase !== 'FLYING') await new Promise((r) => setTimeout(r, 10));
      const reader = new MultiplierReader(engine);
      const grabMs: number[] = [];
      const readMs: number[] = [];
      let halfSize = 0;
      const kept: RawImage[] = [];
      for (let tries = 0; grabMs.length < frames && tries < 20 * frames; tries++) {
        const start = performance.now();
        const image = await grabRegion(region);
        const grabbed = performance.now();
        const read = await reader.read(image);
        if (read.halfSize) halfSize++;
        if (halfSize === 0) continue;
        grabMs.push(grabbed - start);
        readMs.push(read.ms);
        if (grabMs.length % 2 === 0) kept.push(image);
        await new Promise((r) => setTimeout(r, 8));
      }
      if (grabMs.length === 0) {
        process.stdout.write(`| ${skin} | ${region.width}×${region.height} | no frame read at half size in ${20 * frames} reads | | | |\n`);
        continue;
      }
      await game.close();
      open = false;
      const quietMs: number[] = [];
      for (const image of kept) quietMs.push((await reader.read(image)).ms);
      const row = [skin, `${region.width}×${region.height}`, `${median(grabMs).toFixed(2)} / ${p90(grabMs).toFixed(2)}`, `${median(readMs).toFixed(2)} / ${p90(readMs).toFixed(2)}`, `${halfSize}/${grabMs.length}`, `${median(quietMs).toFixed(2)} / ${p90(quietMs).toFixed(2)}`];
      process.stdout.write(`| ${row.join(' | ')} |\n`);
    } finally {
      if (open) await game.close();
    }
  }
} finally {
  await engine.terminate();
}
