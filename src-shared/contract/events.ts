// Runs in: renderer and engine.
import { z } from 'zod';
import { AppStatus } from './services/app';
import { Settings } from './services/settings';
import { BacktestProgress } from './services/backtest';
import { KlineDownloadProgress } from './services/kline-download';
import { OptimizeProgress } from './services/optimize';
import { ConfirmationsChanged } from './services/confirmations';
import { MarketsChanged, OrderRow, StreamHealthRow } from './services/markets';
import { AutopilotState, Execution, PnlSummary, RehearsalReport, RoundEnded, RoundSample, SignalRow } from './services/autopilot';

/** Engine → UI streams. The engine emits these on its bus; both transports forward them unchanged. */
/** The part of the engine an error toast comes from: `cockpit_errors_total` counts error toasts by it. */
export const ToastComponent = z.enum(['autopilot', 'signals', 'markets', 'safety']);
export type ToastComponent = z.infer<typeof ToastComponent>;
export const Toast = z.object({ level: z.enum(['info', 'warn', 'error']), message: z.string(), component: ToastComponent.optional() });
export type Toast = z.infer<typeof Toast>;

export const events = {
  'app.status': AppStatus,
  'settings.changed': Settings,
  toast: Toast,
  'autopilot.state': AutopilotState,
  'signal.recorded': SignalRow,
  'execution.updated': Execution,
  'round.sample': RoundSample,
  'round.ended': RoundEnded,
  'rehearsal.updated': RehearsalReport,
  'pnl.updated': PnlSummary,
  'backtest.progress': BacktestProgress,
  'backtest.downloadProgress': KlineDownloadProgress,
  'optimize.progress': OptimizeProgress,
  'markets.order': OrderRow,
  'markets.changed': MarketsChanged,
  'markets.health': z.array(StreamHealthRow),
  'confirmations.changed': ConfirmationsChanged,
};
export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
export const eventNames = Object.keys(events) as EventName[];
/** The same map, each schema typed as the parser of its own payload: indexed by a generic name, it still parses to that name's payload. */
export const eventSchemas: { readonly [N in EventName]: z.ZodType<EventPayload<N>> } = events;
