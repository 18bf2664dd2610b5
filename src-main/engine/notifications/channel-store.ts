// Runs in: engine.
import { z } from 'zod';
import { NotificationKind, TopicSwitches } from '../../../src-shared/contract';
import type { SecretStore } from '../../adapters/secrets/secret-store';
import type { SettingsRepo } from '../../adapters/store/settings-repo';

export const StoredChannel = z.object({
  id: z.string(),
  kind: NotificationKind,
  label: z.string(),
  enabled: z.boolean(),
  topics: TopicSwitches,
  roundDigestEvery: z.number().int().min(1),
  maxPerMinute: z.number().int().min(1),
  chatId: z.string().nullable(),
  /** Telegram only: obey /status, /stop, /flatten… from `chatId`. Off unless switched on (older settings lack it). */
  remoteControl: z.boolean().default(false),
  /** Masked at save time, so listing channels never decrypts a secret. */
  target: z.string(),
});
export type StoredChannel = z.infer<typeof StoredChannel>;

const StoredNotifications = z.object({
  signalDownSeconds: z.number().int().min(1).default(60),
  channels: z.array(StoredChannel),
});
type StoredNotifications = z.infer<typeof StoredNotifications>;

export type ChannelSecret = 'url' | 'botToken' | 'signingSecret';

const KEY = 'notifications';
const DEFAULTS: StoredNotifications = { signalDownSeconds: 60, channels: [] };

/** Channel settings in the settings table; their URLs, bot tokens and signing secrets encrypted in the secret store. */
export class ChannelStore {
  constructor(
    private readonly repo: SettingsRepo,
    private readonly secrets: SecretStore,
  ) {}

  read(): StoredNotifications {
    return this.repo.get(KEY, StoredNotifications, DEFAULTS);
  }

  write(value: StoredNotifications): void {
    this.repo.set(KEY, StoredNotifications.parse(value));
  }

  /** For the engine only: the renderer gets `has…` flags. */
  secret(id: string, name: ChannelSecret): string | null {
    return this.secrets.get(secretName(id, name));
  }

  hasSecret(id: string, name: ChannelSecret): boolean {
    return this.secrets.has(secretName(id, name));
  }

  setSecret(id: string, name: ChannelSecret, value: string | null): void {
    this.secrets.put(secretName(id, name), value && value.length > 0 ? value : null);
  }

  forget(id: string): void {
    for (const name of ['url', 'botToken', 'signingSecret'] as const) this.secrets.put(secretName(id, name), null);
  }
}

function secretName(id: string, name: ChannelSecret): string {
  return `notifications.${id}.${name}`;
}

/** Scheme and host only: Slack's, Discord's and many webhook URLs carry their token in the path or query. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}
