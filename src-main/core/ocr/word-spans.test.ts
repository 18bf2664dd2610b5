import { describe, expect, it } from 'vitest';
import { wordCrops, wordSpans } from './word-spans';

/** Glyph boxes of a 12 px line: digits 8 wide, 2 apart; `.` and `,` 3×3 on the baseline. */
const digit = (x: number) => ({ x0: x, x1: x + 8, y0: 0, y1: 12 });
const point = (x: number) => ({ x0: x, x1: x + 3, y0: 9, y1: 12 });
const letter = (x: number) => ({ x0: x, x1: x + 7, y0: 4, y1: 12 });

describe('wordSpans', () => {
  it('parts a label from the amount at a space', () => {
    // "ce 99.50"
    const glyphs = [letter(0), letter(9), digit(21), digit(31), point(43), digit(50), digit(60)];
    expect(wordSpans(glyphs, 12)).toEqual([
      { x0: 0, x1: 16 },
      { x0: 21, x1: 68 },
    ]);
  });

  it('never parts a number at its point or comma, however wide their gaps', () => {
    // "1,000.34" with 4 px either side of the marks
    const glyphs = [digit(0), point(12), digit(19), digit(29), digit(39), point(51), digit(58), digit(68)];
    expect(wordSpans(glyphs, 12)).toEqual([{ x0: 0, x1: 76 }]);
  });

  it('takes a sliver inside a letter as part of it, so the gap after the letter still parts the words', () => {
    const glyphs = [letter(0), { x0: 6, x1: 7, y0: 10, y1: 11 }, digit(15), digit(25)];
    expect(wordSpans(glyphs, 12)).toHaveLength(2);
  });
});

describe('wordCrops', () => {
  it('crops each word right to left, short of its neighbour', () => {
    const crops = wordCrops({ glyphs: [letter(0), letter(9), digit(21), digit(31)], height: 12 }, 50)!;
    expect(crops).toHaveLength(2);
    expect(crops[0]!.x0).toBeGreaterThanOrEqual(16);
    expect(crops[0]!.x1).toBeLessThanOrEqual(50);
    expect(crops[1]!.x1).toBeLessThanOrEqual(21);
  });

  it('leaves one word with nothing beside it to be read whole', () => {
    expect(wordCrops({ glyphs: [digit(5), digit(15), point(27), digit(34)], height: 12 }, 50)).toBeNull();
  });

  it('cuts off a label blob the line missed, but keeps a missed digit beside the number in its word', () => {
    const number = [digit(20), digit(30), point(42), digit(49)];
    const label = wordCrops({ glyphs: number, missedBoxes: [letter(2)], height: 12 }, 60)!;
    expect(label[0]!.x0).toBeGreaterThanOrEqual(9);
    const lost = wordCrops({ glyphs: number, missedBoxes: [digit(10)], height: 12 }, 60)!;
    expect(lost).toHaveLength(1);
    expect(lost[0]!.x0).toBeLessThanOrEqual(10);
  });
});
