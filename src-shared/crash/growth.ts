// Runs in: renderer and engine.
// The crash-game growth curve m(t) = e^(r·t), t in ms since the flight started, and how games display it.

/** bustabit's published rate: 2× at 11.6 s, 10× at 38.4 s. Other games differ: the engine fits r from reads. */
export const BUSTABIT_RATE_PER_MS = 0.00006;

/** Guards against e^(r·t) landing a hair under an exact hundredth (e.g. 1.9999999999 at the 2.00× crossing). */
const CENT_EPSILON = 1e-9;

export function multiplierAt(elapsedMs: number, rate = BUSTABIT_RATE_PER_MS): number {
  return elapsedMs <= 0 ? 1 : Math.exp(rate * elapsedMs);
}

/** Milliseconds after the flight start at which the true multiplier reaches `multiplier`. */
export function timeToReach(multiplier: number, rate = BUSTABIT_RATE_PER_MS): number {
  return multiplier <= 1 ? 0 : Math.log(multiplier) / rate;
}

/** Games show the multiplier floored to 2 decimals; working in integer hundredths keeps payouts exact. */
export function floorToCents(multiplier: number): number {
  return Math.floor(multiplier * 100 + CENT_EPSILON);
}

export function displayedCentsAt(elapsedMs: number, rate = BUSTABIT_RATE_PER_MS): number {
  return floorToCents(multiplierAt(elapsedMs, rate));
}

/** The multiplier as the game shows it at `elapsedMs`: floored to 2 decimals. */
export function displayedMultiplierAt(elapsedMs: number, rate = BUSTABIT_RATE_PER_MS): number {
  return displayedCentsAt(elapsedMs, rate) / 100;
}
