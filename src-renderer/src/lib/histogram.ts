// Runs in: renderer. Crash-point buckets for the round history.

export const CRASH_BUCKETS: ReadonlyArray<{ label: string; below: number }> = [
  { label: '<1.5×', below: 1.5 },
  { label: '1.5–2×', below: 2 },
  { label: '2–3×', below: 3 },
  { label: '3–5×', below: 5 },
  { label: '5–10×', below: 10 },
  { label: '≥10×', below: Infinity },
];

export const crashTier = (m: number): 'low' | 'mid' | 'high' => (m < 2 ? 'low' : m < 10 ? 'mid' : 'high');

export function crashHistogram(points: readonly number[]): number[] {
  const counts = CRASH_BUCKETS.map(() => 0);
  for (const p of points) counts[CRASH_BUCKETS.findIndex((b) => p < b.below)]!++;
  return counts;
}
