import { describe, expect, it } from 'vitest';
import { digitsOf, readsAsWords, showsWords, statusWord } from './words';

describe('showsWords: status text, not a garbled number', () => {
  it('is true for the statuses games show', () => {
    for (const status of ['BUSTED', 'FLEW AWAY!', 'CRASHED @ 2.35x', 'Busted @ x2.35', 'Starting in 5', 'Next round in 2.4s', 'PREPARING', 'WAITING FOR NEXT ROUND']) {
      expect(showsWords(status), status).toBe(true);
    }
  });

  it('is false for a number Tesseract garbled into a stray letter, or digits written as letters', () => {
    for (const garbled of ['v7.37', '~J0L', 'x1 09', '1O.5x', 'lO0x', 'ST1.2', '5s', '3.2s']) expect(showsWords(garbled), garbled).toBe(false);
  });

  it('is stricter than readsAsWords, which any letter satisfies', () => {
    expect(readsAsWords('v7.37')).toBe(true);
    expect(showsWords('v7.37')).toBe(false);
  });

  it('takes a B for an 8 (an unrestricted read of a neon x842 gave xB42), and words with a B are still words', () => {
    expect(readsAsWords('xB42')).toBe(false);
    expect(digitsOf('xB42')).toBe('842');
    for (const status of ['BUSTED', 'BET', 'Busted @ x2.35']) expect(showsWords(status), status).toBe(true);
  });
});

describe('statusWord', () => {
  it('says what a status text says in three letters that survive spacing and punctuation', () => {
    expect(['CRASHED @ 1.20x', 'CRASH', 'Crashed @ 2.35x'].map(statusWord)).toEqual(['CRA', 'CRA', 'CRA']);
    expect(['Startingin 3', 'Starting: 2', 'Starting in 2'].map(statusWord)).toEqual(['STA', 'STA', 'STA']);
    expect(['- BUSTED', 'FLEW AWAY!', 'Next round in 2.4s'].map(statusWord)).toEqual(['BUS', 'FLE', 'NEX']);
  });

  it('is null where no word of three letters was read (a garbled number, a sprite read as two letters)', () => {
    expect(['x2.Q3', 'yp', '1.00x', ''].map(statusWord)).toEqual([null, null, null, null]);
  });
});
