// Runs in: engine.
import { z } from 'zod';
import { networkError } from './http-post';
import { botMethodUrl, fitMessage, readBotReply } from './telegram-api';

/** At most this many updates per poll: a bounded answer, and a backlog is worked through in turns. */
const UPDATES_PER_POLL = 20;
const Updates = z.array(z.unknown()).max(UPDATES_PER_POLL);
const MAX_BODY = 1_000_000;

/** A failed Bot API call, in words that hold no token; `retryAfterMs` when Telegram said how long to wait. */
export class TelegramBotError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'TelegramBotError';
  }
}

export interface InlineButton {
  readonly text: string;
  /** `callback_data`: 1 to 64 bytes. */
  readonly data: string;
}

export interface TelegramBotOptions {
  /** `https://api.telegram.org`; tests point it at a local fake. */
  readonly baseUrl: string;
  readonly botToken: string;
  /** Bound on each call; a long poll waits its own timeout on top. */
  readonly requestTimeoutMs?: number;
}

/**
 * The Bot API calls remote control needs: long-polled `getUpdates`, `sendMessage` (optionally with one row of inline
 * buttons) and `answerCallbackQuery`. Node's fetch; redirects are refused so the token-bearing URL never goes to
 * another host, and errors never quote the URL.
 */
export class TelegramBot {
  constructor(private readonly options: TelegramBotOptions) {}

  /**
   * Waits up to `timeoutSeconds` for updates; `offset` confirms every update before it, so Telegram stops resending
   * them. Answers the raw updates: whoever acts on one parses it (a malformed one must not hide the others).
   */
  async getUpdates(offset: number | null, timeoutSeconds: number, signal: AbortSignal): Promise<unknown[]> {
    const payload = { timeout: timeoutSeconds, limit: UPDATES_PER_POLL, allowed_updates: ['message', 'callback_query'], ...(offset === null ? {} : { offset }) };
    const result = await this.call('getUpdates', payload, timeoutSeconds * 1000, signal);
    const updates = Updates.safeParse(result);
    if (!updates.success) throw new TelegramBotError('getUpdates: the answer is not a list of updates', null);
    return updates.data;
  }

  /** Plain text (no parse_mode: nothing in a reply can add markup or links). */
  async sendMessage(chatId: string, text: string, buttons: readonly InlineButton[], signal: AbortSignal): Promise<void> {
    const markup = buttons.length > 0 ? { reply_markup: { inline_keyboard: [buttons.map((b) => ({ text: b.text, callback_data: b.data }))] } } : {};
    await this.call('sendMessage', { chat_id: chatId, text: fitMessage(text), disable_web_page_preview: true, ...markup }, 0, signal);
  }

  /** Stops the button's spinner; `text` shows briefly on the phone. */
  async answerCallbackQuery(id: string, text: string, signal: AbortSignal): Promise<void> {
    await this.call('answerCallbackQuery', { callback_query_id: id, text: text.slice(0, 200) }, 0, signal);
  }

  private async call(method: string, payload: object, extraMs: number, signal: AbortSignal): Promise<unknown> {
    const { baseUrl, botToken } = this.options;
    const timeout = AbortSignal.timeout((this.options.requestTimeoutMs ?? 10_000) + extraMs);
    let status: number;
    let raw: string;
    let headerRetry: number | null;
    try {
      const response = await fetch(botMethodUrl(baseUrl, botToken, method), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        redirect: 'error',
        signal: AbortSignal.any([signal, timeout]),
      });
      status = response.status;
      raw = (await response.text()).slice(0, MAX_BODY);
      const retryAfter = Number(response.headers.get('retry-after'));
      headerRetry = response.headers.has('retry-after') && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : null;
    } catch (error) {
      throw new TelegramBotError(`${method}: ${networkError(error)}`, null);
    }
    const reply = readBotReply({ status, body: raw, retryAfterMs: headerRetry }, botToken);
    if (reply.ok) return reply.result;
    throw new TelegramBotError(`${method}: ${reply.error}`, reply.retryAfterMs);
  }
}

