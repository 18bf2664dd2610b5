// Runs in: anywhere (pure).
// Test fixture: a 5×7 bitmap font drawn into raw pixels, so unit tests exercise the pipeline on known images.
import type { ChannelOrder, RawImage } from './raw-image';

const GLYPHS: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  '.': ['0', '0', '0', '0', '0', '1', '1'],
  ',': ['00', '00', '00', '00', '00', '01', '01', '10'],
  x: ['00000', '00000', '10001', '01010', '00100', '01010', '10001'],
};

export interface DrawOptions {
  readonly scale?: number;
  readonly fg?: readonly [number, number, number];
  readonly bg?: readonly [number, number, number];
  readonly order?: ChannelOrder;
  readonly padding?: number;
  /** Blank columns between glyphs, in font pixels; 0 makes neighbours touch. */
  readonly gap?: number;
  /** Extra bytes at the end of every row, as some screen grabs have. */
  readonly rowPadding?: number;
}

export function drawText(text: string, options: DrawOptions = {}): RawImage {
  const { scale = 3, fg = [255, 255, 255], bg = [15, 25, 35], order = 'rgba', padding = 6, rowPadding = 0, gap = 1 } = options;
  const glyphs = [...text].map((c) => GLYPHS[c] ?? []);
  const cols = glyphs.reduce((sum, g) => sum + (g[0]?.length ?? 0) + gap, -gap);
  const width = cols * scale + 2 * padding;
  const height = 8 * scale + 2 * padding;
  const channels = order === 'gray' ? 1 : order.length;
  const stride = width * channels + rowPadding;
  const data = new Uint8Array(stride * height);
  const put = (x: number, y: number, [r, g, b]: readonly [number, number, number]): void => {
    const i = y * stride + x * channels;
    if (order === 'gray') data[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    else {
      const rgb = order.startsWith('b') ? [b, g, r] : [r, g, b];
      data.set(rgb, i);
      if (channels === 4) data[i + 3] = 255;
    }
  };
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) put(x, y, bg);
  let left = padding;
  for (const glyph of glyphs) {
    for (const [row, bits] of glyph.entries()) {
      for (let col = 0; col < bits.length; col++) {
        if (bits[col] !== '1') continue;
        for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) put(left + col * scale + dx, padding + row * scale + dy, fg);
      }
    }
    left += ((glyph[0]?.length ?? 0) + gap) * scale;
  }
  return { data, width, height, order, stride };
}
