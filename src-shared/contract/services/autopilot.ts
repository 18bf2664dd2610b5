// Runs in: renderer and engine.
import { z } from 'zod';
import { GameProfile, Point, Rect } from '../../game-profile';
import { method } from '../define';

export const ExecutionStatus = z.enum([
  'PENDING',
  'WAITING_FOR_ROUND',
  'PLACED_BET',
  'MONITORING',
  'CASHOUT_EXECUTED',
  'CRASHED',
  'FAILED',
  'SKIPPED',
  'REJECTED',
  'INTERRUPTED',
]);
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;
export const FINAL_STATUSES: readonly ExecutionStatus[] = ['CASHOUT_EXECUTED', 'CRASHED', 'FAILED', 'SKIPPED', 'REJECTED', 'INTERRUPTED'];

export const Execution = z.object({
  id: z.number().int(),
  roundId: z.string(),
  status: ExecutionStatus,
  mode: z.enum(['dry-run', 'live']),
  bet: z.boolean(),
  stake: z.number(),
  target: z.number(),
  cashoutAt: z.number().nullable(),
  maxSeen: z.number().nullable(),
  pnl: z.number().nullable(),
  reason: z.string().nullable(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});
export type Execution = z.infer<typeof Execution>;

export const SignalRow = z.object({
  id: z.number().int(),
  receivedAt: z.number(),
  source: z.string(),
  roundId: z.string().nullable(),
  verdict: z.enum(['accepted', 'rejected', 'dropped']),
  reason: z.string().nullable(),
  target: z.number().nullable(),
  bet: z.boolean().nullable(),
  raw: z.string(),
});
export type SignalRow = z.infer<typeof SignalRow>;

export const SourceState = z.object({
  url: z.string(),
  state: z.enum(['idle', 'connecting', 'open', 'reconnecting', 'closed']),
  reconnects: z.number().int(),
  lastMessageAt: z.number().nullable(),
  detail: z.string().nullable(),
});
export type SourceState = z.infer<typeof SourceState>;

export const AutopilotState = z.object({
  running: z.boolean(),
  profile: z.string().nullable(),
  source: SourceState,
  queueLength: z.number().int(),
  current: Execution.nullable(),
  /** While running: why no bet may be placed on this game now (still learning it, or it no longer looks as learned); null when ready. */
  game: z.string().nullable(),
  /**
   * Stopped, but still finishing a round that holds our bet (a game with no cancel is cashed out as soon as it
   * flies): what it waits for. Null once nothing is left to finish.
   */
  stopping: z.string().nullable(),
});
export type AutopilotState = z.infer<typeof AutopilotState>;

export const PnlSummary = z.object({
  session: z.number(),
  today: z.number(),
  allTime: z.number(),
  wins: z.number().int(),
  losses: z.number().int(),
  winRate: z.number().nullable(),
  equity: z.array(z.object({ t: z.number(), equity: z.number() })),
  /** Per local day, newest first. */
  daily: z.array(z.object({ day: z.string(), pnl: z.number(), wins: z.number().int(), losses: z.number().int() })),
});
export type PnlSummary = z.infer<typeof PnlSummary>;

export const RoundSample = z.object({ roundId: z.string(), t: z.number(), m: z.number() });
export type RoundSample = z.infer<typeof RoundSample>;
export const RoundEnded = z.object({
  roundId: z.string(),
  crashPoint: z.number().nullable(),
  cashoutAt: z.number().nullable(),
  target: z.number().nullable(),
  /** The game's balance read off the screen after a live round, where the profile has a balance region. */
  gameBalance: z.number().nullable().optional(),
});
export type RoundEnded = z.infer<typeof RoundEnded>;

/** `bounds` are physical pixels in the virtual screen (secondary displays may have negative origins). */
export const DisplayInfo = z.object({ id: z.string(), bounds: Rect, scaleFactor: z.number(), primary: z.boolean() });
export type DisplayInfo = z.infer<typeof DisplayInfo>;

export const OcrReadout = z.object({ text: z.string(), value: z.number().nullable(), ms: z.number(), path: z.enum(['glyph', 'tesseract', 'none']) });
export type OcrReadout = z.infer<typeof OcrReadout>;

export const ProfileName = z.object({ name: z.string().min(1).max(80) });

/** One round watched by a rehearsal: the phases seen (ms since its first), the crash read and the fitted growth. */
export const RehearsalRound = z.object({
  round: z.number().int().positive(),
  whole: z.boolean(),
  timeline: z.array(z.object({ phase: z.enum(['betting', 'flight', 'crash']), t: z.number(), look: z.string().optional() })),
  crashValue: z.number().nullable(),
  crashReason: z.string().nullable(),
  /** Growth per ms. */
  rate: z.number().nullable(),
  decimals: z.number().int().nullable(),
});
export type RehearsalRound = z.infer<typeof RehearsalRound>;

export const RehearsalReport = z.object({
  profile: z.string(),
  running: z.boolean(),
  roundsWanted: z.number().int().positive(),
  rounds: z.array(RehearsalRound),
  /** `ready` or `not ready: <why>`; null while watching. */
  verdict: z.string().nullable(),
  ready: z.boolean(),
});
export type RehearsalReport = z.infer<typeof RehearsalReport>;

export const autopilotService = {
  getState: method(z.void(), AutopilotState),
  start: method(z.object({ profile: z.string().min(1).max(80).optional() }), AutopilotState),
  stop: method(z.void(), AutopilotState),
  listSignals: method(z.object({ limit: z.number().int().min(1).max(1000).default(200) }), z.array(SignalRow)),
  listExecutions: method(z.object({ limit: z.number().int().min(1).max(1000).default(200) }), z.array(Execution)),
  getPnl: method(z.void(), PnlSummary),
  /** Starts watching the profile's game for N rounds without clicking; progress comes as `rehearsal.updated`. */
  rehearse: method(z.object({ profile: z.string().min(1).max(80), rounds: z.number().int().min(1).max(10).default(3) }), RehearsalReport),
  getRehearsal: method(z.void(), RehearsalReport.nullable()),
  roundHistory: method(z.object({ limit: z.number().int().min(1).max(1000).default(100) }), z.array(z.number())),
};

export const profilesService = {
  list: method(z.void(), z.array(GameProfile)),
  save: method(GameProfile, GameProfile),
  remove: method(ProfileName, z.void()),
  importJson: method(z.object({ json: z.string().max(64 * 1024) }), GameProfile),
  exportJson: method(ProfileName, z.object({ json: z.string() })),
};

export const calibrationService = {
  listDisplays: method(z.void(), z.array(DisplayInfo)),
  /** A downscaled PNG of one display for the web editor; coordinates map back with `scale`. */
  captureScreen: method(
    z.object({ displayId: z.string().optional(), maxWidth: z.number().int().min(320).max(3840).default(1280) }),
    z.object({ png: z.string(), width: z.number().int(), height: z.number().int(), scale: z.number(), display: DisplayInfo, capturedAt: z.number() }),
  ),
  /** `region` is relative to the display, like profile regions. */
  /** `amount` reads a balance, leaving out a label or currency beside it. */
  readRegion: method(z.object({ region: Rect, displayId: z.string().optional(), kind: z.enum(['multiplier', 'amount']).default('multiplier') }), OcrReadout),
  /** In dry run this only reports where the click would land; live it clicks, through the same engine gate as the autopilot. */
  testClick: method(z.object({ point: Point, label: z.string().max(40) }), z.object({ clicked: z.boolean(), reason: z.string() })),
  /**
   * Looks for the practice game, opened with `?markers=1`, on every display: a profile for it (not saved), or null
   * with why not. No drawing by hand; for the demo and for rehearsing on the practice game.
   */
  findPracticeGame: method(z.object({ name: GameProfile.shape.name.default('Practice game (this screen)') }), z.object({ profile: GameProfile.nullable(), detail: z.string() })),
};
