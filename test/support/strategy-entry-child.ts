// A child process for the protection SIGKILL test: the markets service on a SQLite file (booted as protection-harness's
// `boot` does; that module registers vitest hooks, so it is not imported here), a testnet account on the simulator and a
// strategy that enters on its first candle. Prints `ENTERED <strategyId> <quantity>` once the entry is protected, then
// waits to be killed. Args: <sqlite file> <venue> <simulator http url>.
import { ActionsRepo } from '../../src-main/adapters/store/actions-repo';
import { openDatabase } from '../../src-main/adapters/store/database';
import { SettingsRepo } from '../../src-main/adapters/store/settings-repo';
import { ScryptCipher } from '../../src-main/adapters/secrets/scrypt-cipher';
import { EventBus } from '../../src-main/engine/event-bus';
import { MarketsService } from '../../src-main/engine/markets/markets-service';
import { StrategyToggles } from '../../src-main/engine/services/strategy-toggles';
import type { AccountExchange } from '../../src-shared/contract';
import { marketsStores } from './markets-stores';
import { sqliteSafety } from './safety';

const [file, venue, httpUrl] = process.argv.slice(2) as [string, Exclude<AccountExchange, 'paper'>, string];
// The simulator's trade key (test/integration/exchange/harness KEY), and the harness's cipher passphrase so the parent's
// `boot` can read the saved key back.
const KEY = { apiKey: 'sim-trade-key', secret: 'sim-trade-secret-0123456789' };

const db = openDatabase(file);
const settings = new SettingsRepo(db);
const actions = new ActionsRepo(db);
const toggles = new StrategyToggles(settings);
const markets = new MarketsService({ ...marketsStores(db, settings, new ScryptCipher('protection test')), actions, settings, bus: new EventBus(), safety: sqliteSafety(db, actions), toggles, healthEveryMs: 60_000, userStream: { staleAfterMs: 1_500, backoff: { initialMs: 50, maxMs: 200 } } });
markets.open();
await markets.start();

// As protection-harness's `protectedStrategy`: enters on its first candle, risk profile on, 1 000 USDT per trade.
const account = await markets.addAccount({ exchange: venue, environment: 'testnet', label: venue, apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: httpUrl, paperBalance: 0 });
const config = markets.configureStrategy({ strategy: 'external-signal', params: { signals: [{ time: 0, action: 'enter' }] }, accountId: account.id, symbol: 'BTCUSDT', interval: '1h', quotePerTrade: 1_000, riskProfile: true, feeRate: 0.001 });
toggles.setEnabled(`strategy:${config.id}`, true);
const trader = markets.trader(config.id)!;
// A closed 1h candle at 100 (as the harness's `candle`): the enqueue resolves after the entry and its protection are placed.
const openTime = 1_800_003_600_000;
await trader.enqueue({ symbol: 'BTCUSDT', interval: '1h', openTime, closeTime: openTime + 3_599_999, open: 100, high: 100.2, low: 99.8, close: 100, volume: 10, closed: true });
const position = trader.position();
if (!position) throw new Error('no position after the entry candle');
process.stdout.write(`ENTERED ${config.id} ${position.quantity}\n`);
// Alive, streams open, until the parent kills it.
setInterval(() => undefined, 60_000);
