// Runs in: renderer. The autopilot's signals, executions, P&L and round history: hydrated once, then kept live by events, batched per frame.
import { create } from 'zustand';
import type { AutopilotState, Execution, PnlSummary, RoundEnded, SignalRow } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { frameScheduler } from '../lib/frame-batcher';
import { roundFeed } from './round-feed';
import { call } from './app-store';

/** Caps keep rendering cost flat however long the session runs. */
export const MAX_SIGNALS = 300;
export const MAX_EXECUTIONS = 300;
export const MAX_HISTORY = 100;
/** Lists and figures refresh at most this often; people cannot read a table faster, and it keeps frames smooth. */
export const LIST_REFRESH_MS = 100;

export interface AutopilotStore {
  state: AutopilotState | null;
  signals: SignalRow[];
  executions: Execution[];
  pnl: PnlSummary | null;
  history: number[];
  lastRound: RoundEnded | null;
}

export const useAutopilotStore = create<AutopilotStore>(() => ({
  state: null,
  signals: [],
  executions: [],
  pnl: null,
  history: [],
  lastRound: null,
}));

/** Newest first, by id, deduplicated, capped. */
function mergeById<T extends { id: number }>(current: readonly T[], incoming: Iterable<T>, cap: number): T[] {
  const byId = new Map<number, T>();
  for (const row of current) byId.set(row.id, row);
  for (const row of incoming) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, cap);
}

interface Pending {
  state?: AutopilotState;
  pnl?: PnlSummary;
  signals: SignalRow[];
  executions: Map<number, Execution>;
  ended: RoundEnded[];
}

export function connectAutopilot(transport: CockpitTransport): () => void {
  let pending: Pending = { signals: [], executions: new Map(), ended: [] };
  const schedule = frameScheduler(() => {
    const batch = pending;
    pending = { signals: [], executions: new Map(), ended: [] };
    useAutopilotStore.setState((s) => {
      const next: Partial<AutopilotStore> = {};
      if (batch.state) next.state = batch.state;
      if (batch.pnl) next.pnl = batch.pnl;
      if (batch.signals.length) next.signals = mergeById(s.signals, batch.signals, MAX_SIGNALS);
      if (batch.executions.size) next.executions = mergeById(s.executions, batch.executions.values(), MAX_EXECUTIONS);
      const crashes = batch.ended.filter((r) => r.crashPoint !== null).map((r) => r.crashPoint!);
      if (crashes.length) next.history = [...crashes.reverse(), ...s.history].slice(0, MAX_HISTORY);
      if (batch.ended.length) next.lastRound = batch.ended.at(-1)!;
      return next;
    });
  }, LIST_REFRESH_MS);

  const hydrate = async () => {
    const { calls } = transport;
    const [state, signals, executions, pnl, history] = await Promise.all([
      call(calls.autopilot.getState()),
      call(calls.autopilot.listSignals({ limit: MAX_SIGNALS })),
      call(calls.autopilot.listExecutions({ limit: MAX_EXECUTIONS })),
      call(calls.autopilot.getPnl()),
      call(calls.autopilot.roundHistory({ limit: MAX_HISTORY })),
    ]);
    useAutopilotStore.setState((s) => ({
      ...(state ? { state } : {}),
      ...(pnl ? { pnl } : {}),
      ...(history ? { history: history.slice(0, MAX_HISTORY) } : {}),
      ...(signals ? { signals: mergeById(s.signals, signals, MAX_SIGNALS) } : {}),
      ...(executions ? { executions: mergeById(s.executions, executions, MAX_EXECUTIONS) } : {}),
    }));
  };

  const offs = [
    transport.onConnection((connection) => {
      if (connection === 'connected') void hydrate();
    }),
    transport.on('autopilot.state', (state) => {
      pending.state = state;
      schedule();
    }),
    transport.on('pnl.updated', (pnl) => {
      pending.pnl = pnl;
      schedule();
    }),
    transport.on('signal.recorded', (signal) => {
      if (pending.signals.length >= MAX_SIGNALS) pending.signals.shift();
      pending.signals.push(signal);
      schedule();
    }),
    transport.on('execution.updated', (execution) => {
      pending.executions.set(execution.id, execution);
      roundFeed.execution(execution);
      schedule();
    }),
    // The chart reads samples straight from the feed: no React state per sample.
    transport.on('round.sample', (sample) => roundFeed.sample(sample)),
    transport.on('round.ended', (round) => {
      pending.ended.push(round);
      roundFeed.ended(round);
      schedule();
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
