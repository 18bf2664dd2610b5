// Runs in: engine. Reads screen regions with one shared Tesseract worker and one glyph-learning reader per region.
import type { Rect } from '../../../src-shared/game-profile';
import type { RegionKind, RegionReader, ScreenRead } from '../../core/autopilot/ports';
import type { KnownFormat } from '../../core/ocr/format-lock';
import { showsWords } from '../../core/ocr/words';
import { MultiplierReader } from '../ocr/multiplier-reader';
import { TesseractEngine } from '../ocr/tesseract-engine';

const regionKey = (r: Rect, kind: RegionKind) => `${kind}:${r.x},${r.y},${r.width},${r.height}`;

export class OcrRegionReader implements RegionReader {
  private readonly readers = new Map<string, MultiplierReader>();

  private constructor(private readonly engine: TesseractEngine) {}

  static async create(): Promise<OcrRegionReader> {
    return new OcrRegionReader(await TesseractEngine.create());
  }

  async read(region: Rect, kind: RegionKind = 'multiplier', format?: KnownFormat): Promise<ScreenRead> {
    const key = regionKey(region, kind);
    let reader = this.readers.get(key);
    if (!reader) {
      // Each region has its own font: templates learned for the multiplier must not leak into the balance.
      if (this.readers.size > 16) this.readers.clear();
      this.readers.set(key, (reader = new MultiplierReader(this.engine)));
    }
    if (format) reader.expectFormat(format);
    const read = kind === 'amount' ? await reader.captureAndReadAmount(region) : await reader.captureAndRead(region);
    // Text, not a multiplier: the phase model takes it for crash text in flight, so a number garbled into a
    // letter or two (a plane across the digits) must not count; only a line too long for a number or real words.
    const otherText = read.unreadable === 'too-long' || (read.unreadable === 'text' && showsWords(read.text));
    return {
      at: read.at,
      text: read.text,
      value: read.value,
      ms: read.ms,
      path: read.path,
      decimals: read.decimals,
      ...(read.trailingZeros ? { trailingZeros: read.trailingZeros } : {}),
      ink: read.ink,
      extraLines: read.extraLines,
      ...(read.halfSize ? { halfSize: true } : {}),
      ...(otherText ? { otherText: true } : {}),
    };
  }

  async close(): Promise<void> {
    await this.engine.terminate();
  }
}
