// Runs in: engine.
import { recoloured } from '../../core/crash/readout-look';
import type { Rgb } from '../../core/ocr/colour';
import { heavyCrossMark, looksLikeCross } from '../../core/ocr/cross-mark';
import { readAgreesWithGlyphs } from '../../core/ocr/glyph-consistency';
import { drawnHollow, readFitsCounters } from '../../core/ocr/glyph-holes';
import { FormatLock, type KnownFormat, type TrailingZeros } from '../../core/ocr/format-lock';
import { digitCapacity, glyphShape, glyphsPlacePoint, textFitsShapes, type GlyphShape } from '../../core/ocr/glyph-shapes';
import { DIGITS, GlyphTemplates, type TemplateOptions } from '../../core/ocr/glyph-templates';
import { analyzeRegion, GLYPH_INK, regionShrink, type LineAnalysis, type RegionAnalysis } from '../../core/ocr/line-analysis';
import { brokenDigits, obstructedGlyph, skipsSeparatorRoom } from '../../core/ocr/line-metrics';
import { parseMultiplier } from '../../core/ocr/parse-multiplier';
import { cropColumns, type RawImage } from '../../core/ocr/raw-image';
import { fixSeparatorsByGrouping, reconcileWithShapes, wellFormedSeparators } from '../../core/ocr/reconcile';
import { cropScaleInvert, encodePgm, fromTesseractInput, TESSERACT_RETRY_HEIGHT, TESSERACT_TEXT_HEIGHT } from '../../core/ocr/tesseract-input';
import { glyphsFromSymbols } from '../../core/ocr/symbol-glyphs';
import { roomForPoint } from '../../core/ocr/point-room';
import type { Box } from '../../core/ocr/text-box';
import { glyphFeatures } from '../../core/ocr/glyph-features';
import { wordCrops } from '../../core/ocr/word-spans';
import { digitsOf, endsInLetter, numberPart, readsAsWords } from '../../core/ocr/words';
import { captureMemory } from './capture-memory';
import { grabRegion, type ScreenRegion } from './screen-capture';
import type { RecognizeOptions, TesseractRead } from './tesseract-engine';

export interface MultiplierRead {
  /** What was read (after separator repair); empty when the region is blank. */
  readonly text: string;
  /** Null when the text is not a valid multiplier. */
  readonly value: number | null;
  readonly ms: number;
  readonly path: 'glyph' | 'tesseract';
  /** Read on the glyph path from a half-size analysis (a big number in flight, see `readAtHalfSize`). */
  readonly halfSize?: true;
  /** Why `value` is null. */
  readonly unreadable?: Unreadable;
  /** Decimals shown in the number that was read; null when value is null. */
  readonly decimals: number | null;
  /** With a value: what the game does with trailing zeros, once the reader has seen it (see FormatLock.trailingZeros). */
  readonly trailingZeros?: TrailingZeros;
  /** Mean colour (0–255 RGB) of the ink of the line that was read (the number line when there is one); null when blank. */
  readonly ink: Rgb | null;
  /** Text lines in the region other than the one read (e.g. "FLEW AWAY!" above the number, "PREPARING" under it, a progress bar does not count). */
  readonly extraLines: number;
}

export interface CapturedRead extends MultiplierRead {
  /** Wall-clock ms (sub-ms precision) when the capture had its pixels. */
  readonly at: number;
}

/**
 * blank: nothing stands out from the background; invalid: not a multiplier; mismatch: Tesseract's text disagrees
 * with the glyphs on screen (e.g. a lost digit); format: other decimals than the game shows; conflict: contradicts
 * glyphs already confirmed; too-long: more characters than any multiplier has (e.g. the game's crash text);
 * text: words, not a number (a status such as "BUSTED" or "5s"); incomplete: part of the line could not be
 * told apart from what touches it (a digit or point would be missing from the value), or digits came out broken.
 */
export type Unreadable = 'blank' | 'invalid' | 'mismatch' | 'format' | 'conflict' | 'too-long' | 'text' | 'incomplete';

/** "10,000.00x" has 10 glyphs; anything much longer is other text and is not worth two Tesseract calls per frame. */
export const MAX_MULTIPLIER_GLYPHS = 12;

/** What the reader needs from Tesseract; {@link TesseractEngine} is the real one. */
export interface LineRecognizer {
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<TesseractRead>;
}

export interface ReaderOptions {
  /** Glyph matches below this confidence go to Tesseract. */
  readonly minGlyphConfidence: number;
  /**
   * Decimals the game shows; reads with another count are misreads (a lost point turns 3.72x into 372x).
   * Null learns them from the first reads that agree.
   */
  readonly decimals: number | null;
  readonly templates?: TemplateOptions;
  /** False reads every frame at full size: the baseline the OCR bench compares `readAtHalfSize` with. */
  readonly halfSize?: boolean;
}

export interface ReadOptions {
  /** False forces Tesseract (it still teaches the templates), e.g. to audit or to measure that path. */
  readonly allowGlyphs?: boolean;
}

const DEFAULT_OPTIONS: ReaderOptions = { minGlyphConfidence: 0.6, decimals: null };
/**
 * A number at least this tall (px at full size) is read from a half-size analysis first: a quarter of the pixels, and
 * a game's 70 px digits read as well at 35 px. Smaller text gains too little and loses detail (a point, a thin stroke).
 */
const HALF_SIZE_MIN_LINE_HEIGHT = 64;
/** A half-size read may rise above the last read no faster than this growth per ms (the fastest games grow 0.0003/ms)... */
const HALF_SIZE_MAX_RATE_PER_MS = 0.0005;
/** ...over the time since the last read plus this much, and a cent. */
const HALF_SIZE_RISE_SLACK_MS = 50;
/**
 * A lone digit stands for the flight's number only at its height: never shorter by more than this share (a 1 and an 8
 * measure alike), and taller by at most LONE_DIGIT_MAX_GROWTH, as a comet or a sprite touching it adds to its box.
 */
const LONE_DIGIT_HEIGHT_TOLERANCE = 0.15;
const LONE_DIGIT_MAX_GROWTH = 1.5;
/** The second opinion reads at the retry height: an error of Tesseract's at one scale rarely repeats at another. */
const SECOND_OPINION_HEIGHT = TESSERACT_RETRY_HEIGHT;
/** A third scale for a read the glyphs cannot check (`readByAgreement`). */
const AGREEMENT_HEIGHT = 52;

/**
 * Failures that leave open whether the line is words rather than a number at all. Incomplete too: mixed-case words
 * rise above their x-height ("Starting in 5") just as whole digits rise above broken ones.
 */
const NOT_A_NUMBER: ReadonlySet<Unreadable> = new Set(['mismatch', 'invalid', 'too-long', 'incomplete']);

/**
 * A read of one line, before the region's facts (time, other lines) are added. `unmatchedGlyphs`: its characters were
 * not matched to the line's glyphs one to one (Tesseract's own boxes stood in, or its reads agreed with each other),
 * so the line's glyphs must not learn from it.
 */
type LineRead = Pick<MultiplierRead, 'text' | 'value' | 'path' | 'unreadable'> & { readonly unmatchedGlyphs?: true };
/** `glyphsDisagree`: refused because the text cannot be matched to the glyph boxes (not for what it says). */
type TesseractLineRead = LineRead & { readonly glyphsDisagree?: true };

/** How a line is cut into characters: the boxes, their shape classes and their features, one per character. */
interface Segmentation {
  readonly glyphs: readonly Box[];
  readonly shapes: readonly GlyphShape[];
  readonly features: readonly Float32Array[];
}

/**
 * Reads a multiplier region: first by matching glyphs against templates of the game's font (sub-millisecond),
 * else with Tesseract, whose valid reads teach the templates. One reader per region/font. A region with several
 * text lines is read at its tallest line that holds a multiplier, else its tallest line.
 */
export class MultiplierReader {
  private readonly templates: GlyphTemplates;
  /** The same font as a half-size analysis draws it, taught by the same Tesseract-confirmed reads. */
  private readonly halfSizeTemplates: GlyphTemplates;
  /**
   * The number the last read found, by either path, with the region's other lines, the number's height at full size,
   * and when it was read (performance.now).
   */
  private lastNumber: { readonly text: string; readonly value: number; readonly ink: Rgb; readonly extraLines: number; readonly height: number; readonly readAt: number } | null = null;
  private format: FormatLock;
  private readonly options: ReaderOptions;

  constructor(
    private readonly recognizer: LineRecognizer,
    options: Partial<ReaderOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.templates = new GlyphTemplates(this.options.templates);
    this.halfSizeTemplates = new GlyphTemplates(this.options.templates);
    this.format = new FormatLock(this.options.decimals);
  }

  get learnedTemplates(): number {
    return this.templates.templateCount;
  }

  /** The game's format is known (learned in an earlier session): it holds from the next read on (`FormatLock.known`). */
  expectFormat(format: KnownFormat): void {
    if (!this.format.holds(format)) this.format = FormatLock.known(format);
  }

  /** The decimals the game was found to show, once locked. */
  get lockedDecimals(): number | null {
    return this.format.decimals;
  }

  async captureAndRead(region: ScreenRegion, options: ReadOptions = {}): Promise<CapturedRead> {
    return this.capture(region, (image) => this.read(image, options));
  }

  /** Reads a region as an amount (a balance) that may have a label or a currency beside it: see {@link readAmount}. */
  async captureAndReadAmount(region: ScreenRegion): Promise<CapturedRead> {
    return this.capture(region, (image) => this.readAmount(image));
  }

  private async capture(region: ScreenRegion, readImage: (image: RawImage) => Promise<MultiplierRead>): Promise<CapturedRead> {
    captureMemory().reclaimIfDue();
    const start = performance.now();
    const image = await grabRegion(region);
    // Dated when the pixels were in hand, not when the grab was asked for: on a loaded machine the grab can start
    // tens of ms late, and a value dated too early puts the fitted curve ahead of the game and a cash-out below target.
    // Dated at the end, a read can only be behind the game, so a predicted click errs late.
    const grabbed = performance.now();
    const read = await readImage(image);
    return { ...read, at: performance.timeOrigin + grabbed, ms: performance.now() - start };
  }

  /**
   * An amount, with the words beside it left out: a balance region drawn around `1,000.00` holds the end of its
   * label once the number shrinks to `999.34` in a right-aligned bar, and a currency may follow it. Each word is
   * read on its own, right to left; the first that reads a number is the amount. Refused when the word before it
   * reads a number too, or the whole line reads another one: wide-set digits (a tabular `1,111.11`) split into
   * words as well, and one piece of a number is not the amount.
   */
  async readAmount(image: RawImage): Promise<MultiplierRead> {
    const start = performance.now();
    // One analysis for both: the words are cut from the line that the whole-line read reads.
    const region = analyzeRegion(image);
    const line = region.lines[0] ?? null;
    const crops = line ? wordCrops({ glyphs: line.glyphs, missedBoxes: line.missedBoxes, height: line.line.height }, line.ink.width) : null;
    const whole = await this.readAnalysed(region, start);
    if (!line || !crops) return whole;
    const scale = image.width / line.ink.width;
    const readWord = (i: number) => this.read(cropColumns(image, crops[i]!.x0 * scale, crops[i]!.x1 * scale));
    for (let i = 0; i < crops.length; i++) {
      const word = await readWord(i);
      if (word.value === null) continue;
      const pieceOfANumber = (whole.value !== null && whole.value !== word.value) || (i + 1 < crops.length && (await readWord(i + 1)).value !== null);
      if (pieceOfANumber) return { ...whole, value: null, unreadable: 'conflict', decimals: null, ms: performance.now() - start };
      return { ...word, ms: performance.now() - start };
    }
    return { ...whole, ms: performance.now() - start };
  }

  async read(image: RawImage, options: ReadOptions = {}): Promise<MultiplierRead> {
    const start = performance.now();
    const frame = multiplierFrame(image);
    const halfSize = options.allowGlyphs === false || this.options.halfSize === false ? null : this.readAtHalfSize(frame, start);
    if (halfSize) return halfSize;
    return this.readAnalysed(analyzeRegion(image), start, options, frame);
  }

  /**
   * The glyph path on a half-size analysis, while a big number is in flight. It stands only when all agrees: the
   * half-size templates know every digit and match the glyphs, the line is whole and has no rival reading, the
   * decimals are the game's, and the number has the last one's colour, lines beside it, no fewer characters (a digit
   * lost at half size shortens it) and a value the flight can have reached since the last read (a digit misread moves
   * it). Anything else, and every read after one that found no number, is read at full size: so a crash's colour or
   * text is always seen there.
   */
  private readAtHalfSize(frame: MultiplierFrame, start: number): MultiplierRead | null {
    const last = this.lastNumber;
    // Not before the half-size templates know every digit: at half size an unknown digit can still fall within a known
    // one's distance (an 8, before any was learned, matched the 0 and read 1.08 as 1.00).
    if (!last || last.height < HALF_SIZE_MIN_LINE_HEIGHT || !this.halfSizeTemplates.knowsAll(DIGITS)) return null;
    const half = frame.halfSizeLine();
    if (!half) return null;
    const { line, extraLines } = half;
    const matched = this.matchGlyphs(line, this.halfSizeTemplates, shapesOf(line));
    const read = matched && this.oneNumber(matched, line);
    if (!read || read.value === null || [...read.text].length < [...last.text].length || recoloured(line.colour, last.ink) || extraLines !== last.extraLines) return null;
    const reachable = last.value * Math.exp(HALF_SIZE_MAX_RATE_PER_MS * (start - last.readAt + HALF_SIZE_RISE_SLACK_MS)) + 0.01;
    if (read.value < last.value || read.value > reachable) return null;
    this.lastNumber = { text: read.text, value: read.value, ink: line.colour, extraLines, height: 2 * line.line.height, readAt: start };
    return { ...this.finish(read, line, extraLines, start), halfSize: true };
  }

  /**
   * `frame` is the multiplier region read (not a balance): the number found is remembered for the next half-size read,
   * and the region's half-size analysis learns from a Tesseract-confirmed read too.
   */
  private async readAnalysed(analysis: RegionAnalysis, start: number, options: ReadOptions = {}, frame?: MultiplierFrame): Promise<MultiplierRead> {
    const { lines } = analysis;
    const extraLines = Math.max(0, lines.length - 1);
    let fallback: { read: LineRead; line: LineAnalysis } | null = null;
    const last = this.lastNumber;
    if (frame) this.lastNumber = null;
    const stand = (chosen: { read: LineRead & { value: number }; line: LineAnalysis }, extra: number, teachesHalfSize: boolean): MultiplierRead => {
      this.learnFrom(chosen.line, chosen.read);
      if (frame) {
        if (teachesHalfSize && this.teachesHalfSize(chosen.read)) this.learnAtHalfSize(frame, chosen.read.text);
        this.lastNumber = { text: chosen.read.text, value: chosen.read.value, ink: chosen.line.colour, extraLines: extra, height: chosen.line.line.height * regionShrink(frame.image), readAt: start };
      }
      return this.finish(chosen.read, chosen.line, extra, start);
    };
    for (const line of lines) {
      const chosen = await this.readHypotheses(line, options);
      if (hasValue(chosen)) return stand(chosen, extraLines, line === lines[0]);
      fallback ??= { read: chosen.read, line };
    }
    const lone = frame && last ? await this.readLoneDigit(analysis, last, regionShrink(frame.image), options) : null;
    if (lone) return stand(lone, lines.length, false);
    if (!fallback) return { text: '', value: null, ms: performance.now() - start, path: 'glyph', unreadable: 'blank', decimals: null, ink: null, extraLines: 0 };
    return this.finish(fallback.read, fallback.line, extraLines, start);
  }

  /**
   * A one-glyph line left out beside the region's lines, read as the number when the last read found the flight's
   * number at its height and in its colour, and it continues that number: a game with no sign that drops trailing
   * zeros shows 3.00 as a lone `3` under its label, and reading the label instead ended the flight as crash text.
   * Sprites and specks rarely match all of that, and never a value the flight can have. The lines beside it are not
   * compared: a curve crossing the label hides it from some reads and not others.
   */
  private async readLoneDigit(analysis: RegionAnalysis, last: NonNullable<MultiplierReader['lastNumber']>, shrink: number, options: ReadOptions): Promise<{ read: LineRead & { value: number }; line: LineAnalysis } | null> {
    for (const line of analysis.loneGlyphs) {
      const height = line.line.height * shrink;
      if (height < (1 - LONE_DIGIT_HEIGHT_TOLERANCE) * last.height || height > LONE_DIGIT_MAX_GROWTH * last.height || recoloured(line.colour, last.ink)) continue;
      const chosen = await this.readHypotheses(line, options);
      if (hasValue(chosen) && chosen.read.value >= last.value && chosen.read.value <= Math.floor(last.value) + 1) return chosen;
    }
    return null;
  }

  /**
   * A Tesseract-confirmed read teaches the half-size templates, and so does a glyph-path read that shows a digit they
   * do not know yet: once the full-size templates read the flight, Tesseract stops, and a digit its first reads left
   * unlearned at half size kept every read at full size (`neon` read none of 1,610 flight frames at half size).
   */
  private teachesHalfSize(read: LineRead): boolean {
    if (read.unmatchedGlyphs) return false;
    return read.path === 'tesseract' || [...read.text].some((c) => DIGITS.includes(c) && !this.halfSizeTemplates.knowsAll(c));
  }

  /** Teaches the half-size templates when the half-size analysis finds the same line whole, glyph for character. */
  private learnAtHalfSize(frame: MultiplierFrame, text: string): void {
    const half = frame.halfSizeLine();
    if (half) this.halfSizeTemplates.learn(half.line.features, text);
  }

  /**
   * The last word on a value: its text must parse to that one number, with at most one decimal point, in the
   * decimals the game shows. Every path checks this on its own; a read that slips through is refused, never guessed.
   */
  private oneNumber(read: LineRead, line: LineAnalysis): LineRead {
    if (read.value === null) return read;
    if (skipsSeparatorRoom(read.text, line.glyphs, (g) => glyphShape(g, line.line) === 'tall', line.line)) return { ...read, value: null, unreadable: 'incomplete' };
    const sound = wellFormedSeparators(read.text) && parseMultiplier(read.text)?.value === read.value && this.format.accepts(read.text);
    return sound ? read : { ...read, value: null, unreadable: 'invalid' };
  }

  /** A value read by Tesseract teaches the glyph templates and the decimals; only the read that stands does. */
  private learnFrom(line: LineAnalysis, read: LineRead): void {
    if (read.path !== 'tesseract' || read.unmatchedGlyphs) return;
    this.templates.learn(line.features, read.text);
    this.format.confirm(read.text);
  }

  /**
   * A line chosen among close colour hypotheses stands only if none of the others reads another value. When the
   * chosen one reads nothing (a point lost to a shadow under that colour split), the first rival that reads a value
   * stands on the same terms. Rivals are read only when there is a close call: most lines have none. Two values
   * that differ only by a point the other split left room for are one number (`pointLostByOneSplit`).
   */
  private async readHypotheses(line: LineAnalysis, options: ReadOptions): Promise<{ read: LineRead; line: LineAnalysis }> {
    const reads: { raw: LineRead; read: LineRead; line: LineAnalysis }[] = [];
    for (const hypothesis of [line, ...(line.rivals ?? [])]) {
      const raw = await this.readLine(hypothesis, options);
      reads.push({ raw, read: this.oneNumber(raw, hypothesis), line: hypothesis });
    }
    const first = reads[0]!;
    // Any value a hypothesis saw counts against the others, even one the format checks would refuse.
    const values = new Set(reads.flatMap((r) => (r.raw.value === null ? [] : [r.raw.value])));
    if (values.size > 1) return pointLostByOneSplit(reads) ?? { read: { ...first.read, value: null, unreadable: 'mismatch' }, line };
    const standing = reads.find((r) => r.read.value !== null);
    if (!standing) return first;
    const others = reads.filter((r) => r !== standing).map((r) => r.line);
    return others.some((other) => digitsBeyond(other, standing.line)) ? { read: { ...standing.read, value: null, unreadable: 'incomplete' }, line: standing.line } : standing;
  }

  private finish({ unmatchedGlyphs: _, ...read }: LineRead, line: LineAnalysis, extraLines: number, start: number): MultiplierRead {
    if (read.value === null) return { ...read, ms: performance.now() - start, decimals: null, ink: line.colour, extraLines };
    this.format.shown(read.text);
    const zeros = this.format.trailingZeros;
    return { ...read, ms: performance.now() - start, decimals: this.format.decimalsOf(read.text), ...(zeros ? { trailingZeros: zeros } : {}), ink: line.colour, extraLines };
  }

  /** The line as a multiplier; failing that, as words when it shows them (a status the phase logic wants to see). */
  private async readLine(line: LineAnalysis, options: ReadOptions): Promise<LineRead> {
    const read = await this.readNumber(line, options);
    if (read.value !== null || !NOT_A_NUMBER.has(read.unreadable ?? 'blank')) return read;
    return (await this.readWords(line)) ?? read;
  }

  private async readWords(line: LineAnalysis): Promise<LineRead | null> {
    const { image } = tesseractInput(line, TESSERACT_TEXT_HEIGHT);
    // No raw-line retry here: without layout analysis a sprite or a bar reads as letters, which would pass for words.
    const { text } = await this.recognizer.recognize(image, { alphabet: 'any' });
    return readsAsWords(text) ? { text: text.replace(/\s+/g, ' ').trim(), value: null, path: 'tesseract', unreadable: 'text' } : null;
  }

  private async readNumber(line: LineAnalysis, { allowGlyphs = true }: ReadOptions): Promise<LineRead> {
    if (line.glyphs.length > MAX_MULTIPLIER_GLYPHS) {
      return { text: `(${line.glyphs.length} characters of text)`, value: null, path: 'glyph', unreadable: 'too-long' };
    }
    if (incomplete(line)) return { text: '', value: null, path: 'glyph', unreadable: 'incomplete' };
    const shapes = shapesOf(line);
    const glyphRead = allowGlyphs ? this.matchGlyphs(line, this.templates, shapes) : null;
    return glyphRead ?? this.readWithTesseract(line, shapes);
  }

  /** The line read by the font's templates alone; null when they are not sure or the text is not the game's number. */
  private matchGlyphs(line: LineAnalysis, templates: GlyphTemplates, shapes: readonly GlyphShape[]): LineRead | null {
    const match = templates.match(line.features);
    if (!match || match.confidence < this.options.minGlyphConfidence || !textFitsShapes(match.text, shapes)) return null;
    const text = fixSeparatorsByGrouping(match.text);
    const parsed = parseMultiplier(text);
    return parsed && this.format.accepts(text) ? { text, value: parsed.value, path: 'glyph' } : null;
  }

  private async readWithTesseract(line: LineAnalysis, shapes: readonly GlyphShape[]): Promise<LineRead> {
    const glyphs: Segmentation = { glyphs: line.glyphs, shapes, features: line.features };
    const first = await this.recognizeAt(TESSERACT_TEXT_HEIGHT, line, glyphs);
    if (first.unreadable !== 'mismatch' && first.unreadable !== 'invalid') return first;
    const retry = await this.recognizeAt(TESSERACT_RETRY_HEIGHT, line, glyphs);
    if (!retry.unreadable) return retry;
    const bothDisagreeWithGlyphs = first.glyphsDisagree && retry.glyphsDisagree && first.text !== '' && first.text === retry.text;
    if (!bothDisagreeWithGlyphs) return first;
    return (await this.readBySymbols(line, first.text)) ?? (await this.readByAgreement(line, first.text, shapes)) ?? first;
  }

  /**
   * Glyph boxes that cannot be matched to Tesseract's characters one to one (a star fused above one of two 9s, a
   * gradient's faded top that makes a 2 measure as a mark) leave its digits to be checked by Tesseract itself. A read
   * with one decimal point that the glyphs place (`glyphsPlacePoint`), read the same at both scales, stands when a
   * third read, unrestricted and at a third scale, writes the same digits and point and no words. It never teaches
   * the templates.
   */
  private async readByAgreement(line: LineAnalysis, text: string, shapes: readonly GlyphShape[]): Promise<LineRead | null> {
    const parsed = parseMultiplier(text);
    if (!parsed || !glyphsPlacePoint(text.replace(/X/g, 'x'), line.glyphs, shapes, line.line) || !this.format.accepts(text)) return null;
    const { image } = tesseractInput(line, AGREEMENT_HEIGHT);
    const other = (await this.recognizeLine(image, { alphabet: 'any' })).text;
    if (readsAsWords(other) || numberPart(other) !== numberPart(text)) return null;
    return { text, value: parsed.value, path: 'tesseract', unmatchedGlyphs: true };
  }

  private async recognizeAt(textHeight: number, line: LineAnalysis, glyphs: Segmentation): Promise<TesseractLineRead> {
    const { image } = tesseractInput(line, textHeight);
    return this.judge((await this.recognizeLine(image)).text, line, glyphs);
  }

  /**
   * The glyph boxes could not be matched to what Tesseract read the same way at both scales (an outline's or a
   * shadow's specks taken for extra points, a point fused with its digit): Tesseract's own boxes for its characters
   * stand in for them when they fit the text and hold all the line's ink (`glyphsFromSymbols`), and the read is
   * judged on those like any other. It never teaches the templates: the line's glyphs are not its characters.
   */
  private async readBySymbols(line: LineAnalysis, text: string): Promise<LineRead | null> {
    const { image, scale } = tesseractInput(line, TESSERACT_TEXT_HEIGHT);
    const read = await this.recognizeLine(image, { symbols: true });
    if (read.text !== text || !read.symbols) return null;
    const symbols = read.symbols.map((s) => ({ text: s.text.replace('X', 'x'), box: fromTesseractInput(s.box, line.box, scale) }));
    const cut = glyphsFromSymbols(text.replace(/X/g, 'x'), symbols, line, GLYPH_INK);
    if (!cut) return null;
    const segmentation = { ...cut, features: cut.glyphs.map((b) => glyphFeatures(line.ink, b, line.line)) };
    const judged = await this.judge(read.text, line, segmentation);
    return judged.value === null ? null : { text: judged.text, value: judged.value, path: 'tesseract', unmatchedGlyphs: true };
  }

  /** Tesseract's text for `line` checked against its glyphs: every check a value must pass to stand. */
  private async judge(tesseractText: string, line: LineAnalysis, { glyphs, shapes, features }: Segmentation): Promise<TesseractLineRead> {
    const text = reconcileWithShapes(tesseractText, shapes, digitCapacity(glyphs, shapes, line.line));
    if (text === null || !readAgreesWithGlyphs(text, features)) return { text: tesseractText, value: null, path: 'tesseract', unreadable: 'mismatch', glyphsDisagree: true };
    // An outline or a shadow encloses gaps that pass for counters (a 5 with two): with a separator to check the digits
    // against, a second read that agrees outweighs them. An integer has no such check, and a 6 read as 3 both times.
    const counters = readFitsCounters(text, line.ink, glyphs, GLYPH_INK, line.line.height);
    const integer = !shapes.some((s) => s === 'dot' || s === 'comma');
    if ((!counters && integer) || drawnHollow(text, line.ink, glyphs, GLYPH_INK, line.line.height)) return { text: tesseractText, value: null, path: 'tesseract', unreadable: 'mismatch' };
    const parsed = parseMultiplier(text);
    if (!parsed) return { text, value: null, path: 'tesseract', unreadable: 'invalid' };
    const opinion = await this.secondOpinion(line, { glyphs, shapes }, text, !counters);
    if (opinion !== 'agrees') return { text: tesseractText, value: null, path: 'tesseract', unreadable: opinion === 'words' ? 'text' : 'mismatch' };
    if (!this.format.accepts(text)) {
      this.format.refused(text);
      return { text, value: null, path: 'tesseract', unreadable: 'format' };
    }
    // Tesseract's own confidence is no guide (it is low for correct × reads): these checks guard the templates.
    if (this.templates.contradicts(features, text)) return { text, value: null, path: 'tesseract', unreadable: 'conflict' };
    return { text, value: parsed.value, path: 'tesseract' };
  }

  /**
   * A number line Tesseract's layout analysis found nothing in (a glow or a heavy halo can make it drop a legible
   * line) is read once more as one raw line; every check of the read still applies.
   */
  private async recognizeLine(image: Uint8Array, options: Omit<RecognizeOptions, 'layout'> = {}): Promise<TesseractRead> {
    const read = await this.recognizer.recognize(image, options);
    return read.text ? read : this.recognizer.recognize(image, { ...options, layout: 'raw-line' });
  }

  /**
   * Tesseract restricted to multiplier characters writes digits and x for letters too ("5s" as 5x, "BUSTED" as
   * six digits), and a number without a separator has no structure to check a misread digit against. So an
   * x-height glyph not drawn as a cross, a number without separator, or a read `doubted` by the counters is read
   * once more, at another scale and without the restriction: letters there mean words, other digits a misread.
   */
  private async secondOpinion(line: LineAnalysis, { glyphs, shapes }: Pick<Segmentation, 'glyphs' | 'shapes'>, text: string, doubted: boolean): Promise<'agrees' | 'words' | 'disagrees'> {
    const oddMark = glyphs.some((g, i) => shapes[i] === 'mid' && !looksLikeCross(line.ink, g, GLYPH_INK));
    const integer = !shapes.some((s) => s === 'dot' || s === 'comma');
    // A mark as tall as the digits (an upper-case X) may be a digit taken for one: "3.4X" for 3.47 drops a decimal.
    const tallMark = [...text].some((c, i) => (c === 'x' || c === '×') && shapes[i] === 'tall');
    if (!oddMark && !integer && !doubted && !tallMark) return 'agrees';
    const { image } = tesseractInput(line, SECOND_OPINION_HEIGHT);
    const other = (await this.recognizeLine(image, { alphabet: 'any' })).text;
    if (readsAsWords(other) || (oddMark && endsInLetter(other))) return 'words';
    const markKept = !tallMark || /^\s*[xX×]|[xX×]\s*$/.test(other);
    return digitsOf(other) === digitsOf(text) && markKept ? 'agrees' : 'disagrees';
  }
}

function hasValue<T extends { read: LineRead }>(chosen: T): chosen is T & { read: LineRead & { value: number } } {
  return chosen.read.value !== null;
}

/**
 * Of two readings that differ only by a decimal point, the one with the point, when every reading without it left
 * room for that point where it lies (`roomForPoint`): a glow's colour split can drop a point that the core's keeps.
 */
function pointLostByOneSplit(reads: readonly { raw: LineRead; read: LineRead; line: LineAnalysis }[]): { read: LineRead; line: LineAnalysis } | null {
  const valued = reads.filter((r) => r.raw.value !== null);
  const pointed = valued.filter((r) => r.read.value !== null && r.read.text.includes('.'));
  const plain = valued.filter((r) => !/[.,]/.test(r.raw.text));
  const chosen = pointed[0];
  if (!chosen || pointed.length + plain.length !== valued.length || plain.length === 0) return null;
  if (pointed.some((r) => r.read.value !== chosen.read.value) || valued.some((r) => digitsOf(r.raw.text) !== digitsOf(chosen.read.text))) return null;
  const points = chosen.line.glyphs.filter((g) => glyphShape(g, chosen.line.line) === 'dot');
  const point = points[0];
  const digitsBefore = digitsOf(chosen.read.text.slice(0, chosen.read.text.indexOf('.'))).length;
  if (!point || points.length !== 1) return null;
  return plain.every((r) => roomForPoint(r.line, digitsBefore, point)) ? { read: chosen.read, line: chosen.line } : null;
}

/**
 * Whether another colour split of the band found digits on the same baseline beside all of `read`'s glyphs: the split
 * that reads lost them (a curve fused to "2.08x" took them from it, and "8,812.08x" read 8.81).
 */
function digitsBeyond(other: LineAnalysis, read: LineAnalysis): boolean {
  const { height } = read.line;
  const bottom = read.bandTop + read.line.bottom;
  return other.glyphs.some((g) => glyphShape(g, other.line) === 'tall' && Math.abs(other.bandTop + g.y1 - bottom) <= 0.2 * height && (g.x1 <= read.box.x0 || g.x0 >= read.box.x1));
}

/** The line as Tesseract is given it, its text scaled to `textHeight`, and the scale used. */
function tesseractInput(line: LineAnalysis, textHeight: number): { readonly image: Uint8Array; readonly scale: number } {
  const scale = textHeight / (line.box.y1 - line.box.y0);
  return { image: encodePgm(cropScaleInvert(line.ink, line.box, scale)), scale };
}

function shapesOf({ glyphs, line, ink }: LineAnalysis): GlyphShape[] {
  return glyphs.map((g, i) => {
    const shape = glyphShape(g, line);
    return shape === 'tall' && heavyCrossMark(ink, glyphs, i, GLYPH_INK) ? 'mid' : shape;
  });
}

interface HalfSizeLine {
  readonly line: LineAnalysis;
  readonly extraLines: number;
}

/** A multiplier region's capture, with its half-size line analysed at most once per read (the read and the lesson share it). */
interface MultiplierFrame {
  readonly image: RawImage;
  halfSizeLine(): HalfSizeLine | null;
}

function multiplierFrame(image: RawImage): MultiplierFrame {
  let half: HalfSizeLine | null | undefined;
  return { image, halfSizeLine: () => (half === undefined ? (half = halfSizeLine(image)) : half) };
}

/**
 * The region's tallest line from a half-size analysis, when it can be read there: a number at least
 * HALF_SIZE_MIN_LINE_HEIGHT tall at full size, whole, with no rival reading, in a region analysed at full size
 * otherwise. The same line both teaches the half-size templates and is read by them.
 */
function halfSizeLine(image: RawImage): HalfSizeLine | null {
  if (regionShrink(image) !== 1) return null;
  const { lines } = analyzeRegion(image, 2);
  const line = lines[0];
  if (!line || 2 * line.line.height < HALF_SIZE_MIN_LINE_HEIGHT || line.rivals?.length || incomplete(line)) return null;
  return { line, extraLines: lines.length - 1 };
}

/** Part of the line could not be told apart from what touches it, or its digits came out broken. */
function incomplete(line: LineAnalysis): boolean {
  return line.missedBlobs > 0 || brokenDigits(line.glyphs, line.line) || obstructedGlyph(line.glyphs, line.line);
}
