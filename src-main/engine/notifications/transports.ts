// Runs in: engine.
import { DesktopChannel } from '../../adapters/notifications/desktop-channel';
import type { HttpPost } from '../../adapters/notifications/http-post';
import { TelegramChannel } from '../../adapters/notifications/telegram-channel';
import { WebhookChannel } from '../../adapters/notifications/webhook-channel';
import { DESKTOP_NEEDS_APP, desktopUnavailable, type DesktopNotifier } from '../../core/notifications/desktop-notification';
import type { ChannelTransport } from '../../core/notifications/send-outcome';
import type { ChannelStore, StoredChannel } from './channel-store';

export interface TransportOptions {
  readonly telegramBaseUrl: string;
  readonly post: HttpPost;
  /** The Electron shell's native notifications; absent in the headless cockpit. */
  readonly desktop?: DesktopNotifier;
}

/** A channel's adapter, or why it has none (shown as the channel's status). */
export type TransportChoice = { readonly transport: ChannelTransport } | { readonly unavailable: string };

export const NOT_CONFIGURED = 'not configured: a URL, bot token or chat id is missing';

/** The adapter for a stored channel, with its secrets decrypted; unavailable when a secret it needs, or the desktop, is missing. */
export function transportFor(channel: StoredChannel, store: ChannelStore, options: TransportOptions): TransportChoice {
  if (channel.kind === 'desktop') {
    const notifier = options.desktop;
    const unavailable = desktopUnavailable(notifier);
    return notifier && !unavailable ? { transport: new DesktopChannel({ notifier }) } : { unavailable: unavailable ?? DESKTOP_NEEDS_APP };
  }
  if (channel.kind === 'telegram') {
    const botToken = store.secret(channel.id, 'botToken');
    if (!botToken || !channel.chatId) return { unavailable: NOT_CONFIGURED };
    return { transport: new TelegramChannel({ baseUrl: options.telegramBaseUrl, botToken, chatId: channel.chatId, post: options.post }) };
  }
  const url = store.secret(channel.id, 'url');
  if (!url) return { unavailable: NOT_CONFIGURED };
  const signingSecret = channel.kind === 'webhook' ? store.secret(channel.id, 'signingSecret') : null;
  return { transport: new WebhookChannel({ flavor: channel.kind, url, signingSecret, post: options.post }) };
}
