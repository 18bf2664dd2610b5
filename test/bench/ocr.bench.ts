// Capture + read latency of the multiplier on a live X screen whose multiplier changes every frame:
// (a) the glyph fast path, (b) the tesseract.js path, (c) the seed's baseline, the `tesseract` CLI per read.
// Run: npx tsx test/bench/ocr.bench.ts
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MultiplierReader, type CapturedRead } from '../../src-main/adapters/ocr/multiplier-reader';
import { encodePng } from '../../src-main/adapters/ocr/png-file';
import { grabRegion, type ScreenRegion } from '../../src-main/adapters/ocr/screen-capture';
import { TesseractEngine } from '../../src-main/adapters/ocr/tesseract-engine';
import { parseMultiplier } from '../../src-main/core/ocr/parse-multiplier';
import { GAME_READOUT_BOX, openLivePage, type LivePage } from '../integration/ocr/live-page';

export interface PathStats {
  readonly name: string;
  readonly reads: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Share of reads whose value is one the page really showed. */
  readonly exact: number;
  /** Share of reads served by the glyph path (fast path only). */
  readonly glyphShare?: number;
  /** A few reads that were not exact, for diagnosis. */
  readonly misses: readonly string[];
}

export interface OcrBenchResult {
  readonly fast: PathStats;
  readonly tesseract: PathStats;
  readonly cli: PathStats;
  /** CLI p50 / path p50. */
  readonly speedUpFast: number;
  readonly speedUpTesseract: number;
  /** A game-sized readout (the skins' region and 96 px number): every frame at full size against the half-size read. */
  readonly gameReadout: { readonly fullSize: PathStats; readonly halfSize: PathStats };
}

export interface OcrBenchOptions {
  readonly fastReads: number;
  readonly tesseractReads: number;
  readonly cliReads: number;
}

interface Timed {
  readonly ms: number;
  readonly text: string;
  readonly value: number | null;
  readonly glyph?: boolean;
}

/** ln-growth per ms: 1× to 50,000× in 15 s, so the text changes on every 60 Hz frame and crosses the thousands. */
const RATE_PER_MS = Math.log(50_000) / 15_000;

export async function measureOcrLatency(options: OcrBenchOptions = { fastReads: 500, tesseractReads: 100, cliReads: 20 }): Promise<OcrBenchResult> {
  const live = await openLivePage();
  const engine = await TesseractEngine.create();
  const tmp = await mkdtemp(join(tmpdir(), 'cockpit-ocr-bench-'));
  try {
    await live.animate(RATE_PER_MS, 50_000);
    const reader = new MultiplierReader(engine);
    // (b) first: its reads are also what teach the glyph templates, as in the app.
    const tesseract = await repeat(options.tesseractReads, async () => {
      const read = await reader.captureAndRead(live.region, { allowGlyphs: false });
      return { ms: read.ms, text: read.text, value: read.value };
    });
    const fast = await repeat(options.fastReads, async () => {
      const read = await reader.captureAndRead(live.region);
      return { ms: read.ms, text: read.text, value: read.value, glyph: read.path === 'glyph' };
    });
    const cli = await repeat(options.cliReads, (i) => readWithTesseractCli(live.region, join(tmp, `grab-${i}.png`)));
    const shown = new Set((await live.shownTexts()).map((t) => parseMultiplier(t)?.value));
    const fastStats = stats('glyph fast path (+fallback)', fast, shown);
    const tesseractStats = stats('tesseract.js path', tesseract, shown);
    const cliStats = stats('tesseract CLI (seed)', cli, shown);
    return {
      fast: fastStats,
      tesseract: tesseractStats,
      cli: cliStats,
      speedUpFast: cliStats.p50Ms / fastStats.p50Ms,
      speedUpTesseract: cliStats.p50Ms / tesseractStats.p50Ms,
      gameReadout: await measureGameReadout(live, engine, options.fastReads),
    };
  } finally {
    await engine.terminate();
    await live.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The fast path on the readout region the practice skins have (724×178 around a 96 px number), read at full size
 * and at half size by two readers in alternating blocks, so both see the same frames and the same machine.
 */
async function measureGameReadout(live: LivePage, engine: TesseractEngine, reads: number): Promise<OcrBenchResult['gameReadout']> {
  const region = await live.reshape("700 96px 'DejaVu Sans'", GAME_READOUT_BOX);
  await live.animate(RATE_PER_MS, 50_000);
  const readers = { fullSize: new MultiplierReader(engine, { halfSize: false }), halfSize: new MultiplierReader(engine) };
  const timed = { fullSize: [] as Timed[], halfSize: [] as Timed[] };
  for (const reader of Object.values(readers)) await repeat(30, async () => timedRead(await reader.captureAndRead(region, { allowGlyphs: false })));
  for (let block = 0; block < reads / 50; block++) {
    for (const key of ['fullSize', 'halfSize'] as const) timed[key].push(...(await repeat(50, async () => timedRead(await readers[key].captureAndRead(region)))));
  }
  const shown = new Set((await live.shownTexts()).map((t) => parseMultiplier(t)?.value));
  return { fullSize: stats('game readout, full size', timed.fullSize, shown), halfSize: stats('game readout, half size', timed.halfSize, shown) };
}

function timedRead(read: CapturedRead): Timed {
  return { ms: read.ms, text: read.text, value: read.value, glyph: read.path === 'glyph' };
}

/** The seed's way: save the grab as PNG and run the Debian `tesseract` binary on it, once per read. */
async function readWithTesseractCli(region: ScreenRegion, file: string): Promise<Timed> {
  const start = performance.now();
  await writeFile(file, encodePng(await grabRegion(region)));
  const text = await new Promise<string>((resolve, reject) => {
    const child = spawn('tesseract', [file, 'stdout', '--psm', '7'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('close', () => resolve(out));
  });
  return { ms: performance.now() - start, text: text.trim(), value: parseMultiplier(text.trim())?.value ?? null };
}

async function repeat(times: number, once: (i: number) => Promise<Timed>): Promise<Timed[]> {
  const results: Timed[] = [];
  for (let i = 0; i < times; i++) results.push(await once(i));
  return results;
}

function stats(name: string, reads: readonly Timed[], shown: ReadonlySet<number | undefined>): PathStats {
  const sorted = reads.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const isExact = (r: Timed): boolean => r.value !== null && shown.has(r.value);
  const exact = reads.filter(isExact).length / reads.length;
  const misses = reads.filter((r) => !isExact(r)).slice(0, 5).map((r) => JSON.stringify(r.text));
  const glyphs = reads.filter((r) => r.glyph).length;
  return { name, reads: reads.length, p50Ms: at(0.5), p99Ms: at(0.99), exact, misses, ...(reads.some((r) => r.glyph !== undefined) ? { glyphShare: glyphs / reads.length } : {}) };
}

export function formatOcrBench(result: OcrBenchResult): string {
  const row = (s: PathStats): string =>
    `${s.name.padEnd(30)} ${String(s.reads).padStart(5)} ${s.p50Ms.toFixed(2).padStart(8)} ${s.p99Ms.toFixed(2).padStart(8)} ${(100 * s.exact).toFixed(1).padStart(6)}%${s.glyphShare === undefined ? '' : `  (glyph path ${(100 * s.glyphShare).toFixed(1)}%)`}${s.misses.length ? `  misses: ${s.misses.join(' ')}` : ''}`;
  return [
    'capture + read of a live Xvfb region (multiplier changes every frame)',
    `${'path'.padEnd(30)} ${'reads'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  exact`,
    row(result.fast),
    row(result.tesseract),
    row(result.cli),
    `speed-up over the tesseract CLI baseline (p50): fast path ${result.speedUpFast.toFixed(0)}×, tesseract.js path ${result.speedUpTesseract.toFixed(1)}×`,
    row(result.gameReadout.fullSize),
    row(result.gameReadout.halfSize),
    `half-size read on a game-sized readout (p50): ${(result.gameReadout.fullSize.p50Ms / result.gameReadout.halfSize.p50Ms).toFixed(1)}× faster than full size`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${formatOcrBench(await measureOcrLatency())}\n`);
}
