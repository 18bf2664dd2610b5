// Runs in: anywhere (pure).
import { featureDistance } from './glyph-features';

export interface TemplateOptions {
  /** A glyph farther than this from every template is unknown. */
  readonly maxDistance: number;
  /** Best distance must be at most this fraction of the best distance to any other character. */
  readonly maxRatio: number;
  /** A learned glyph closer than this to a template of its own character adds nothing. */
  readonly noveltyDistance: number;
  readonly maxPerChar: number;
}

export const DEFAULT_TEMPLATE_OPTIONS: TemplateOptions = { maxDistance: 0.008, maxRatio: 0.4, noveltyDistance: 0.0005, maxPerChar: 12 };

export interface GlyphMatch {
  readonly text: string;
  /** 0..1: 1 − (best distance / best distance to another character), the weakest glyph's. */
  readonly confidence: number;
}

export const DIGITS = '0123456789';
/** Renderings of one glyph stand within a few novelty distances of each other; two digits, however alike, farther. */
const SAME_GLYPH_NOVELTIES = 4;

export type LearnOutcome = 'learned' | 'known' | 'count-mismatch' | 'conflict';

interface Nearest {
  readonly char: string;
  readonly distance: number;
  readonly otherDistance: number;
}

/** Glyph templates of one font, learned from confirmed reads; matches a whole line by nearest template per glyph. */
export class GlyphTemplates {
  private readonly byChar = new Map<string, Float32Array[]>();

  constructor(private readonly options: TemplateOptions = DEFAULT_TEMPLATE_OPTIONS) {}

  get templateCount(): number {
    let count = 0;
    for (const list of this.byChar.values()) count += list.length;
    return count;
  }

  /** Whether every one of `chars` has a template. */
  knowsAll(chars: string): boolean {
    return [...chars].every((c) => (this.byChar.get(c)?.length ?? 0) > 0);
  }

  /**
   * Null when any glyph is unknown or ambiguous. Before every digit has a template, a glyph must be one already
   * learned (within a few novelty distances of its template), not merely near one: a digit never learned matches the
   * nearest learned one (an italic 1 read as the 7 of a session's first read, 3.07x, so 1.01x read 7.07x and a 3.08x
   * target was clicked at 1.07x; stranger game `orbit`).
   */
  match(glyphs: readonly Float32Array[]): GlyphMatch | null {
    if (glyphs.length === 0) return null;
    const within = this.knowsAll(DIGITS) ? this.options.maxDistance : this.sameGlyphDistance();
    let text = '';
    let confidence = 1;
    for (const glyph of glyphs) {
      const nearest = this.nearest(glyph);
      if (!nearest || nearest.distance > within) return null;
      const ratio = nearest.otherDistance === Infinity ? 0 : nearest.distance / Math.max(nearest.otherDistance, 1e-9);
      if (ratio > this.options.maxRatio) return null;
      text += nearest.char;
      confidence = Math.min(confidence, 1 - ratio);
    }
    return { text, confidence };
  }

  /**
   * Stores each glyph under its character of a confirmed `text`. Refuses the whole line when the counts differ
   * (glyphs touched or split) or when a glyph confidently matches another character (the confirmation was a misread).
   */
  learn(glyphs: readonly Float32Array[], text: string): LearnOutcome {
    const chars = [...text];
    if (chars.length !== glyphs.length) return 'count-mismatch';
    if (this.contradicts(glyphs, text)) return 'conflict';
    const additions: [string, Float32Array][] = [];
    for (const [i, glyph] of glyphs.entries()) {
      const char = chars[i] ?? '';
      if (this.ownDistance(glyph, char) > this.options.noveltyDistance) additions.push([char, glyph]);
    }
    let added = false;
    for (const [char, glyph] of additions) {
      const list = this.byChar.get(char) ?? [];
      if (list.length >= this.options.maxPerChar) continue;
      if (list.every((t) => featureDistance(t, glyph) > this.options.noveltyDistance)) {
        list.push(glyph);
        added = true;
      }
      this.byChar.set(char, list);
    }
    return added ? 'learned' : 'known';
  }

  /**
   * Whether a glyph of `text` (one character per glyph) confidently matches a template of another character. Until
   * every digit has a template, a digit with none is contradicted only by another's template of the same glyph (a
   * Tesseract misread of a glyph it read otherwise before): merely near the only templates there are proves nothing
   * (the italic 1 near the 7 above: its right reads were refused as conflicts, so the 1 was never learned).
   */
  contradicts(glyphs: readonly Float32Array[], text: string): boolean {
    const chars = [...text];
    if (chars.length !== glyphs.length) return false;
    const alphabetKnown = this.knowsAll(DIGITS);
    return glyphs.some((glyph, i) => {
      const char = chars[i] ?? '';
      const unlearned = !alphabetKnown && DIGITS.includes(char) && !this.knowsAll(char);
      const nearest = this.nearest(glyph);
      const within = unlearned ? this.sameGlyphDistance() : this.options.maxDistance;
      const other = nearest !== null && !interchangeable(nearest.char, char) && nearest.distance <= within;
      return other && nearest.distance < this.ownDistance(glyph, char);
    });
  }

  private sameGlyphDistance(): number {
    return SAME_GLYPH_NOVELTIES * this.options.noveltyDistance;
  }

  private ownDistance(glyph: Float32Array, char: string): number {
    let best = Infinity;
    for (const template of this.byChar.get(char) ?? []) best = Math.min(best, featureDistance(glyph, template));
    return best;
  }

  private nearest(glyph: Float32Array): Nearest | null {
    let bestChar = '';
    let best = Infinity;
    let secondOther = Infinity;
    for (const [char, list] of this.byChar) {
      let own = Infinity;
      for (const template of list) own = Math.min(own, featureDistance(glyph, template));
      if (own < best) {
        if (bestChar !== '') secondOther = Math.min(secondOther, best);
        best = own;
        bestChar = char;
      } else {
        secondOther = Math.min(secondOther, own);
      }
    }
    return bestChar === '' ? null : { char: bestChar, distance: best, otherDistance: secondOther };
  }
}

/** Point and comma differ by a pixel at small sizes; the digit grouping, not the glyph, tells them apart. */
function interchangeable(a: string, b: string): boolean {
  return a === b || ((a === '.' || a === ',') && (b === '.' || b === ','));
}
