// Runs in: Node (CLI). `cockpit simulator [--port N] [--every MS]`: the local Binance/Bybit simulator with a demo price feed.
import { startDemoFeed } from '../../adapters/exchange/simulator/demo-feed';
import { startSimulator } from '../../adapters/exchange/simulator/server';
import { intOption, parseOptions, untilSignal } from '../options';

const HELP = `Usage: cockpit simulator [--port 7100] [--every 250]

Serves the exchange simulator on 127.0.0.1 (Binance spot /api, futures /fapi, Bybit /v5, and their WebSockets) and
prints a seeded random walk on BTCUSDT and ETHUSDT every --every ms, so charts, candles and paper fills run with no
exchange and no network. Add a paper account in the Markets view with the printed URL as its base URL.
Demo API key for testnet accounts: demo-trade-key / demo-trade-secret-000 (trade only, no withdrawals).
`;

export const DEMO_KEY = { apiKey: 'demo-trade-key', secret: 'demo-trade-secret-000', canWithdraw: false };

function usageError(message: string): number {
  process.stderr.write(`cockpit simulator: ${message}\n\n${HELP}`);
  return 2;
}

export default async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseOptions(args, { port: { type: 'string' }, every: { type: 'string' }, help: { type: 'boolean', short: 'h' } }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let port: number, everyMs: number;
  try {
    port = intOption(values.port, 'port', 7100);
    everyMs = intOption(values.every, 'every', 250);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (port > 65_535) return usageError(`--port must be at most 65535, got ${port}`);
  if (everyMs < 5) return usageError('--every must be at least 5 ms');

  const sim = await startSimulator({ port, keys: [DEMO_KEY] });
  for (const venue of [sim.binance, sim.bybit, sim.futures]) venue.engine.deposit('USDT', 100_000);
  const stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 60_000, ETHUSDT: 3_000 }, everyMs, volatility: 0.0008, seed: (Date.now() % 2147483646) + 1 });
  process.stdout.write(
    [
      `Simulator ready: ${sim.httpUrl}`,
      `  REST      ${sim.httpUrl}/api/v3 (Binance spot), ${sim.httpUrl}/fapi (futures), ${sim.httpUrl}/v5 (Bybit)`,
      `  WebSocket ${sim.wsUrl}/ws/btcusdt@kline_1s`,
      `  Demo key  ${DEMO_KEY.apiKey} / ${DEMO_KEY.secret}`,
      `  Demo feed BTCUSDT, ETHUSDT every ${everyMs} ms. Ctrl+C to stop.`,
      '',
    ].join('\n'),
  );
  const signal = await untilSignal();
  stopFeed();
  await sim.close();
  process.stdout.write(`Simulator stopped (${signal}).\n`);
  return 0;
}
