// Runs in: engine.
import { z } from 'zod';
import type { OutgoingMessage } from '../../core/notifications/notice';
import { retryableStatus, type ChannelTransport, type SendOutcome } from '../../core/notifications/send-outcome';
import { networkError, type HttpPost } from './http-post';

export const TELEGRAM_API = 'https://api.telegram.org';

/** Telegram refuses messages over 4096 characters. */
const TELEGRAM_MAX = 4096;

/** The Bot API's answer envelope (https://core.telegram.org/bots/api#making-requests). */
const TelegramAnswer = z.object({
  ok: z.boolean(),
  description: z.string().max(500).optional(),
  parameters: z.object({ retry_after: z.number().nonnegative().max(86_400).optional() }).optional(),
});

export interface TelegramChannelOptions {
  /** `https://api.telegram.org`; tests point it at a local fake. */
  readonly baseUrl: string;
  readonly botToken: string;
  readonly chatId: string;
  readonly post: HttpPost;
}

/** `sendMessage` of the Telegram Bot API, plain text (no parse_mode: nothing in an event can add markup or links). */
export class TelegramChannel implements ChannelTransport {
  constructor(private readonly options: TelegramChannelOptions) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const { baseUrl, botToken, chatId, post } = this.options;
    const text = message.text.length > TELEGRAM_MAX ? `${message.text.slice(0, TELEGRAM_MAX - 1)}…` : message.text;
    const body = JSON.stringify({ chat_id: chatId, text, disable_web_page_preview: true });
    let status: number;
    let raw: string;
    let headerRetry: number | null;
    try {
      ({ status, body: raw, retryAfterMs: headerRetry } = await post(`${baseUrl.replace(/\/+$/, '')}/bot${botToken}/sendMessage`, body, {}));
    } catch (error) {
      return { ok: false, retry: true, retryAfterMs: null, error: networkError(error) };
    }
    const answer = TelegramAnswer.safeParse(safeJson(raw));
    if (status >= 200 && status < 300 && answer.success && answer.data.ok) return { ok: true };
    const retryAfter = answer.success && answer.data.parameters?.retry_after !== undefined ? answer.data.parameters.retry_after * 1000 : headerRetry;
    // Telegram's descriptions ("Bad Request: chat not found") say what to fix; the token is only ever in the URL.
    const description = answer.success && answer.data.description ? `: ${scrub(answer.data.description, botToken)}` : answer.success ? '' : ' (not a Bot API answer)';
    return { ok: false, retry: retryableStatus(status), retryAfterMs: retryAfter, error: `HTTP ${status}${description}` };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A server that quotes the request path back must not put the token on screen. */
function scrub(text: string, token: string): string {
  return text.split(token).join('[bot token]');
}
