import { describe, expect, it } from 'vitest';
import { formatMultiplier } from './format';
import { readoutFor, type Readout } from './readout';
import { SKIN_NAMES, SKINS, skinNamed, type SkinName } from './skins';
import type { GameSnapshot } from './types';

type State = Pick<GameSnapshot, 'phase' | 'multiplier' | 'roundStartedAt' | 'flightStartsAt' | 'crashPoints'>;

/** Round 2: betting 0–5000 ms, the previous round crashed at 2.35x. */
const PREVIOUS = [{ roundId: 1, crashPoint: 2.35 }];
const betting = (now: number): [State, number] => [{ phase: 'BETTING', multiplier: 1, roundStartedAt: 0, flightStartsAt: 5000, crashPoints: PREVIOUS }, now];
const flying = (multiplier: number): [State, number] => [{ phase: 'FLYING', multiplier, roundStartedAt: 0, flightStartsAt: 5000, crashPoints: PREVIOUS }, 6000];
const crashed = (multiplier: number): [State, number] => [
  { phase: 'CRASHED', multiplier, roundStartedAt: 0, flightStartsAt: 5000, crashPoints: [{ roundId: 2, crashPoint: multiplier }, ...PREVIOUS] },
  9000,
];

const read = (skin: SkinName, [state, now]: [State, number]): Readout => readoutFor(SKINS[skin], state, now);
/** The readout box's visible text, top to bottom. */
const lines = (readout: Readout) => [readout.above, readout.main, readout.below].filter(Boolean);

describe('skin table', () => {
  it('keeps classic as the default and names every skin', () => {
    expect(SKIN_NAMES).toEqual(['classic', 'aviator', 'rocket', 'bust', 'jet', 'neon']);
    expect(skinNamed(null).name).toBe('classic');
    expect(skinNamed('nope').name).toBe('classic');
    expect(skinNamed('jet').name).toBe('jet');
    for (const name of SKIN_NAMES) expect(SKINS[name].name).toBe(name);
  });

  it('gives each skin its own font and a growth rate between 0.00004 and 0.0003 per ms', () => {
    const skins = Object.values(SKINS);
    expect(new Set(skins.map((s) => s.font.split(',')[0])).size).toBe(skins.length);
    for (const skin of skins) {
      expect(skin.rate).toBeGreaterThanOrEqual(0.00004);
      expect(skin.rate).toBeLessThanOrEqual(0.0003);
    }
    expect(SKINS.classic.rate).toBe(0.00006);
    expect(SKINS.rocket.rate).toBe(0.0003);
  });

  it('covers every convention between them: two single-button skins, one light theme', () => {
    const skins = Object.values(SKINS);
    expect(skins.filter((s) => s.buttons === 'single').map((s) => s.name)).toEqual(['aviator', 'neon']);
    expect(skins.filter((s) => s.theme === 'light').map((s) => s.name)).toEqual(['bust']);
    expect(new Set(skins.map((s) => s.betting.kind))).toEqual(new Set(['blank', 'countdown', 'waiting', 'frozen', 'previous-crash']));
    expect(new Set(skins.map((s) => s.crash.kind))).toEqual(new Set(['replace', 'line', 'colour', 'blank']));
    expect(new Set(skins.map((s) => `${s.format.sign}${s.format.signAt}`))).toEqual(new Set(['xsuffix', 'xprefix', '×suffix', 'suffix']));
    expect(new Set(skins.map((s) => s.format.decimals))).toEqual(new Set([1, 2]));
    expect(new Set(skins.map((s) => s.backdrop))).toEqual(new Set(['curve-below', 'curve-behind', 'plane', 'rocket']));
  });
});

describe('multiplier formats', () => {
  it('writes the sign as prefix or suffix, with 1 or 2 decimals and thousands separators', () => {
    expect(formatMultiplier(235)).toBe('2.35x');
    expect(formatMultiplier(123456)).toBe('1,234.56x');
    expect(formatMultiplier(123456, SKINS.rocket.format)).toBe('x1,234.56');
    expect(formatMultiplier(123456, SKINS.jet.format)).toBe('1,234.5×');
    expect(formatMultiplier(239, SKINS.jet.format)).toBe('2.3×');
    expect(formatMultiplier(100, SKINS.jet.format)).toBe('1.0×');
    expect(formatMultiplier(145, SKINS.neon.format)).toBe('1.45');
    expect(formatMultiplier(100000000, SKINS.neon.format)).toBe('1,000,000.00');
  });
});

describe('readout per skin and phase', () => {
  it('classic: blank while betting, 2.35x in flight, CRASHED @ 2.35x replaces it', () => {
    expect(read('classic', betting(1000))).toEqual({ main: '', size: 'number', above: '', below: '', tone: 'idle', progress: null });
    expect(read('classic', flying(2.35))).toMatchObject({ main: '2.35x', tone: 'live', size: 'number' });
    expect(read('classic', flying(1234.56)).main).toBe('1,234.56x');
    expect(read('classic', crashed(2.35))).toMatchObject({ main: 'CRASHED @ 2.35x', tone: 'crashed', size: 'text' });
  });

  it('aviator: WAITING FOR NEXT ROUND over a draining bar, 1.45x, FLEW AWAY! above the red number that stays', () => {
    expect(read('aviator', betting(0))).toMatchObject({ main: 'WAITING FOR NEXT ROUND', size: 'text', progress: 1 });
    expect(read('aviator', betting(3750)).progress).toBe(0.25);
    expect(read('aviator', flying(1.45))).toMatchObject({ main: '1.45x', above: '', progress: null });
    const crash = read('aviator', crashed(2.35));
    expect(crash).toMatchObject({ above: 'FLEW AWAY!', main: '2.35x', tone: 'crashed', size: 'number' });
    expect(lines(crash)).toEqual(['FLEW AWAY!', '2.35x']);
  });

  it('rocket: Next round in 4.2s, then 2.4s big; x1.45; the crash only turns the number red', () => {
    expect(read('rocket', betting(800))).toMatchObject({ main: 'Next round in 4.2s', size: 'text' });
    expect(read('rocket', betting(2600))).toMatchObject({ main: '2.4s', size: 'number' });
    expect(read('rocket', flying(1.45))).toMatchObject({ main: 'x1.45', tone: 'live' });
    expect(read('rocket', crashed(2.35))).toEqual({ main: 'x2.35', size: 'number', above: '', below: '', tone: 'crashed', progress: null });
  });

  it('bust: Starting in 5 (whole seconds), 1,234.56x, Busted @ x2.35 replaces the number', () => {
    expect(read('bust', betting(0)).main).toBe('Starting in 5');
    expect(read('bust', betting(100)).main).toBe('Starting in 5');
    expect(read('bust', betting(4001)).main).toBe('Starting in 1');
    expect(read('bust', flying(1234.56)).main).toBe('1,234.56x');
    expect(read('bust', crashed(2.35))).toMatchObject({ main: 'Busted @ x2.35', tone: 'crashed' });
  });

  it('jet: a frozen 1.00× before the start, 1.4× in flight, a blank readout at the crash', () => {
    expect(read('jet', betting(1000))).toMatchObject({ main: '1.00×', tone: 'idle', size: 'number' });
    expect(read('jet', flying(1.49)).main).toBe('1.4×');
    expect(lines(read('jet', crashed(2.35)))).toEqual([]);
  });

  it('neon: the previous crash left on screen over PREPARING, a bare 1.45, BUSTED replaces the number', () => {
    expect(read('neon', betting(1000))).toMatchObject({ main: '2.35', below: 'PREPARING', tone: 'idle' });
    const [first, now] = betting(1000);
    expect(readoutFor(SKINS.neon, { ...first, crashPoints: [] }, now)).toMatchObject({ main: '', below: 'PREPARING' });
    expect(read('neon', flying(1.45))).toMatchObject({ main: '1.45', below: '' });
    expect(read('neon', crashed(2.35))).toMatchObject({ main: 'BUSTED', size: 'number', tone: 'crashed' });
  });

  it('shows an instant 1.00x crash in each skin’s own way', () => {
    expect(SKIN_NAMES.map((name) => lines(read(name, crashed(1))).join(' / '))).toEqual([
      'CRASHED @ 1.00x',
      'FLEW AWAY! / 1.00x',
      'x1.00',
      'Busted @ x1.00',
      '',
      'BUSTED',
    ]);
  });
});
