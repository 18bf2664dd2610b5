// Runs in: engine.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

export interface TesseractRead {
  readonly text: string;
  /** Tesseract's own 0..100 confidence for the line. */
  readonly confidence: number;
}

const WHITELIST = '0123456789.,x×';

/** multiplier: only the characters a multiplier has; any: every character, to tell words from numbers. */
export type Alphabet = 'multiplier' | 'any';
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

/** One reused tesseract.js worker configured for a single line of multiplier characters. */
export class TesseractEngine {
  private alphabet: Alphabet = 'multiplier';

  private constructor(private readonly worker: Worker) {}

  static async create(): Promise<TesseractEngine> {
    const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath: englishModelDir(), gzip: true, cacheMethod: 'none' });
    await worker.setParameters({
      tessedit_pageseg_mode: PSM.SINGLE_LINE,
      tessedit_char_whitelist: WHITELIST,
      // Input is always dark-on-light (see tesseract-input.ts): skip Tesseract's second, inverted attempt.
      tessedit_do_invert: '0',
    });
    const engine = new TesseractEngine(worker);
    // The first recognition pays for model set-up (hundreds of ms); pay it now rather than on the first live read.
    await engine.recognize(WARM_UP_IMAGE);
    return engine;
  }

  /** Reads an encoded image (PGM or PNG bytes). */
  async recognize(image: Uint8Array, alphabet: Alphabet = 'multiplier'): Promise<TesseractRead> {
    if (alphabet !== this.alphabet) {
      await this.worker.setParameters({ tessedit_char_whitelist: alphabet === 'multiplier' ? WHITELIST : '' });
      this.alphabet = alphabet;
    }
    const { data } = await this.worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
    return { text: data.text.trim(), confidence: data.confidence };
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
