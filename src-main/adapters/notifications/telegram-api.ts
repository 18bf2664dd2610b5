// Runs in: engine. What every Telegram Bot API call shares: the URL, the answer envelope, the message size limit,
// and errors in words that never quote the token.
import { z } from 'zod';
import type { HttpAnswer } from './http-post';

export const TELEGRAM_API = 'https://api.telegram.org';

/** Telegram refuses messages over 4096 characters. */
const TELEGRAM_MAX = 4096;

/** The Bot API's answer envelope (https://core.telegram.org/bots/api#making-requests). */
const BotAnswer = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  description: z.string().max(500).optional(),
  parameters: z.object({ retry_after: z.number().nonnegative().max(86_400).optional() }).optional(),
});

export function botMethodUrl(baseUrl: string, botToken: string, method: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/bot${botToken}/${method}`;
}

export function fitMessage(text: string): string {
  return text.length > TELEGRAM_MAX ? `${text.slice(0, TELEGRAM_MAX - 1)}…` : text;
}

export type BotReply = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: string; readonly retryAfterMs: number | null };

/**
 * Reads an HTTP answer from the Bot API. Telegram's descriptions ("Bad Request: chat not found") say what to fix; a
 * server that quotes the request path back must not put the token on screen.
 */
export function readBotReply(answer: HttpAnswer, botToken: string): BotReply {
  const parsed = BotAnswer.safeParse(safeJson(answer.body));
  if (answer.status >= 200 && answer.status < 300 && parsed.success && parsed.data.ok) return { ok: true, result: parsed.data.result };
  const retryAfterMs = parsed.success && parsed.data.parameters?.retry_after !== undefined ? parsed.data.parameters.retry_after * 1000 : answer.retryAfterMs;
  const description = parsed.success && parsed.data.description ? `: ${parsed.data.description.split(botToken).join('[bot token]')}` : parsed.success ? '' : ' (not a Bot API answer)';
  return { ok: false, error: `HTTP ${answer.status}${description}`, retryAfterMs };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
