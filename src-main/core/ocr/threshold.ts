// Runs in: anywhere (pure).
/**
 * Otsu's level (the one that best separates ink from background) over a 256-bin histogram, counting only values above `above` (to split the brighter part again).
 * Values strictly above the returned level are the upper class.
 */
export function otsuLevel(histogram: Uint32Array, above = -1): number {
  let total = 0;
  let sumAll = 0;
  for (let v = above + 1; v < 256; v++) {
    total += histogram[v] ?? 0;
    sumAll += v * (histogram[v] ?? 0);
  }
  let sumBelow = 0;
  let countBelow = 0;
  let bestLevel = Math.max(above, 128);
  let bestVariance = -1;
  for (let level = above + 1; level < 256; level++) {
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
  return bestLevel;
}
