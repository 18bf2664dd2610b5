import { glyphShape, textFitsShapes, type GlyphShape } from '../../core/ocr/glyph-shapes';
import { GlyphTemplates, type TemplateOptions } from '../../core/ocr/glyph-templates';
import { FormatLock } from '../../core/ocr/format-lock';
import { analyzeLine, type LineAnalysis } from '../../core/ocr/line-analysis';
import { parseMultiplier } from '../../core/ocr/parse-multiplier';
import type { RawImage } from '../../core/ocr/raw-image';
import { fixSeparatorsByGrouping, reconcileWithShapes } from '../../core/ocr/reconcile';
import { cropScaleInvert, encodePgm, TESSERACT_RETRY_HEIGHT, TESSERACT_TEXT_HEIGHT } from '../../core/ocr/tesseract-input';
import { captureMemory } from './capture-memory';
import { grabRegion, type ScreenRegion } from './screen-capture';
import type { TesseractRead } from './tesseract-engine';

export interface MultiplierRead {
  /** What was read (after separator repair); empty when the region is blank. */
  readonly text: string;
  /** Null when the text is not a valid multiplier. */
  readonly value: number | null;
  readonly ms: number;
  readonly path: 'glyph' | 'tesseract';
  /** Why `value` is null. */
  readonly unreadable?: Unreadable;
}

export interface CapturedRead extends MultiplierRead {
  /** Wall-clock ms (sub-ms precision) when the capture started. */
  readonly at: number;
}

/**
 * blank: nothing stands out from the background; invalid: not a multiplier; mismatch: Tesseract's text disagrees
 * with the glyphs on screen (e.g. a lost digit); format: other decimals than the game shows; conflict: contradicts
 * glyphs already confirmed; too-long: more characters than any multiplier has (e.g. the game's crash text).
 */
export type Unreadable = 'blank' | 'invalid' | 'mismatch' | 'format' | 'conflict' | 'too-long';

/** "10,000.00x" has 10 glyphs; anything much longer is other text and is not worth two Tesseract calls per frame. */
export const MAX_MULTIPLIER_GLYPHS = 12;

/** What the reader needs from Tesseract; {@link TesseractEngine} is the real one. */
export interface LineRecognizer {
  recognize(image: Uint8Array): Promise<TesseractRead>;
}

export interface ReaderOptions {
  /** Glyph matches below this confidence go to Tesseract. */
  readonly minGlyphConfidence: number;
  /**
   * Decimals the game shows; reads with another count are misreads (a lost point turns 3.72x into 372x).
   * Null learns it from the first reads that agree.
   */
  readonly decimals: number | null;
  readonly templates?: TemplateOptions;
}

export interface ReadOptions {
  /** False forces Tesseract (it still teaches the templates), e.g. to audit or to measure that path. */
  readonly allowGlyphs?: boolean;
}

const DEFAULT_OPTIONS: ReaderOptions = { minGlyphConfidence: 0.6, decimals: 2 };

/**
 * Reads a multiplier region: first by matching glyphs against templates of the game's font (sub-millisecond),
 * else with Tesseract, whose valid reads teach the templates. One reader per region/font.
 */
export class MultiplierReader {
  private readonly templates: GlyphTemplates;
  private readonly format: FormatLock;
  private readonly options: ReaderOptions;

  constructor(
    private readonly recognizer: LineRecognizer,
    options: Partial<ReaderOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.templates = new GlyphTemplates(this.options.templates);
    this.format = new FormatLock(this.options.decimals);
  }

  get learnedTemplates(): number {
    return this.templates.templateCount;
  }

  async captureAndRead(region: ScreenRegion, options: ReadOptions = {}): Promise<CapturedRead> {
    captureMemory().reclaimIfDue();
    const start = performance.now();
    const image = await grabRegion(region);
    const read = await this.read(image, options);
    return { ...read, at: performance.timeOrigin + start, ms: performance.now() - start };
  }

  async read(image: RawImage, { allowGlyphs = true }: ReadOptions = {}): Promise<MultiplierRead> {
    const start = performance.now();
    const line = analyzeLine(image);
    if (!line) return { text: '', value: null, ms: performance.now() - start, path: 'glyph', unreadable: 'blank' };
    if (line.glyphs.length > MAX_MULTIPLIER_GLYPHS) {
      return { text: `(${line.glyphs.length} characters of text)`, value: null, ms: performance.now() - start, path: 'glyph', unreadable: 'too-long' };
    }
    const shapes = line.glyphs.map((g) => glyphShape(g, line.line));
    if (allowGlyphs) {
      const match = this.templates.match(line.features);
      if (match && match.confidence >= this.options.minGlyphConfidence && textFitsShapes(match.text, shapes)) {
        const text = fixSeparatorsByGrouping(match.text);
        const parsed = parseMultiplier(text);
        if (parsed && this.format.accepts(text)) return { text, value: parsed.value, ms: performance.now() - start, path: 'glyph' };
      }
    }
    return this.readWithTesseract(line, shapes, start);
  }

  private async readWithTesseract(line: LineAnalysis, shapes: readonly GlyphShape[], start: number): Promise<MultiplierRead> {
    const first = await this.recognizeAt(TESSERACT_TEXT_HEIGHT, line, shapes);
    if (first.unreadable !== 'mismatch' && first.unreadable !== 'invalid') return { ...first, ms: performance.now() - start };
    const retry = await this.recognizeAt(TESSERACT_RETRY_HEIGHT, line, shapes);
    return { ...(retry.unreadable ? first : retry), ms: performance.now() - start };
  }

  private async recognizeAt(textHeight: number, line: LineAnalysis, shapes: readonly GlyphShape[]): Promise<MultiplierRead> {
    const result = await this.recognizer.recognize(encodePgm(cropScaleInvert(line.ink, line.box, textHeight / (line.box.y1 - line.box.y0))));
    const text = reconcileWithShapes(result.text, shapes);
    if (text === null) return { text: result.text, value: null, ms: 0, path: 'tesseract', unreadable: 'mismatch' };
    const accepted = this.acceptTesseractText(line, text);
    return typeof accepted === 'number'
      ? { text, value: accepted, ms: 0, path: 'tesseract' }
      : { text, value: null, ms: 0, path: 'tesseract', unreadable: accepted };
  }

  /**
   * The value of a Tesseract read if it is valid, has the game's number of decimals and agrees with the glyphs
   * confirmed so far, which it then teaches; else why not. Tesseract's own confidence is no guide here (it is
   * low for correct `×` reads), so these checks are what guard the templates.
   */
  private acceptTesseractText(line: LineAnalysis, text: string): number | Unreadable {
    const parsed = parseMultiplier(text);
    if (!parsed) return 'invalid';
    if (!this.format.accepts(text)) return 'format';
    if (this.templates.learn(line.features, text) === 'conflict') return 'conflict';
    this.format.confirm(text);
    return parsed.value;
  }
}
