// Runs in: anywhere (pure).
import { z } from 'zod';
import { searchSettings } from '../../../src-shared/optimize-space';
import { paramSpaceSchema } from './space';

/** Everything that decides a search's results; stored with the run, so a resume continues the same search. */
export const optimizeSpecSchema = z.strictObject({
  strategy: z.string().min(1).max(64),
  space: paramSpaceSchema,
  /** Fixed params under the searched ones (strategy params and run keys such as "risk"). */
  baseParams: z.record(z.string(), z.unknown()).default({}),
  fee: z.number().min(0).lt(1).default(0),
  ...searchSettings,
});
export type OptimizeSpec = z.output<typeof optimizeSpecSchema>;
export type OptimizeSpecInput = z.input<typeof optimizeSpecSchema>;

/** Fingerprint of the candles a run searched; a resume must bring the same. */
export const dataFingerprintSchema = z.object({ candles: z.number().int(), first: z.number(), last: z.number() });
export type DataFingerprint = z.output<typeof dataFingerprintSchema>;

/** Grid points beyond this are refused up front: a typo in a step should not mean a week of trials. */
export const MAX_GRID = 1_000_000;
