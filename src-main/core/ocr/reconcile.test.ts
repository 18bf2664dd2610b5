import { describe, expect, it } from 'vitest';
import type { GlyphShape } from './glyph-shapes';
import { reconcileWithShapes } from './reconcile';

const shapesOf = (pattern: string): GlyphShape[] =>
  [...pattern].map((c) => ({ d: 'tall', x: 'mid', '.': 'dot', ',': 'comma' })[c] as GlyphShape);

describe('reconcileWithShapes', () => {
  it('passes text that fits the glyphs on screen', () => {
    expect(reconcileWithShapes('2.35x', shapesOf('d.ddx'))).toBe('2.35x');
    expect(reconcileWithShapes('1,234.56×', shapesOf('d,ddd.ddx'))).toBe('1,234.56×');
    expect(reconcileWithShapes('X2.35', shapesOf('dd.dd'))).toBe('x2.35');
  });

  it('puts back a decimal point Tesseract dropped, and fixes a swapped separator', () => {
    expect(reconcileWithShapes('235x', shapesOf('d.ddx'))).toBe('2.35x');
    expect(reconcileWithShapes('2,35x', shapesOf('d.ddx'))).toBe('2.35x');
    expect(reconcileWithShapes('1.234.56x', shapesOf('d,ddd.ddx'))).toBe('1,234.56x');
  });

  it('rejects a read that lost a digit the screen shows', () => {
    expect(reconcileWithShapes('44.35x', shapesOf('ddd.ddx'))).toBeNull();
  });

  it('finds an upper-case X among the tall glyphs', () => {
    expect(reconcileWithShapes('X2.35', shapesOf('dd.dd'))).toBe('x2.35');
    expect(reconcileWithShapes('X235', shapesOf('dd.dd'))).toBe('x2.35');
    expect(reconcileWithShapes('235X', shapesOf('d.ddd'))).toBe('2.35x');
  });

  it('repairs a separator read as x', () => {
    expect(reconcileWithShapes('29x093.22', shapesOf('dd,ddd.dd'))).toBe('29,093.22');
  });

  it('rejects a read that lost a separator the screen shows, when the glyphs cannot be aligned', () => {
    expect(reconcileWithShapes('2355x', shapesOf('d.ddx'))).toBeNull();
  });

  it('keeps Tesseract digits when an x touches a digit and hides in its glyph', () => {
    expect(reconcileWithShapes('12.34x', shapesOf('dd.dd'))).toBe('12.34');
  });
});

describe('a reconciled read is one number', () => {
  it('never puts a second decimal point where a speck between digits looks like one ("118.10×", not "118.1.0x")', () => {
    expect(reconcileWithShapes('118.10x', shapesOf('ddd.d.dx'))).toBeNull();
    expect(reconcileWithShapes('118.1.0x', shapesOf('ddd.d.dx'))).toBeNull();
    expect(reconcileWithShapes('11810x', shapesOf('ddd.d.dx'))).toBeNull();
    expect(reconcileWithShapes('1.2.3', shapesOf('d.d.d'))).toBeNull();
  });

  it('refuses separators no multiplier has: a point before a comma, a comma not followed by three digits', () => {
    expect(reconcileWithShapes('1.234,56x', shapesOf('d.ddd.ddx'))).toBe('1,234.56x');
    expect(reconcileWithShapes('12.345.678', shapesOf('dd.ddd.ddd'))).toBe('12,345,678');
    expect(reconcileWithShapes('1.23,456', shapesOf('d.dd,ddd'))).toBeNull();
    expect(reconcileWithShapes('1,2345x', shapesOf('d,ddddx'))).toBeNull();
  });

  it('never drops a separator Tesseract saw when the glyphs lost it (56.53 is not 5653, 4.1 not x41)', () => {
    expect(reconcileWithShapes('56.53', shapesOf('dddd'))).toBeNull();
    expect(reconcileWithShapes('4.1', shapesOf('xdd'))).toBeNull();
    expect(reconcileWithShapes('X56.53', shapesOf('ddddd'))).toBeNull();
  });

  it('may drop a thousands comma the glyphs lost: the value is the same', () => {
    expect(reconcileWithShapes('59,412.98x', shapesOf('ddddd.ddx'))).toBe('59412.98x');
  });

  it('still reads one point, thousands commas, and none', () => {
    expect(reconcileWithShapes('118.10x', shapesOf('ddd.ddx'))).toBe('118.10x');
    expect(reconcileWithShapes('12,345.6', shapesOf('dd,ddd.d'))).toBe('12,345.6');
    expect(reconcileWithShapes('x600', shapesOf('xddd'))).toBe('x600');
  });
});

describe('fixSeparatorsByGrouping', () => {
  it('decides point or comma from the digits that follow', () => {
    expect(reconcileWithShapes('x26.841.43', shapesOf('xdd.ddd.dd'))).toBe('x26,841.43');
    expect(reconcileWithShapes('1.234x', shapesOf('d.dddx'))).toBe('1,234x');
    expect(reconcileWithShapes('2,35x', shapesOf('d,ddx'))).toBe('2.35x');
    expect(reconcileWithShapes('2.35x', shapesOf('d,ddx'))).toBe('2.35x');
  });
});
