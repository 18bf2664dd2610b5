import { describe, expect, it } from 'vitest';
import { drawText } from './bitmap-font.fixture';
import { glyphShape } from './glyph-shapes';
import { featureDistance } from './glyph-features';
import { DEFAULT_TEMPLATE_OPTIONS, GlyphTemplates } from './glyph-templates';
import { analyzeLine, type LineAnalysis } from './line-analysis';
import { brokenDigits, lineMetrics } from './line-metrics';

function analyze(text: string, scale = 3): LineAnalysis {
  const line = analyzeLine(drawText(text, { scale }));
  if (!line) throw new Error(`no text found in ${text}`);
  return line;
}

describe('segmentation', () => {
  it('finds one glyph per character with its own vertical extent', () => {
    const line = analyze('1,234.56x');
    expect(line.glyphs).toHaveLength(9);
    expect(line.glyphs.map((g) => glyphShape(g, line.line))).toEqual(['tall', 'comma', 'tall', 'tall', 'tall', 'dot', 'tall', 'tall', 'mid']);
  });

  it('cuts touching digits apart at their faintest column', () => {
    const touching = analyzeLine(drawText('4848', { gap: 0 }));
    expect(touching?.glyphs).toHaveLength(4);
    const widths = touching?.glyphs.map((g) => g.x1 - g.x0) ?? [];
    expect(widths.reduce((a, b) => a + b, 0)).toBe(4 * 5 * 3);
    for (const width of widths) expect(width).toBeLessThanOrEqual(6 * 3);
  });

  it('does not cut a lone wide glyph next to narrow digits', () => {
    expect(analyzeLine(drawText('1.11x'))?.glyphs).toHaveLength(5);
  });

  it('takes the digit height from the digits, not from a digit that a comma touches', () => {
    const digit = (x0: number) => ({ x0, x1: x0 + 6, y0: 10, y1: 21 });
    expect(lineMetrics([digit(0), { x0: 8, x1: 16, y0: 10, y1: 24 }, digit(18), digit(26)])).toEqual({ top: 10, bottom: 21, height: 11 });
  });

  it('tells a line whose 5s lost their top bar (the metrics then follow the broken digits) from a whole one', () => {
    // "15.45×" in C059 bold at 14 px as measured: 1 and 4 are 10 px tall, the 5s 7 px, so the line looks 7 px tall.
    const box = (x0: number, x1: number, y0: number, y1: number) => ({ x0, x1, y0, y1 });
    const broken = [box(34, 39, 6, 16), box(41, 48, 9, 16), box(49, 51, 14, 16), box(53, 60, 6, 16), box(61, 68, 9, 16), box(69, 76, 9, 16)];
    const metrics = lineMetrics(broken);
    expect(metrics?.height).toBe(7);
    expect(brokenDigits(broken, metrics!)).toBe(true);
    for (const text of ['15.45x', '1,234.56x', 'x7.37', '118x']) {
      const line = analyze(text);
      expect(brokenDigits(line.glyphs, line.line), text).toBe(false);
    }
    // One digit and its mark: the median height falls between the two, which is no sign of a broken digit.
    expect(brokenDigits([box(0, 8, 0, 12), box(10, 18, 4, 12)], { top: 2, bottom: 12, height: 10 })).toBe(false);
  });

  it('returns null for a blank region', () => {
    expect(analyzeLine(drawText(''))).toBeNull();
  });
});

describe('glyph features', () => {
  it('tell a point from a comma and a digit by size and position', () => {
    const line = analyze('1,2.3');
    const [, comma, , point] = line.features;
    const digitOne = line.features[0];
    expect(comma && point && digitOne).toBeTruthy();
    const templates = new GlyphTemplates();
    expect(templates.learn(line.features, '1,2.3')).toBe('learned');
    templates.learn(analyze('4567890').features, '4567890');
    expect(templates.match(analyze('3.2,1').features)?.text).toBe('3.2,1');
  });

  it('are the same for any text size, so templates carry over to a rescaled region', () => {
    const templates = new GlyphTemplates();
    templates.learn(analyze('1234567890.x', 3).features, '1234567890.x');
    expect(templates.match(analyze('98.76x', 4).features)?.text).toBe('98.76x');
  });
});

describe('GlyphTemplates', () => {
  it('matches only what it has learned and says so with a confidence', () => {
    const templates = new GlyphTemplates();
    expect(templates.match(analyze('2.35x').features)).toBeNull();
    templates.learn(analyze('2.35x').features, '2.35x');
    const match = templates.match(analyze('5.32x').features);
    expect(match?.text).toBe('5.32x');
    expect(match?.confidence).toBeGreaterThan(0.9);
  });

  it('calls an unseen digit unknown instead of guessing the nearest one', () => {
    const templates = new GlyphTemplates();
    templates.learn(analyze('1234567.x').features, '1234567.x');
    // 8 and 9 look like 3, 6 and 0... but were never confirmed.
    expect(templates.match(analyze('8.9x').features)).toBeNull();
    expect(templates.match(analyze('2.9x').features)).toBeNull();
  });

  it('refuses to learn when glyph and character counts differ', () => {
    const templates = new GlyphTemplates();
    expect(templates.learn(analyze('2.35x').features, '235x')).toBe('count-mismatch');
    expect(templates.templateCount).toBe(0);
  });

  it('refuses a confirmation that contradicts what it already knows (a Tesseract misread)', () => {
    const templates = new GlyphTemplates();
    templates.learn(analyze('1.23x').features, '1.23x');
    expect(templates.learn(analyze('1.23x').features, '7.23x')).toBe('conflict');
    templates.learn(analyze('4567890').features, '4567890');
    expect(templates.learn(analyze('1.23x').features, '7.23x')).toBe('conflict');
    expect(templates.match(analyze('1.23x').features)?.text).toBe('1.23x');
  });

  it('a digit not yet learned is neither read as the learned digit it resembles nor refused for resembling it', () => {
    // Stranger game `orbit`: the session's first read was 3.07x, and its italic 1 stood near that 7. The glyphs read
    // 1.01x as 7.07x, a 3.08x target was clicked at 1.07x, and every right Tesseract read of a 1 was refused.
    const templates = new GlyphTemplates();
    const first = analyze('3.07x').features;
    templates.learn(first, '3.07x');
    const seven = first[3]!;
    const one = seven.map((v) => v + Math.sqrt(0.004));
    expect(featureDistance(one, seven)).toBeLessThan(DEFAULT_TEMPLATE_OPTIONS.maxDistance);
    const flight = [one, first[1]!, first[2]!, one, first[4]!];
    expect(templates.match(flight)).toBeNull();
    expect(templates.contradicts(flight, '1.01x')).toBe(false);
    expect(templates.learn(flight, '1.01x')).toBe('learned');
  });

  it('does not store copies of a glyph it already knows', () => {
    const templates = new GlyphTemplates();
    templates.learn(analyze('1.11x').features, '1.11x');
    expect(templates.templateCount).toBe(3);
    expect(templates.learn(analyze('11.1x').features, '11.1x')).toBe('known');
    expect(templates.templateCount).toBe(3);
  });
});
