// Runs in: engine.
import type { z } from 'zod';
import type { Db } from './database';

export interface JournalEntry {
  readonly accountId: string;
  readonly configId: string;
  readonly symbol: string;
  readonly step: string;
  readonly clientOrderId?: string;
  readonly detail?: string;
}

export interface JournalRow extends JournalEntry {
  readonly at: number;
}

/**
 * Per-strategy trading state and the protection journal. The state is the caller's JSON, parsed with
 * its schema on read: a row written by an older build that no longer parses reads as absent.
 */
export class StrategyStateRepo {
  constructor(private readonly db: Db) {}

  get<S extends z.ZodType>(configId: string, schema: S): z.output<S> | undefined {
    const row = this.db.prepare<[string], { state: string }>('SELECT state FROM strategy_state WHERE config_id = ?').get(configId);
    const parsed = row ? schema.safeParse(safeJson(row.state)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }

  save(configId: string, accountId: string, state: unknown, now = Date.now()): void {
    this.db
      .prepare('INSERT INTO strategy_state (config_id, account_id, state, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(config_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at')
      .run(configId, accountId, JSON.stringify(state), now);
  }

  accountState<S extends z.ZodType>(accountId: string, schema: S): z.output<S> | undefined {
    const row = this.db.prepare<[string], { state: string }>('SELECT state FROM account_risk_state WHERE account_id = ?').get(accountId);
    const parsed = row ? schema.safeParse(safeJson(row.state)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }

  saveAccountState(accountId: string, state: unknown, now = Date.now()): void {
    this.db
      .prepare('INSERT INTO account_risk_state (account_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at')
      .run(accountId, JSON.stringify(state), now);
  }

  journal(e: JournalEntry, now = Date.now()): void {
    this.db.prepare('INSERT INTO protection_journal (at, account_id, config_id, symbol, step, client_order_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(now, e.accountId, e.configId, e.symbol, e.step, e.clientOrderId ?? null, e.detail ?? null);
  }

  journalOf(configId: string, limit = 200): JournalRow[] {
    const rows = this.db
      .prepare<[string, number], { at: number; account_id: string; config_id: string; symbol: string; step: string; client_order_id: string | null; detail: string | null }>(
        'SELECT * FROM (SELECT * FROM protection_journal WHERE config_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
      )
      .all(configId, limit);
    return rows.map((r) => ({ at: r.at, accountId: r.account_id, configId: r.config_id, symbol: r.symbol, step: r.step, clientOrderId: r.client_order_id ?? undefined, detail: r.detail ?? undefined }));
  }
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
