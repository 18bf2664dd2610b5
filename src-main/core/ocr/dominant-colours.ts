// Runs in: anywhere (pure).
import { colourDistance, type Ycc, type YccPlanes } from './colour';

/** Colours closer than this are one colour (anti-aliasing and grain spread a fill over neighbouring bins). */
const MIN_SEPARATION = 90;

/**
 * The most common colours among the masked pixels, most common first, each at least {@link MIN_SEPARATION}
 * apart: the text's fill is one of them even when every glyph touches a curve of another colour.
 */
export function dominantColours(planes: YccPlanes, mask: Uint8Array, count: number): Ycc[] {
  const bins = 16 * 16 * 16;
  const counts = new Uint32Array(bins);
  const sums = new Float64Array(3 * bins);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const y = planes.y[i] ?? 0;
    const cb = planes.cb[i] ?? 0;
    const cr = planes.cr[i] ?? 0;
    const bin = ((y >> 4) << 8) | (((cb + 128) >> 4) << 4) | ((cr + 128) >> 4);
    counts[bin] = (counts[bin] ?? 0) + 1;
    sums[3 * bin] = (sums[3 * bin] ?? 0) + y;
    sums[3 * bin + 1] = (sums[3 * bin + 1] ?? 0) + cb;
    sums[3 * bin + 2] = (sums[3 * bin + 2] ?? 0) + cr;
  }
  const ranked = [...counts.keys()].filter((bin) => (counts[bin] ?? 0) > 0).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
  const colours: Ycc[] = [];
  for (const bin of ranked) {
    const n = counts[bin] ?? 1;
    const colour = { y: (sums[3 * bin] ?? 0) / n, cb: (sums[3 * bin + 1] ?? 0) / n, cr: (sums[3 * bin + 2] ?? 0) / n };
    if (colours.some((c) => colourDistance(c, colour) < MIN_SEPARATION)) continue;
    colours.push(colour);
    if (colours.length === count) break;
  }
  return colours;
}
