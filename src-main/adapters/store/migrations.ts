// Runs in: engine.
/**
 * Versioned schema. Append a migration; never edit a shipped one.
 * Money is stored as REAL in quote units; times as epoch milliseconds (INTEGER).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'schema v1',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        scheme TEXT NOT NULL,             -- 'safeStorage' | 'scrypt-aes-256-gcm'
        blob BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE game_profiles (
        name TEXT PRIMARY KEY,
        profile TEXT NOT NULL,            -- game profile v1 JSON
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE signals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at INTEGER NOT NULL,
        source TEXT NOT NULL,
        raw TEXT NOT NULL,                -- the frame as received (truncated past 64 KiB, see raw_bytes)
        raw_bytes INTEGER NOT NULL,
        parsed TEXT,                      -- normalized signal JSON when it parsed
        round_id TEXT,
        verdict TEXT NOT NULL,            -- 'accepted' | 'rejected' | 'dropped'
        reason TEXT
      );
      CREATE INDEX signals_round ON signals(round_id);
      CREATE INDEX signals_received ON signals(received_at);

      CREATE TABLE crash_executions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        signal_id INTEGER REFERENCES signals(id),
        round_id TEXT NOT NULL,
        status TEXT NOT NULL,
        mode TEXT NOT NULL,               -- 'dry-run' | 'live'
        bet INTEGER NOT NULL,
        stake REAL NOT NULL,
        target REAL NOT NULL,
        cashout_at REAL,
        max_seen REAL,
        pnl REAL,
        reason TEXT,
        started_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      CREATE UNIQUE INDEX crash_executions_round ON crash_executions(round_id);
      CREATE INDEX crash_executions_started ON crash_executions(started_at);

      CREATE TABLE crash_transitions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        execution_id INTEGER NOT NULL REFERENCES crash_executions(id),
        at INTEGER NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX crash_transitions_exec ON crash_transitions(execution_id);

      CREATE TABLE actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,               -- 'click' | 'refused-click' | 'order' | 'kill-switch' | 'mode' | ...
        target TEXT,                      -- e.g. 'bet', 'cashout', an order id
        x INTEGER,
        y INTEGER,
        mode TEXT NOT NULL,
        reason TEXT NOT NULL,
        execution_id INTEGER,
        detail TEXT
      );
      CREATE INDEX actions_at ON actions(at);

      CREATE TABLE exchange_accounts (
        id TEXT PRIMARY KEY,
        exchange TEXT NOT NULL,           -- 'binance-spot' | 'binance-futures' | 'bybit' | 'paper'
        label TEXT NOT NULL,
        environment TEXT NOT NULL,        -- 'paper' | 'testnet' | 'live'
        api_key TEXT,                     -- public key id, shown masked
        secret_blob BLOB,                 -- encrypted; never plaintext
        secret_scheme TEXT,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE orders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL,
        client_order_id TEXT NOT NULL,
        exchange_order_id TEXT,
        symbol TEXT NOT NULL,
        side TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        quantity REAL NOT NULL,
        price REAL,
        stop_price REAL,
        filled_qty REAL NOT NULL DEFAULT 0,
        avg_price REAL,
        reduce_only INTEGER NOT NULL DEFAULT 0,
        parent_client_order_id TEXT,      -- bracket legs point at their entry
        role TEXT,                        -- 'entry' | 'take-profit' | 'stop-loss' | 'trailing'
        strategy TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        raw TEXT
      );
      CREATE UNIQUE INDEX orders_client ON orders(account_id, client_order_id);
      CREATE INDEX orders_status ON orders(status);

      CREATE TABLE fills (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL,
        client_order_id TEXT NOT NULL,
        trade_id TEXT NOT NULL,
        symbol TEXT NOT NULL,
        side TEXT NOT NULL,
        price REAL NOT NULL,
        quantity REAL NOT NULL,
        fee REAL NOT NULL DEFAULT 0,
        fee_asset TEXT,
        at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX fills_trade ON fills(account_id, trade_id);

      CREATE TABLE positions (
        account_id TEXT NOT NULL,
        symbol TEXT NOT NULL,
        side TEXT NOT NULL,
        quantity REAL NOT NULL,
        entry_price REAL NOT NULL,
        realized_pnl REAL NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, symbol)
      );

      CREATE TABLE equity_snapshots (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        scope TEXT NOT NULL,              -- 'crash' | an account id
        at INTEGER NOT NULL,
        equity REAL NOT NULL
      );
      CREATE INDEX equity_scope_at ON equity_snapshots(scope, at);

      CREATE TABLE candles (
        exchange TEXT NOT NULL,
        symbol TEXT NOT NULL,
        interval TEXT NOT NULL,
        open_time INTEGER NOT NULL,
        open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL,
        PRIMARY KEY (exchange, symbol, interval, open_time)
      ) WITHOUT ROWID;

      CREATE TABLE backtest_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at INTEGER NOT NULL,
        strategy TEXT NOT NULL,
        params TEXT NOT NULL,
        source TEXT NOT NULL,
        metrics TEXT NOT NULL,
        trades TEXT NOT NULL,
        equity TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'strategy optimization',
    sql: `
      CREATE TABLE optimize_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        strategy TEXT NOT NULL,
        source TEXT NOT NULL,             -- as backtest_runs.source
        spec TEXT NOT NULL,               -- the search (space, sampler, objective, seed, trials, folds, fee, fixed params) JSON
        data TEXT NOT NULL,               -- {candles, first, last}: a resume refuses other data
        state TEXT NOT NULL,              -- 'running' | 'cancelled' | 'failed' | 'done'
        result TEXT                       -- once done: best, walk-forward report, stored backtest run ids
      );

      CREATE TABLE optimize_trials (
        run_id INTEGER NOT NULL REFERENCES optimize_runs(id) ON DELETE CASCADE,
        phase INTEGER NOT NULL,           -- 0: the whole data; k: walk-forward fold k's training window
        idx INTEGER NOT NULL,
        params TEXT NOT NULL,             -- the searched values, by param path
        metrics TEXT,                     -- null when the trial failed
        score REAL,                       -- null when the trial failed
        error TEXT,
        PRIMARY KEY (run_id, phase, idx)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'strategy state and protection journal',
    sql: `
      -- One row per configured strategy: its position, exit-plan levels, tier progress, risk counters, last candle.
      CREATE TABLE strategy_state (
        config_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        state TEXT NOT NULL,              -- JSON, parsed with zod on read
        updated_at INTEGER NOT NULL
      );

      -- Every protective step (placed, moved, canceled, failed, adopted), appended before and after it happens.
      CREATE TABLE protection_journal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        account_id TEXT NOT NULL,
        config_id TEXT NOT NULL,
        symbol TEXT NOT NULL,
        step TEXT NOT NULL,
        client_order_id TEXT,
        detail TEXT
      );
      CREATE INDEX protection_journal_config ON protection_journal(config_id, id);

      -- Portfolio limits per account, shared by its strategies and manual orders: day start and peak equity.
      CREATE TABLE account_risk_state (
        account_id TEXT PRIMARY KEY,
        state TEXT NOT NULL,              -- JSON, parsed with zod on read
        updated_at INTEGER NOT NULL
      );
    `,
  },
];
