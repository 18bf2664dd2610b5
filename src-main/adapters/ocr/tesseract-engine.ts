// Runs in: engine.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Page, type Worker } from 'tesseract.js';
import type { Box } from '../../core/ocr/text-box';

export interface TesseractRead {
  readonly text: string;
  /** Tesseract's own 0..100 confidence for the line. */
  readonly confidence: number;
  /** Each character Tesseract wrote with its box in the input image: only when asked for (`symbols`). */
  readonly symbols?: readonly TesseractSymbol[];
}

export interface TesseractSymbol {
  readonly text: string;
  readonly box: Box;
}

const WHITELIST = '0123456789.,xX×';

/** multiplier: only the characters a multiplier has; any: every character, to tell words from numbers. */
export type Alphabet = 'multiplier' | 'any';
/**
 * line: Tesseract finds the line's text itself (its layout analysis); raw-line: the whole image is taken as one
 * line with no layout analysis. A glow or a heavy halo can make the layout analysis drop a plainly legible line
 * and read nothing (measured on the varied corpus: "549.00x" read as "" in line mode, as itself in raw-line mode).
 */
export type Layout = 'line' | 'raw-line';

export interface RecognizeOptions {
  readonly alphabet?: Alphabet;
  readonly layout?: Layout;
  /** Also return Tesseract's own segmentation: a box per character (costs building its page layout). */
  readonly symbols?: boolean;
}

const PAGE_SEGMENTATION: Record<Layout, PSM> = { line: PSM.SINGLE_LINE, 'raw-line': PSM.RAW_LINE };
/** A white 48×24 PGM with a dark bar: enough for Tesseract to run its whole pipeline once. */
const WARM_UP_IMAGE = (() => {
  const header = new TextEncoder().encode('P5\n48 24\n255\n');
  const pixels = new Uint8Array(48 * 24).fill(255);
  for (let y = 6; y < 18; y++) pixels.fill(0, y * 48 + 20, y * 48 + 24);
  const bytes = new Uint8Array(header.length + pixels.length);
  bytes.set(header);
  bytes.set(pixels, header.length);
  return bytes;
})();

/** Directory of the bundled, offline `eng` LSTM model (best_int: the fast integer variant). */
export function englishModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** Raised by a read asked of, or abandoned by, an engine that is shutting down. */
export class OcrEngineClosedError extends Error {
  constructor() {
    super('the OCR engine is shut down');
    this.name = 'OcrEngineClosedError';
  }
}

export interface TesseractEngineOptions {
  /** How long shutdown lets a running recognition finish before abandoning it (a live read takes 5–50 ms). */
  readonly terminateGraceMs?: number;
}

/** One reused tesseract.js worker configured for a single line of multiplier characters. */
export class TesseractEngine {
  private alphabet: Alphabet = 'multiplier';
  private layout: Layout = 'line';
  private closed = false;
  private workerStopped = false;
  /**
   * The last job queued. Jobs run one at a time, as the worker runs them anyway: two callers (the flight reader and
   * the balance check) would otherwise interleave their whitelist changes and read with each other's alphabet.
   */
  private tail: Promise<unknown> = Promise.resolve();
  /** Recognitions under way, each with the rejection that abandons it. */
  private readonly running = new Map<Promise<unknown>, (error: Error) => void>();

  private constructor(
    private readonly worker: Worker,
    private readonly terminateGraceMs: number,
  ) {}

  static async create(options: TesseractEngineOptions = {}): Promise<TesseractEngine> {
    const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath: englishModelDir(), gzip: true, cacheMethod: 'none' });
    await worker.setParameters({
      tessedit_pageseg_mode: PAGE_SEGMENTATION.line,
      tessedit_char_whitelist: WHITELIST,
      // Input is always dark-on-light (see tesseract-input.ts): skip Tesseract's second, inverted attempt.
      tessedit_do_invert: '0',
    });
    const engine = new TesseractEngine(worker, options.terminateGraceMs ?? 2_000);
    // The first recognition pays for model set-up (hundreds of ms); pay it now rather than on the first live read.
    await engine.recognize(WARM_UP_IMAGE);
    return engine;
  }

  /** Reads an encoded image (PGM or PNG bytes). Rejects with {@link OcrEngineClosedError} once shutdown began. */
  recognize(image: Uint8Array, { alphabet = 'multiplier', layout = 'line', symbols = false }: RecognizeOptions = {}): Promise<TesseractRead> {
    if (this.closed) return Promise.reject(new OcrEngineClosedError());
    let abandon: (error: Error) => void = () => {};
    const read = new Promise<TesseractRead>((resolve, reject) => {
      abandon = reject;
      const job = this.tail.then(() => this.recognizeNow(image, { alphabet, layout, symbols }));
      this.tail = job.catch(() => {});
      job.then(resolve, reject);
    });
    this.running.set(read, abandon);
    const forget = () => void this.running.delete(read);
    read.then(forget, forget);
    return read;
  }

  private async recognizeNow(image: Uint8Array, { alphabet, layout, symbols }: Required<RecognizeOptions>): Promise<TesseractRead> {
    if (alphabet !== this.alphabet || layout !== this.layout) {
      this.refuseIfStopped();
      await this.worker.setParameters({ tessedit_char_whitelist: alphabet === 'multiplier' ? WHITELIST : '', tessedit_pageseg_mode: PAGE_SEGMENTATION[layout] });
      this.alphabet = alphabet;
      this.layout = layout;
    }
    this.refuseIfStopped();
    const { data } = await this.worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { text: true, blocks: symbols });
    return { text: data.text.trim(), confidence: data.confidence, ...(symbols ? { symbols: symbolsOf(data) } : {}) };
  }

  /**
   * A job sent to a terminated tesseract.js worker never settles and raises an unhandled rejection of its own
   * (its `send` is async and dereferences the dead worker), which the fatal-error policy rightly treats as fatal.
   */
  private refuseIfStopped(): void {
    if (this.workerStopped) throw new OcrEngineClosedError();
  }

  /**
   * Refuses new reads, lets the ones under way finish (up to a grace period), then stops the worker. A read still
   * running after that is rejected, never left pending: tesseract.js drops the jobs of a terminated worker unsettled.
   */
  async terminate(): Promise<void> {
    this.closed = true;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, this.terminateGraceMs).unref());
    await Promise.race([Promise.allSettled([...this.running.keys()]), grace]);
    for (const abandon of this.running.values()) abandon(new OcrEngineClosedError());
    this.workerStopped = true;
    await this.worker.terminate();
  }
}

function symbolsOf(page: Page): TesseractSymbol[] {
  const words = (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
  return words.flatMap((w) => w.symbols.map(({ text, bbox }) => ({ text, box: { x0: bbox.x0, y0: bbox.y0, x1: bbox.x1, y1: bbox.y1 } })));
}
