// Runs in: engine.
import { createHmac } from 'node:crypto';
import type { OutgoingMessage } from '../../core/notifications/notice';
import { retryableStatus, type ChannelTransport, type SendOutcome } from '../../core/notifications/send-outcome';
import { networkError, type HttpPost } from './http-post';

export type WebhookFlavor = 'webhook' | 'slack' | 'discord';

/** The header a generic webhook's receiver checks: HMAC-SHA256 of the exact body bytes, with the shared secret. */
export const SIGNATURE_HEADER = 'X-Cockpit-Signature';

/** Discord refuses `content` over 2000 characters. */
const DISCORD_MAX = 2000;

export function webhookBody(flavor: WebhookFlavor, message: OutgoingMessage): string {
  if (flavor === 'slack') return JSON.stringify({ text: message.text });
  if (flavor === 'discord') return JSON.stringify({ content: message.text.length > DISCORD_MAX ? `${message.text.slice(0, DISCORD_MAX - 1)}…` : message.text });
  return JSON.stringify({ source: 'trading-cockpit', topic: message.topic, kind: message.kind, at: message.at, text: message.text });
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface WebhookChannelOptions {
  readonly flavor: WebhookFlavor;
  readonly url: string;
  /** Generic webhook only; null: unsigned. */
  readonly signingSecret: string | null;
  readonly post: HttpPost;
}

/** A generic JSON webhook, or Slack's / Discord's incoming webhook (their URL is the credential). */
export class WebhookChannel implements ChannelTransport {
  constructor(private readonly options: WebhookChannelOptions) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const { flavor, url, signingSecret, post } = this.options;
    const body = webhookBody(flavor, message);
    const headers: Record<string, string> = flavor === 'webhook' && signingSecret ? { [SIGNATURE_HEADER]: signBody(signingSecret, body) } : {};
    try {
      const answer = await post(url, body, headers);
      if (answer.status >= 200 && answer.status < 300) return { ok: true };
      // The body is the receiver's text, not ours: only the status is kept, so nothing it echoes ends up in the UI.
      return { ok: false, retry: retryableStatus(answer.status), retryAfterMs: answer.retryAfterMs, error: `HTTP ${answer.status}` };
    } catch (error) {
      return { ok: false, retry: true, retryAfterMs: null, error: networkError(error) };
    }
  }
}
