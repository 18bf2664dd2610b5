// Runs in: renderer and engine.
import { z } from 'zod';
import { method } from '../define';
import { CONFIRM_SECONDS_MAX, CONFIRM_SECONDS_MIN } from './confirmations';

export const SafetyLimits = z.object({
  maxStake: z.number().positive().max(1e9),
  dailyLossLimit: z.number().positive().max(1e9),
  maxConsecutiveLosses: z.number().int().positive().max(1000),
  maxBetsPerHour: z.number().int().positive().max(10000),
});
export type SafetyLimits = z.infer<typeof SafetyLimits>;

/** What the UI may see. Secrets appear only as `has…` flags. */
export const Settings = z.object({
  signalSource: z.object({
    url: z.string().max(2048),
    hasToken: z.boolean(),
  }),
  limits: SafetyLimits,
  staleSignalMs: z.number().int().positive(),
  defaultStake: z.number().positive(),
  activeProfile: z.string().nullable(),
  /** How often each account's equity is snapshotted for the history chart (besides on every closed trade). */
  equitySnapshotMinutes: z.number().int().positive(),
  /** Each signalled crash bet waits this long for a person's yes (app or Telegram); null: bets need none. */
  confirmBetsSeconds: z.number().int().positive().nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z
  .object({
    signalSource: z.object({ url: z.string().max(2048) }).strict(),
    limits: SafetyLimits.partial().strict(),
    staleSignalMs: z.number().int().min(500).max(600_000),
    defaultStake: z.number().positive().max(1e9),
    activeProfile: z.string().max(128).nullable(),
    equitySnapshotMinutes: z.number().int().min(1).max(1440),
    confirmBetsSeconds: z.number().int().min(CONFIRM_SECONDS_MIN).max(CONFIRM_SECONDS_MAX).nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settingsService = {
  get: method(z.void(), Settings),
  update: method(SettingsPatch, Settings),
  /** Write-only: the token is stored encrypted and never sent back. */
  setSignalToken: method(z.object({ token: z.string().max(4096).nullable() }), Settings),
};
