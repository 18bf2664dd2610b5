// Runs in: engine.
import type { OutgoingMessage } from '../../core/notifications/notice';
import { retryableStatus, type ChannelTransport, type SendOutcome } from '../../core/notifications/send-outcome';
import { networkError, type HttpAnswer, type HttpPost } from './http-post';
import { botMethodUrl, fitMessage, readBotReply } from './telegram-api';

export { TELEGRAM_API } from './telegram-api';

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
    const body = JSON.stringify({ chat_id: chatId, text: fitMessage(message.text), disable_web_page_preview: true });
    let answer: HttpAnswer;
    try {
      answer = await post(botMethodUrl(baseUrl, botToken, 'sendMessage'), body, {});
    } catch (error) {
      return { ok: false, retry: true, retryAfterMs: null, error: networkError(error) };
    }
    const reply = readBotReply(answer, botToken);
    return reply.ok ? { ok: true } : { ok: false, retry: retryableStatus(answer.status), retryAfterMs: reply.retryAfterMs, error: reply.error };
  }
}
