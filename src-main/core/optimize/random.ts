// Runs in: anywhere (pure).
/**
 * Counter-based randomness: the stream for (seed, trial) is a pure function of both, so trial i draws
 * the same numbers whichever worker runs it, in whatever order, after a resume or not.
 */
export function trialRandom(seed: number, trial: number, salt = 0): () => number {
  let s = mix(mix((seed >>> 0) ^ 0x9e3779b9) ^ mix(trial + 0x632be5ab) ^ Math.imul(salt + 1, 0x85ebca6b));
  // mulberry32 over the mixed state.
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's 32-bit finalizer. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
