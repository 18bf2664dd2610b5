// Runs in: engine. Exchange accounts in `exchange_accounts`: the API secret is sealed with the shell's cipher (safeStorage or scrypt), never stored or shown in clear.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AccountEnvironment, AccountExchange } from '../../../src-shared/contract';
import type { SecretCipher } from '../secrets/secret-store';
import { maskKey, SafeCredentials } from '../exchange/shared/redact';
import type { Db } from './database';
import type { SettingsRepo } from './settings-repo';

export interface StoredAccount {
  readonly id: string;
  readonly exchange: AccountExchange;
  readonly label: string;
  readonly environment: AccountEnvironment;
  readonly apiKeyMasked: string | null;
  readonly baseUrl: string | null;
  readonly paperBalance: number;
}

export interface NewAccount {
  readonly exchange: AccountExchange;
  readonly environment: AccountEnvironment;
  readonly label: string;
  readonly apiKey?: string;
  readonly apiSecret?: string;
  readonly baseUrl?: string;
  readonly paperBalance: number;
}

// The table predates these fields; they live beside it in settings, keyed by account id.
const EXTRA_KEY = 'markets.accountExtras';
const Extras = z.record(z.string(), z.object({ baseUrl: z.string().nullable(), paperBalance: z.number() }));

const ID_PREFIX: Readonly<Record<AccountExchange, string>> = { paper: 'paper', 'binance-spot': 'bn', 'binance-futures': 'bnf', bybit: 'bb' };

/** The secret is bound to its account: the sealed text carries the id, checked on open, so a blob copied to another row is refused. */
const bind = (id: string, secret: string) => `${id}\n${secret}`;

export class AccountStore {
  constructor(
    private readonly db: Db,
    private readonly settings: SettingsRepo,
    private readonly cipher: SecretCipher,
  ) {}

  add(a: NewAccount, now = Date.now()): StoredAccount {
    const id = `${ID_PREFIX[a.exchange]}-${randomUUID().slice(0, 8)}`;
    const blob = a.apiSecret ? this.cipher.encrypt(bind(id, a.apiSecret)) : null;
    this.db
      .prepare('INSERT INTO exchange_accounts (id, exchange, label, environment, api_key, secret_blob, secret_scheme, created_at) VALUES (?,?,?,?,?,?,?,?)')
      .run(id, a.exchange, a.label, a.environment, a.apiKey ?? null, blob, blob ? this.cipher.scheme : null, now);
    this.settings.set(EXTRA_KEY, { ...this.extras(), [id]: { baseUrl: a.baseUrl ?? null, paperBalance: a.paperBalance } });
    return this.get(id)!;
  }

  list(): StoredAccount[] {
    const extras = this.extras();
    const rows = this.db.prepare("SELECT id, exchange, label, environment, api_key FROM exchange_accounts WHERE exchange IN ('paper','binance-spot','binance-futures','bybit') ORDER BY created_at").all() as Array<{ id: string; exchange: AccountExchange; label: string; environment: AccountEnvironment; api_key: string | null }>;
    return rows.map((r) => ({
      id: r.id,
      exchange: r.exchange,
      label: r.label,
      environment: r.environment,
      apiKeyMasked: r.api_key ? maskKey(r.api_key) : null,
      baseUrl: extras[r.id]?.baseUrl ?? null,
      paperBalance: extras[r.id]?.paperBalance ?? 10_000,
    }));
  }

  get(id: string): StoredAccount | undefined {
    return this.list().find((a) => a.id === id);
  }

  remove(id: string): boolean {
    const { [id]: _gone, ...rest } = this.extras();
    this.settings.set(EXTRA_KEY, rest);
    return this.db.prepare('DELETE FROM exchange_accounts WHERE id = ?').run(id).changes > 0;
  }

  /** Decrypted credentials, wrapped so JSON, logs and inspection show only the masked key. */
  credentials(id: string): SafeCredentials {
    const r = this.db.prepare('SELECT api_key, secret_blob, secret_scheme FROM exchange_accounts WHERE id = ?').get(id) as { api_key: string | null; secret_blob: Buffer | null; secret_scheme: string | null } | undefined;
    if (!r?.api_key || !r.secret_blob) throw new Error(`account ${id} has no stored key`);
    if (r.secret_scheme !== this.cipher.scheme) throw new Error(`account ${id} was sealed with ${r.secret_scheme}; re-enter its key`);
    const text = this.cipher.decrypt(r.secret_blob);
    const cut = text.indexOf('\n');
    if (cut < 0 || text.slice(0, cut) !== id) throw new Error(`account ${id}: stored secret belongs to another account`);
    return new SafeCredentials(r.api_key, text.slice(cut + 1));
  }

  private extras(): z.output<typeof Extras> {
    return this.settings.get(EXTRA_KEY, Extras, {});
  }
}
