import type { GrayImage } from './raw-image';

/** Otsu's threshold over the whole image: the level that best separates ink from background. */
export function otsuThreshold(image: GrayImage): number {
  const histogram = new Uint32Array(256);
  for (const value of image.data) histogram[value] = (histogram[value] ?? 0) + 1;
  const total = image.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * (histogram[v] ?? 0);
  let sumBelow = 0;
  let countBelow = 0;
  let bestLevel = 128;
  let bestVariance = -1;
  for (let level = 0; level < 256; level++) {
    countBelow += histogram[level] ?? 0;
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += level * (histogram[level] ?? 0);
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const variance = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      bestLevel = level;
    }
  }
  // Pixels strictly above the returned level are ink.
  return bestLevel;
}
