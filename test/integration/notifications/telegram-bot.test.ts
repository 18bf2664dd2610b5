// The Bot API adapter remote control polls with, against the local fake: long polling with an offset and a timeout,
// an abort that ends a hanging poll at once, sendMessage with an inline button, and errors that never quote the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramBot, TelegramBotError } from '../../../src-main/adapters/notifications/telegram-bot';
import { startFakeTelegramBot, type FakeTelegramBot } from './fake-servers';

const TOKEN = '555555:PLANTEDadapterTOKENabcdefghijklm';

describe('TelegramBot', () => {
  let fake: FakeTelegramBot;
  let bot: TelegramBot;
  beforeAll(async () => {
    fake = await startFakeTelegramBot();
    bot = new TelegramBot({ baseUrl: `${fake.url}/`, botToken: TOKEN });
  });
  afterAll(() => fake?.close());

  it('long-polls: waits for an update, then confirms it with the next offset', async () => {
    const never = new AbortController().signal;
    const waiting = bot.getUpdates(null, 5, never);
    await new Promise((r) => setTimeout(r, 100));
    const id = fake.push({ message: { chat: { id: 1 }, date: 0, text: '/status' } });
    expect(await waiting).toEqual([{ update_id: id, message: { chat: { id: 1 }, date: 0, text: '/status' } }]);
    expect(fake.calls[0]).toMatchObject({ token: TOKEN, method: 'getUpdates', body: { timeout: 5, limit: 20, allowed_updates: ['message', 'callback_query'] } });
    expect(fake.calls[0]!.body).not.toHaveProperty('offset');
    // Confirmed by the offset: not answered again.
    expect(await bot.getUpdates(id + 1, 0, never)).toEqual([]);
    expect(fake.calls[1]!.body).toMatchObject({ offset: id + 1, timeout: 0 });
  });

  it('an abort ends a hanging long poll at once', async () => {
    const stop = new AbortController();
    const started = performance.now();
    const poll = bot.getUpdates(null, 30, stop.signal);
    setTimeout(() => stop.abort(), 50);
    await expect(poll).rejects.toBeInstanceOf(TelegramBotError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('sends plain text with one row of inline buttons, and answers a button press', async () => {
    const never = new AbortController().signal;
    await bot.sendMessage('42', 'Flatten?', [{ text: 'Confirm flatten', data: 'flatten:0123456789abcdef' }], never);
    await bot.answerCallbackQuery('cb-9', 'Flattening…', never);
    expect(fake.calls.slice(-2).map((c) => [c.method, c.body])).toEqual([
      ['sendMessage', { chat_id: '42', text: 'Flatten?', disable_web_page_preview: true, reply_markup: { inline_keyboard: [[{ text: 'Confirm flatten', callback_data: 'flatten:0123456789abcdef' }]] } }],
      ['answerCallbackQuery', { callback_query_id: 'cb-9', text: 'Flattening…' }],
    ]);
  });

  it('says what failed, with retry_after, and never the token', async () => {
    const never = new AbortController().signal;
    fake.failPolls.push({ status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } } });
    fake.failPolls.push({ status: 401, body: { ok: false, error_code: 401, description: `Unauthorized for bot${TOKEN}` } });
    fake.failPolls.push({ status: 200, body: { ok: true, result: 'not a list' } });
    const failure = async () => bot.getUpdates(null, 0, never).then(() => null, (e: unknown) => e);
    expect(await failure()).toMatchObject({ message: 'getUpdates: HTTP 429: Too Many Requests: retry after 3', retryAfterMs: 3_000 });
    expect(await failure()).toMatchObject({ message: 'getUpdates: HTTP 401: Unauthorized for bot[bot token]', retryAfterMs: null });
    expect(await failure()).toMatchObject({ message: 'getUpdates: the answer is not a list of updates' });
    const unreachable = new TelegramBot({ baseUrl: 'http://127.0.0.1:9', botToken: TOKEN });
    const error = await unreachable.sendMessage('1', 'x', [], never).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramBotError);
    expect(error).toMatchObject({ message: expect.stringMatching(/^sendMessage: network error/), retryAfterMs: null });
    expect(String(error)).not.toContain(TOKEN);
  });
});
