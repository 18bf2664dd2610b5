import { FORMATS, type TextStyle } from './multiplier-samples';

const DARK = '#0f1923';
const LIGHT = '#ffffff';

/** A spread of typical crash-game looks; every style is one "game" with a fixed font, as in the field. */
export const STYLES: readonly TextStyle[] = [
  { name: 'dejavu-sans-white-48', fontFamily: 'DejaVu Sans', fontWeight: 700, fontSizePx: 48, color: '#ffffff', background: DARK, format: FORMATS.suffixX },
  { name: 'dejavu-sans-black-14', fontFamily: 'DejaVu Sans', fontWeight: 400, fontSizePx: 14, color: '#111111', background: LIGHT, format: FORMATS.suffixX },
  { name: 'dejavu-serif-green-22', fontFamily: 'DejaVu Serif', fontWeight: 400, fontSizePx: 22, color: '#3fd26b', background: DARK, format: FORMATS.suffixTimes },
  { name: 'dejavu-mono-orange-30', fontFamily: 'DejaVu Sans Mono', fontWeight: 700, fontSizePx: 30, color: '#ff9f1c', background: '#1b1b2f', format: FORMATS.prefixX },
  { name: 'liberation-sans-white-64', fontFamily: 'Liberation Sans', fontWeight: 700, fontSizePx: 64, color: '#f5f5f5', background: '#21252b', format: FORMATS.suffixX },
  { name: 'liberation-sans-navy-18', fontFamily: 'Liberation Sans', fontWeight: 400, fontSizePx: 18, color: '#1a2b6d', background: '#eef1f5', format: FORMATS.bare },
  { name: 'liberation-serif-black-26', fontFamily: 'Liberation Serif', fontWeight: 700, fontSizePx: 26, color: '#000000', background: LIGHT, format: FORMATS.suffixX },
  { name: 'liberation-mono-green-16', fontFamily: 'Liberation Mono', fontWeight: 400, fontSizePx: 16, color: '#28e070', background: '#0b0e13', format: FORMATS.suffixTimes },
  { name: 'dejavu-sans-orange-40', fontFamily: 'DejaVu Sans', fontWeight: 400, fontSizePx: 40, color: '#ffa41b', background: DARK, format: FORMATS.suffixX },
  { name: 'liberation-serif-white-36', fontFamily: 'Liberation Serif', fontWeight: 400, fontSizePx: 36, color: '#ffffff', background: '#2a0f3d', format: FORMATS.prefixX },
  { name: 'dejavu-mono-black-20', fontFamily: 'DejaVu Sans Mono', fontWeight: 400, fontSizePx: 20, color: '#202020', background: '#fafafa', format: FORMATS.suffixX },
  { name: 'liberation-sans-red-56', fontFamily: 'Liberation Sans', fontWeight: 700, fontSizePx: 56, color: '#ff4d4d', background: '#141414', format: FORMATS.suffixTimes },
];

/** Fonts the thresholds were never tuned on: the reader must hold up on faces it has not seen. */
export const HELD_OUT_FONTS = ['URW Gothic', 'P052', 'C059', 'URW Bookman', 'Nimbus Sans Narrow', 'Noto Sans Mono', 'Nimbus Mono PS', 'DejaVu Sans Condensed'];

const COLOUR_SCHEMES = [
  { color: '#ffffff', background: '#0f1923' },
  { color: '#111111', background: '#f7f7f7' },
  { color: '#3fd26b', background: '#101418' },
  { color: '#ff9f1c', background: '#1b1b2f' },
  { color: '#e8e8e8', background: '#3a2a5a' },
  { color: '#223366', background: '#e9eef5' },
];

/** Seeded random looks: any font of `fonts`, 14–64 px, regular or bold, any scheme and format. */
export function randomStyles(random: () => number, count: number, fonts: readonly string[]): TextStyle[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const formats = Object.values(FORMATS);
  return Array.from({ length: count }, (_, i) => {
    const fontFamily = pick(fonts);
    const fontSizePx = 14 + Math.floor(random() * 51);
    const fontWeight = random() < 0.5 ? 400 : 700;
    return { name: `random-${i}-${fontFamily}-${fontWeight}-${fontSizePx}`, fontFamily, fontWeight, fontSizePx, ...pick(COLOUR_SCHEMES), format: pick(formats) } as TextStyle;
  });
}

/** Game-like decoration: glow, drop shadow, gradient backgrounds (fonts from both sets). */
export const DECORATED_STYLES: readonly TextStyle[] = [
  { name: 'glow-on-gradient', fontFamily: 'DejaVu Sans', fontWeight: 700, fontSizePx: 44, color: '#ffffff; text-shadow: 0 0 8px #7cf', background: 'linear-gradient(90deg,#101828,#2a1a4a)', format: FORMATS.suffixX },
  { name: 'shadow-on-radial', fontFamily: 'Liberation Sans', fontWeight: 700, fontSizePx: 28, color: '#3fd26b; text-shadow: 0 2px 4px #000', background: 'radial-gradient(circle,#1e2a38,#0a0f14)', format: FORMATS.suffixTimes },
  { name: 'white-on-red-gradient', fontFamily: 'URW Gothic', fontWeight: 400, fontSizePx: 60, color: '#ffffff', background: 'linear-gradient(180deg,#e33,#a11)', format: FORMATS.suffixX },
  { name: 'glow-serif', fontFamily: 'P052', fontWeight: 700, fontSizePx: 36, color: '#ffd54a; text-shadow: 0 0 6px #f80', background: 'linear-gradient(0deg,#1a1a1a,#2c2c2c)', format: FORMATS.prefixX },
];
