// Runs in: renderer and engine.
import { z } from 'zod';
import { method } from '../define';

export const TradingMode = z.enum(['dry-run', 'live']);
export type TradingMode = z.infer<typeof TradingMode>;

export const StrategyToggle = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['autopilot', 'strategy']),
  enabled: z.boolean(),
});
export type StrategyToggle = z.infer<typeof StrategyToggle>;

/** The views of the cockpit, as the UI names them. */
export const ViewName = z.enum(['autopilot', 'calibrate', 'markets', 'backtest', 'settings']);
export type ViewName = z.infer<typeof ViewName>;

/** `cockpit demo`: what is simulated or synthetic, said on screen so nobody mistakes it for real. */
export const DemoInfo = z.object({
  summary: z.string(),
  notes: z.partialRecord(ViewName, z.string()),
  practiceGameUrl: z.string(),
});
export type DemoInfo = z.infer<typeof DemoInfo>;

export const AppStatus = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'headless', 'cli']),
  mode: TradingMode,
  killSwitch: z.boolean(),
  /** Engaged in memory but not saved in the database: a restart would release it. The UI must say so. */
  killSwitchNotSaved: z.boolean(),
  dataDir: z.string(),
  startedAt: z.number(),
  strategies: z.array(StrategyToggle),
  demo: DemoInfo.optional(),
});
export type AppStatus = z.infer<typeof AppStatus>;

/** Arming live needs the exact phrase, so no stray click or replayed call can arm it. */
export const ARM_LIVE_PHRASE = 'ARM LIVE';

export const SetModeInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('dry-run') }),
  z.object({ mode: z.literal('live'), confirm: z.literal(ARM_LIVE_PHRASE) }),
]);

export const appService = {
  getStatus: method(z.void(), AppStatus),
  setKillSwitch: method(z.object({ engaged: z.boolean() }), AppStatus),
  setMode: method(SetModeInput, AppStatus),
  setStrategyEnabled: method(z.object({ id: z.string().min(1).max(64), enabled: z.boolean() }), AppStatus),
};
