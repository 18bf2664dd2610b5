// Runs in: engine. The counts the first-run guide is ticked from, in one query.
import type { SetupFacts } from '../../core/first-run/setup-guide';
import type { Db } from './database';

export class SetupFactsRepo {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare<[], SetupFacts>(
      `SELECT (SELECT count(*) FROM game_profiles) AS profiles,
              (SELECT count(*) FROM crash_executions WHERE mode = 'dry-run' AND ended_at IS NOT NULL) AS rehearsedRounds,
              (SELECT count(*) FROM signals) AS signals,
              (SELECT count(*) FROM exchange_accounts WHERE exchange = 'paper') AS paperAccounts,
              (SELECT count(*) FROM backtest_runs) AS backtestRuns`,
    );
  }

  facts(): SetupFacts {
    return this.stmt.get()!;
  }
}
