// Runs in: anywhere (pure).
/** A source of numbers in [0, 1): `Math.random`, or a seeded one for jitter that tests and simulations repeat. */
export type RandomSource = () => number;

/** mulberry32: a tiny seedable PRNG, good enough for jitter and simulations (not for secrets). */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
