// Runs in: engine.
import type { HttpPost } from '../../adapters/notifications/http-post';
import { TelegramChannel } from '../../adapters/notifications/telegram-channel';
import { WebhookChannel } from '../../adapters/notifications/webhook-channel';
import type { ChannelTransport } from '../../core/notifications/send-outcome';
import type { ChannelStore, StoredChannel } from './channel-store';

export interface TransportOptions {
  readonly telegramBaseUrl: string;
  readonly post: HttpPost;
}

/** The adapter for a stored channel, with its secrets decrypted; null when a secret it needs is missing. */
export function transportFor(channel: StoredChannel, store: ChannelStore, options: TransportOptions): ChannelTransport | null {
  if (channel.kind === 'telegram') {
    const botToken = store.secret(channel.id, 'botToken');
    if (!botToken || !channel.chatId) return null;
    return new TelegramChannel({ baseUrl: options.telegramBaseUrl, botToken, chatId: channel.chatId, post: options.post });
  }
  const url = store.secret(channel.id, 'url');
  if (!url) return null;
  const signingSecret = channel.kind === 'webhook' ? store.secret(channel.id, 'signingSecret') : null;
  return new WebhookChannel({ flavor: channel.kind, url, signingSecret, post: options.post });
}
