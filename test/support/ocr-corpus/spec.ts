// A seeded, varied corpus of crash-game multiplier readouts: every random choice is made here, so a seed fully
// determines the HTML that render.ts draws (and a held-out seed is a different but identically distributed corpus).
import { seededRandom } from '../../../src-main/core/seeded-random';

export type Theme = 'dark' | 'light';
export type Effect = 'plain' | 'glow' | 'neon' | 'outline' | 'shadow' | 'gradient' | 'outline+shadow' | 'gradient+glow';
export type Backdrop = 'flat' | 'gradient' | 'radial' | 'rays' | 'grid' | 'grain' | 'stars' | 'curve' | 'curve+plane';
export type Mark = 'x-suffix' | 'times-suffix' | 'x-prefix' | 'times-prefix' | 'bare';

export interface CorpusSample {
  readonly id: string;
  readonly text: string;
  readonly value: number;
  readonly decimals: number;
  readonly mark: Mark;
  readonly fontFamily: string;
  readonly fontWeight: number;
  readonly italic: boolean;
  readonly fontSizePx: number;
  readonly dpr: number;
  readonly theme: Theme;
  readonly colour: string;
  readonly effect: Effect;
  readonly backdrop: Backdrop;
  /** CSS of the region box (background layers, padding). */
  readonly regionCss: string;
  /** CSS of the text span (font, fill, effects). */
  readonly textCss: string;
  /** SVG drawn behind the text over the whole region (curve, plane), or ''. */
  readonly underlaySvg: string;
}

/** Families from Debian font packages (see .ci/run): sans, serif, mono, geometric, condensed. */
export const CORPUS_FONTS = [
  'Roboto',
  'Roboto Condensed',
  'Lato',
  'Inter',
  'Open Sans',
  'Noto Sans',
  'Noto Serif',
  'DejaVu Sans',
  'DejaVu Serif',
  'DejaVu Sans Mono',
  'Liberation Sans',
  'Liberation Serif',
  'Liberation Mono',
  'Cantarell',
  'Oxygen-Sans',
  'JetBrains Mono',
  'Fira Code',
  'URW Gothic',
  'Nimbus Sans',
  'P052',
  'C059',
  'URW Bookman',
] as const;

export const DEVICE_PIXEL_RATIOS = [1, 1.25, 1.5, 2] as const;
const WEIGHTS = [400, 500, 600, 700, 800, 900] as const;
const MARKS: readonly Mark[] = ['x-suffix', 'times-suffix', 'x-prefix', 'times-prefix', 'bare'];
const EFFECTS: readonly Effect[] = ['plain', 'glow', 'neon', 'outline', 'shadow', 'gradient', 'outline+shadow', 'gradient+glow'];
const BACKDROPS: readonly Backdrop[] = ['flat', 'gradient', 'radial', 'rays', 'grid', 'grain', 'stars', 'curve', 'curve+plane'];

const PALETTE: Record<Theme, { readonly backgrounds: readonly string[]; readonly text: Record<string, string> }> = {
  dark: {
    backgrounds: ['#0f1923', '#101418', '#1b1b2f', '#21252b', '#14101f', '#0b1a12', '#1e0f12', '#000000'],
    text: { white: '#ffffff', red: '#ff4d4d', green: '#3fd26b', gold: '#ffc83d', cyan: '#3fe0ff', violet: '#b388ff' },
  },
  light: {
    backgrounds: ['#ffffff', '#f7f7f7', '#eef1f5', '#f5efe0', '#e9f5ee', '#fdeeee'],
    text: { black: '#111111', red: '#d01f2f', green: '#13893a', gold: '#a86f00', cyan: '#007c91', violet: '#6a2bbf' },
  },
};

const GRADIENT_FILLS: Record<Theme, readonly (readonly [string, string])[]> = {
  dark: [
    ['#ffe259', '#ffa751'],
    ['#ff512f', '#f09819'],
    ['#00c6ff', '#7f5fff'],
    ['#a8ff78', '#38ef7d'],
    ['#ffffff', '#9fb4ff'],
  ],
  light: [
    ['#b3001b', '#ff6a00'],
    ['#0052d4', '#6a2bbf'],
    ['#0b7a3b', '#1aa35a'],
    ['#7a4d00', '#c48600'],
  ],
};

const ACCENTS = ['#ff3b5c', '#ff9f1c', '#2ec4ff', '#7dff6a', '#c77dff', '#ffd23f'];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const between = (random: Random, low: number, high: number): number => low + random() * (high - low);

/** `count` samples; the same seed always gives the same corpus. */
export function corpusSamples(seed: number, count: number): CorpusSample[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => sample(random, String(i).padStart(4, '0')));
}

function sample(random: Random, id: string): CorpusSample {
  const decimals = pick(random, [2, 2, 1, 0]);
  const value = randomValue(random, decimals);
  const mark = pick(random, MARKS);
  const text = applyMark(formatValue(value, decimals), mark);
  const theme: Theme = random() < 0.65 ? 'dark' : 'light';
  const palette = PALETTE[theme];
  const colourName = pick(random, Object.keys(palette.text));
  const colour = palette.text[colourName] ?? '#ffffff';
  const fontFamily = pick(random, CORPUS_FONTS);
  const fontWeight = pick(random, WEIGHTS);
  const italic = random() < 0.25;
  const fontSizePx = Math.round(Math.exp(between(random, Math.log(14), Math.log(96))));
  const dpr = pick(random, DEVICE_PIXEL_RATIOS);
  const effect = pick(random, EFFECTS);
  const backdrop = pick(random, BACKDROPS);
  const base = pick(random, palette.backgrounds);
  const padding = `${between(random, 0.15, 0.6).toFixed(2)}em ${between(random, 0.2, 1.1).toFixed(2)}em`;
  const font = `${italic ? 'italic ' : ''}${fontWeight} ${fontSizePx}px '${fontFamily}'`;
  return {
    id,
    text,
    value,
    decimals,
    mark,
    fontFamily,
    fontWeight,
    italic,
    fontSizePx,
    dpr,
    theme,
    colour: colourName,
    effect,
    backdrop,
    regionCss: `font-size:${fontSizePx}px;padding:${padding};background:${backdropCss(random, backdrop, theme, base)}`,
    textCss: `font:${font};line-height:1.2;white-space:nowrap;${effectCss(random, effect, theme, colour)}`,
    underlaySvg: backdrop.startsWith('curve') ? curveSvg(random, colour, backdrop === 'curve+plane') : '',
  };
}

/** Crash values: 1–1000 on a log scale, with some thousands (shown with separators). */
function randomValue(random: Random, decimals: number): number {
  const scale = 10 ** decimals;
  const raw = random() < 0.1 ? between(random, 1000, 60_000) : Math.exp(random() * Math.log(1000));
  return Math.max(1, Math.floor(raw * scale) / scale);
}

export function formatValue(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function applyMark(digits: string, mark: Mark): string {
  switch (mark) {
    case 'x-suffix':
      return `${digits}x`;
    case 'times-suffix':
      return `${digits}×`;
    case 'x-prefix':
      return `x${digits}`;
    case 'times-prefix':
      return `×${digits}`;
    case 'bare':
      return digits;
  }
}

function effectCss(random: Random, effect: Effect, theme: Theme, colour: string): string {
  const dark = theme === 'dark';
  const glowColour = pick(random, [colour, ...ACCENTS]);
  const fill = `color:${colour};`;
  const glow = `text-shadow:0 0 ${between(random, 0.08, 0.25).toFixed(2)}em ${glowColour};`;
  const strokeColour = dark ? pick(random, ['#000000', '#1a1a1a', '#ffffff', glowColour]) : pick(random, ['#000000', '#ffffff', '#333333']);
  const outline = `-webkit-text-stroke:${between(random, 0.02, 0.06).toFixed(3)}em ${strokeColour};paint-order:stroke fill;`;
  const shadowColour = dark ? 'rgba(0,0,0,0.85)' : pick(random, ['rgba(0,0,0,0.45)', 'rgba(0,0,0,0.8)']);
  const offset = between(random, 0.03, 0.09).toFixed(3);
  const shadow = `text-shadow:${offset}em ${offset}em ${pick(random, ['0', '0.05em', '0.12em'])} ${shadowColour};`;
  const [from, to] = pick(random, GRADIENT_FILLS[theme]);
  const gradient = `background:linear-gradient(${Math.floor(random() * 360)}deg,${from},${to});-webkit-background-clip:text;background-clip:text;color:transparent;`;
  switch (effect) {
    case 'plain':
      return fill;
    case 'glow':
      return fill + glow;
    case 'neon': {
      const core = dark ? '#ffffff' : colour;
      return `color:${core};text-shadow:0 0 0.04em #fff,0 0 0.1em ${glowColour},0 0 0.22em ${glowColour},0 0 0.45em ${glowColour};`;
    }
    case 'outline':
      return fill + outline;
    case 'shadow':
      return fill + shadow;
    case 'gradient':
      return gradient;
    case 'outline+shadow':
      return fill + outline + shadow;
    case 'gradient+glow':
      return `${gradient}filter:drop-shadow(0 0 ${between(random, 0.05, 0.15).toFixed(2)}em ${glowColour});`;
  }
}

/** Background layers of the region; the busy ones are what games draw behind the multiplier. */
function backdropCss(random: Random, backdrop: Backdrop, theme: Theme, base: string): string {
  const dark = theme === 'dark';
  const tint = dark ? `rgba(255,255,255,${between(random, 0.04, 0.12).toFixed(2)})` : `rgba(0,0,0,${between(random, 0.04, 0.1).toFixed(2)})`;
  const other = dark ? pick(random, ['#2a1a4a', '#3a1010', '#102a3a', '#1a3a20', '#333333']) : pick(random, ['#dde6f5', '#f5dede', '#e0f5e6', '#ececec']);
  const at = `${Math.floor(random() * 100)}% ${Math.floor(random() * 100)}%`;
  switch (backdrop) {
    case 'flat':
    case 'curve':
    case 'curve+plane':
      return base;
    case 'gradient':
      return `linear-gradient(${Math.floor(random() * 360)}deg,${base},${other})`;
    case 'radial':
      return `radial-gradient(circle at ${at},${other},${base})`;
    case 'rays': {
      const ray = between(random, 6, 15).toFixed(1);
      return `repeating-conic-gradient(from ${Math.floor(random() * 360)}deg at ${at},${tint} 0deg ${ray}deg,transparent ${ray}deg ${(2 * Number(ray)).toFixed(1)}deg),${base}`;
    }
    case 'grid': {
      const cell = Math.floor(between(random, 10, 28));
      return `linear-gradient(${tint} 1px,transparent 1px) 0 0/${cell}px ${cell}px,linear-gradient(90deg,${tint} 1px,transparent 1px) 0 0/${cell}px ${cell}px,${base}`;
    }
    case 'grain': {
      const noise = `<svg xmlns='http://www.w3.org/2000/svg' width='200' height='200'><filter id='n'><feTurbulence type='fractalNoise' baseFrequency='${between(random, 0.6, 1.2).toFixed(2)}' numOctaves='2' seed='${Math.floor(random() * 1000)}'/><feColorMatrix type='saturate' values='0'/></filter><rect width='200' height='200' filter='url(#n)' opacity='${between(random, 0.12, 0.3).toFixed(2)}'/></svg>`;
      return `url('data:image/svg+xml,${encodeURIComponent(noise).replace(/'/g, '%27')}'),${base}`;
    }
    case 'stars': {
      // Small and dimmer than the text, as a game's star field is: a star as big and bright as a decimal point,
      // on the baseline between two digits, would be one to a person as well.
      const stars = Array.from({ length: 12 + Math.floor(random() * 25) }, () => {
        const size = between(random, 0.5, 1.6).toFixed(1);
        const alpha = (dark ? between(random, 0.3, 0.8) : between(random, 0.15, 0.35)).toFixed(2);
        const star = dark ? `rgba(255,255,255,${alpha})` : `rgba(0,0,0,${alpha})`;
        return `radial-gradient(circle at ${between(random, 0, 100).toFixed(1)}% ${between(random, 0, 100).toFixed(1)}%,${star} ${size}px,transparent ${(Number(size) + 0.8).toFixed(1)}px)`;
      });
      return `${stars.join(',')},${base}`;
    }
  }
}

/** The crash curve rising under the number, with the area below it shaded, and optionally a plane at its tip. */
function curveSvg(random: Random, textColour: string, withPlane: boolean): string {
  // A curve in the text's own colour would be part of the glyphs it crosses, to a person as well.
  const colour = pick(random, ACCENTS.filter((c) => rgbDistance(c, textColour) > 160));
  const width = between(random, 1.5, 5).toFixed(1);
  const endX = between(random, 70, 98);
  const endY = between(random, 5, 45);
  const bend = between(random, 50, 90);
  const path = `M0 100 Q ${bend.toFixed(1)} 100 ${endX.toFixed(1)} ${endY.toFixed(1)}`;
  const plane = withPlane
    ? `<g transform='translate(${endX.toFixed(1)} ${endY.toFixed(1)}) scale(0.09 0.16)' fill='${colour}'><path d='M-60 0 L20 -8 L40 -40 L52 -40 L44 -6 L70 -4 L80 -20 L88 -20 L84 0 L88 20 L80 20 L70 4 L44 6 L52 40 L40 40 L20 8 Z'/></g>`
    : '';
  return `<svg viewBox='0 0 100 100' preserveAspectRatio='none'><path d='${path} L ${endX.toFixed(1)} 100 Z' fill='${colour}' fill-opacity='0.14'/><path d='${path}' fill='none' stroke='${colour}' stroke-width='${width}' vector-effect='non-scaling-stroke'/>${plane}</svg>`;
}

function rgbDistance(a: string, b: string): number {
  const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [ca, cb] = [channels(a), channels(b)];
  return ca.reduce((sum, v, i) => sum + Math.abs(v - (cb[i] ?? 0)), 0);
}
