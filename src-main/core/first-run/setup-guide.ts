// Runs in: anywhere (pure). The first-run guide: five steps from an empty cockpit to a working one, each ticked from
// what the engine has recorded, so it is right whichever window or tool did the step. It sits beside the OS
// checklist (checklist.ts, shown when arming live), which is about permissions for live mode; this one is about getting started.
import type { SetupGuide, SetupStep } from '../../../src-shared/contract/services/system';

/** Counts from the data folder. */
export interface SetupFacts {
  readonly profiles: number;
  /** Dry-run rounds that finished. */
  readonly rehearsedRounds: number;
  readonly signals: number;
  readonly paperAccounts: number;
  readonly backtestRuns: number;
}

export function buildSetupGuide(facts: SetupFacts, dismissed: boolean): SetupGuide {
  const steps: SetupStep[] = [
    {
      id: 'game',
      title: 'Open the practice game or calibrate your game',
      detail: 'Mark where the multiplier, Bet and Cash out are, and save it as a game profile.',
      done: facts.profiles > 0,
      view: 'calibrate',
    },
    {
      id: 'rehearse',
      title: 'Rehearse in dry run',
      detail: 'Start the autopilot in dry run: it plays each signal on screen without clicking and keeps a simulated P&L.',
      done: facts.rehearsedRounds > 0,
      view: 'autopilot',
    },
    {
      id: 'signals',
      title: 'Connect a signal source',
      detail: 'A WebSocket or SSE URL (try `cockpit signals serve --auto`).',
      done: facts.signals > 0,
      view: 'settings',
    },
    {
      id: 'paper-account',
      title: 'Add a paper account',
      detail: 'Paper trading on public prices, or on `cockpit simulator`: no keys, no money.',
      done: facts.paperAccounts > 0,
      view: 'markets',
    },
    {
      id: 'backtest',
      title: 'Try a backtest on the sample data',
      detail: 'A year of synthetic hourly BTCUSDT candles (a seeded model, not market data) ships with the cockpit.',
      done: facts.backtestRuns > 0,
      view: 'backtest',
    },
  ];
  return { steps, dismissed };
}
