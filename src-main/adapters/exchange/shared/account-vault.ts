// Runs in: engine.
import type { Db } from '../../store/database';
import type { ExchangeId } from '../../../core/exchange/types';
import { SafeCredentials, maskKey } from './redact';
import { SecretBox } from './secret-box';

export type Environment = 'paper' | 'testnet' | 'live';

export interface AccountInput {
  readonly id: string;
  readonly exchange: ExchangeId;
  readonly label: string;
  /** Testnet unless the user asks otherwise; live must also be armed at start-up (see openAccount). */
  readonly environment?: Environment;
  readonly apiKey?: string;
  readonly secret?: string;
}

export interface AccountView {
  readonly id: string;
  readonly exchange: ExchangeId;
  readonly label: string;
  readonly environment: Environment;
  readonly apiKeyMasked?: string;
}

/** Exchange accounts in `exchange_accounts`; the secret is stored only as a SecretBox blob. */
export class AccountVault {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  save(a: AccountInput, now = Date.now()): AccountView {
    const environment = a.environment ?? (a.exchange === 'paper' ? 'paper' : 'testnet');
    const blob = a.secret ? this.box.seal(a.secret, `exchange-account:${a.id}`) : null;
    this.db
      .prepare(
        `INSERT INTO exchange_accounts (id, exchange, label, environment, api_key, secret_blob, secret_scheme, created_at) VALUES (?,?,?,?,?,?,?,?)
         ON CONFLICT(id) DO UPDATE SET label = excluded.label, environment = excluded.environment, api_key = excluded.api_key, secret_blob = excluded.secret_blob, secret_scheme = excluded.secret_scheme`,
      )
      .run(a.id, a.exchange, a.label, environment, a.apiKey ?? null, blob, blob ? SecretBox.scheme : null, now);
    return { id: a.id, exchange: a.exchange, label: a.label, environment, apiKeyMasked: a.apiKey ? maskKey(a.apiKey) : undefined };
  }

  list(): AccountView[] {
    return (this.db.prepare('SELECT id, exchange, label, environment, api_key FROM exchange_accounts ORDER BY created_at').all() as Array<Record<string, string | null>>).map((r) => ({
      id: String(r.id),
      exchange: r.exchange as ExchangeId,
      label: String(r.label),
      environment: r.environment as Environment,
      apiKeyMasked: r.api_key ? maskKey(r.api_key) : undefined,
    }));
  }

  /** Decrypts the credentials; a live account opens only when live trading was explicitly armed. */
  credentials(id: string, opts: { liveArmed: boolean }): SafeCredentials {
    const r = this.db.prepare('SELECT environment, api_key, secret_blob, secret_scheme FROM exchange_accounts WHERE id = ?').get(id) as
      | { environment: Environment; api_key: string | null; secret_blob: Buffer | null; secret_scheme: string | null }
      | undefined;
    if (!r) throw new Error(`no exchange account ${id}`);
    if (r.environment === 'live' && !opts.liveArmed) throw new Error(`account ${id} is live: arm live trading first`);
    if (!r.api_key || !r.secret_blob || r.secret_scheme !== SecretBox.scheme) throw new Error(`account ${id} has no usable stored secret`);
    return new SafeCredentials(r.api_key, this.box.open(r.secret_blob, `exchange-account:${id}`));
  }
}
