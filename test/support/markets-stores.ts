// The repositories MarketsService takes, on a test's SQLite file, as the engine builds them (src-main/engine/engine.ts).
import type { SecretCipher } from '../../src-main/adapters/secrets/secret-store';
import { AccountStore } from '../../src-main/adapters/store/account-store';
import type { Db } from '../../src-main/adapters/store/database';
import { OrderStore } from '../../src-main/adapters/store/order-store';
import type { SettingsRepo } from '../../src-main/adapters/store/settings-repo';
import { StrategyStateRepo } from '../../src-main/adapters/store/strategy-state-repo';
import type { MarketsDeps } from '../../src-main/engine/markets/markets-service';

export function marketsStores(db: Db, settings: SettingsRepo, cipher: SecretCipher): Pick<MarketsDeps, 'accounts' | 'states' | 'orderStore'> {
  return { accounts: new AccountStore(db, settings, cipher), states: new StrategyStateRepo(db), orderStore: (accountId) => new OrderStore(db, accountId) };
}
