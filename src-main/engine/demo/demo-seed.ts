// Runs in: engine. Fills a fresh demo cockpit through the contract, exactly as a user would from the UI: the simulated
// game's profile and the signal server, a paper account with sma-cross on the simulator's market, and a backtest of the
// sample history.
import { buildClient, contract, type CockpitCalls, type Result } from '../../../src-shared/contract';
import { SAMPLE_SERIES } from '../../core/demo/sample-candles';
import type { Dispatch } from '../dispatcher';
import { SIMULATED_PROFILE } from './simulated-desktop';

export interface DemoSeedOptions {
  signalUrl: string;
  /** The exchange simulator: market data and paper fills. */
  exchangeUrl: string;
}

export interface DemoSeeded {
  accountId: string;
  strategyId: string;
  backtestJobId: string;
}

/** The demo market's strategy: a close against a 3-candle average trades within seconds of its first candles. */
export const DEMO_SMA_CROSS = { fast: 1, slow: 3 } as const;

async function must<T>(what: string, result: Promise<Result<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`demo setup: ${what} failed: ${answer.error.message}`);
  return answer.data;
}

export async function seedDemo(dispatch: Dispatch, options: DemoSeedOptions): Promise<DemoSeeded> {
  const calls: CockpitCalls = buildClient(contract, dispatch);
  // The demo is the tour of everything: the first-run guide is for an empty cockpit.
  await must('dismissing the first-run guide', calls.system.dismissSetupGuide());
  await must('saving the simulated game profile', calls.profiles.save(SIMULATED_PROFILE));
  await must('pointing at the signal server', calls.settings.update({ signalSource: { url: options.signalUrl }, activeProfile: SIMULATED_PROFILE.name }));
  // Through the header's toggle, so it shows the autopilot as on.
  await must('starting the autopilot', calls.app.setStrategyEnabled({ id: 'autopilot', enabled: true }));

  const account = await must('adding the paper account', calls.markets.addAccount({ exchange: 'paper', environment: 'paper', label: 'Demo paper', baseUrl: options.exchangeUrl, paperBalance: 10_000 }));
  // The simulator has no history, so the strategy warms up on live 1 s candles (the default 10/30 would wait half a minute).
  const strategy = await must(
    'configuring sma-cross',
    calls.markets.configureStrategy({ strategy: 'sma-cross', params: DEMO_SMA_CROSS, accountId: account.id, symbol: 'BTCUSDT', interval: '1s', riskProfile: true }),
  );

  await must('caching the sample history', calls.backtest.loadSampleData());
  const run = await must('starting the sample backtest', calls.backtest.run({ strategy: 'sma-cross', source: { kind: 'cache', ...SAMPLE_SERIES }, fee: 0.001, risk: true }));
  // Last: the demo starts its market right after this, and promises a first trade within seconds of it.
  await must('switching sma-cross on', calls.app.setStrategyEnabled({ id: `strategy:${strategy.id}`, enabled: true }));
  return { accountId: account.id, strategyId: strategy.id, backtestJobId: run.jobId };
}
