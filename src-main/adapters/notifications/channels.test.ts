import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../core/notifications/notice';
import { fetchPost, networkError, type HttpAnswer, type HttpPost } from './http-post';
import { TelegramChannel } from './telegram-channel';
import { signBody, webhookBody, WebhookChannel } from './webhook-channel';

const TOKEN = '123456:PLANTED-token-abcdefghijklmnopqrstu';
const message: OutgoingMessage = { topic: 'safety', kind: 'kill-switch', at: 42, text: 'Kill switch released.' };

function recording(answer: HttpAnswer | Error): { post: HttpPost; calls: Array<{ url: string; body: string; headers: Record<string, string> }> } {
  const calls: Array<{ url: string; body: string; headers: Record<string, string> }> = [];
  return {
    calls,
    post: async (url, body, headers) => {
      calls.push({ url, body, headers });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const telegram = (post: HttpPost) => new TelegramChannel({ baseUrl: 'http://127.0.0.1:9/', botToken: TOKEN, chatId: '-100', post });

describe('TelegramChannel', () => {
  it('posts sendMessage with the chat id and plain text', async () => {
    const { post, calls } = recording({ status: 200, body: '{"ok":true,"result":{}}', retryAfterMs: null });
    expect(await telegram(post).send(message)).toEqual({ ok: true });
    expect(calls[0]!.url).toBe(`http://127.0.0.1:9/bot${TOKEN}/sendMessage`);
    expect(JSON.parse(calls[0]!.body)).toEqual({ chat_id: '-100', text: 'Kill switch released.', disable_web_page_preview: true });
  });

  it('retries a 429 no sooner than its retry_after, and a 5xx', async () => {
    const limited = recording({ status: 429, body: '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}', retryAfterMs: null });
    expect(await telegram(limited.post).send(message)).toEqual({ ok: false, retry: true, retryAfterMs: 7_000, error: 'HTTP 429: Too Many Requests: retry after 7' });
    const down = recording({ status: 502, body: '<html>bad gateway</html>', retryAfterMs: null });
    expect(await telegram(down.post).send(message)).toEqual({ ok: false, retry: true, retryAfterMs: null, error: 'HTTP 502 (not a Bot API answer)' });
  });

  it('does not retry a refused request, and keeps the token out of the error it quotes', async () => {
    const { post } = recording({ status: 401, body: `{"ok":false,"error_code":401,"description":"Unauthorized bot${TOKEN}"}`, retryAfterMs: null });
    const outcome = await telegram(post).send(message);
    expect(outcome).toEqual({ ok: false, retry: false, retryAfterMs: null, error: 'HTTP 401: Unauthorized bot[bot token]' });
  });

  it('does not take a 200 that is not {ok: true} for a delivery', async () => {
    const { post } = recording({ status: 200, body: '{"ok":false,"description":"odd"}', retryAfterMs: null });
    expect(await telegram(post).send(message)).toMatchObject({ ok: false, retry: false });
    const garbage = recording({ status: 200, body: 'not json', retryAfterMs: null });
    expect(await telegram(garbage.post).send(message)).toMatchObject({ ok: false, error: 'HTTP 200 (not a Bot API answer)' });
  });

  it('says what a network failure was without the URL', async () => {
    const { post } = recording(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`connect ECONNREFUSED http://127.0.0.1:9/bot${TOKEN}`), { code: 'ECONNREFUSED' }) }));
    expect(await telegram(post).send(message)).toEqual({ ok: false, retry: true, retryAfterMs: null, error: 'network error (ECONNREFUSED)' });
  });
});

describe('WebhookChannel', () => {
  it('shapes the body for Slack, Discord and a generic receiver', () => {
    expect(JSON.parse(webhookBody('slack', message))).toEqual({ text: 'Kill switch released.' });
    expect(JSON.parse(webhookBody('discord', message))).toEqual({ content: 'Kill switch released.' });
    expect(JSON.parse(webhookBody('webhook', message))).toEqual({ source: 'trading-cockpit', topic: 'safety', kind: 'kill-switch', at: 42, text: 'Kill switch released.' });
    expect((JSON.parse(webhookBody('discord', { ...message, text: 'x'.repeat(5000) })) as { content: string }).content).toHaveLength(2000);
  });

  it('signs a generic webhook body with HMAC-SHA256, and nothing else', async () => {
    const signed = recording({ status: 204, body: '', retryAfterMs: null });
    expect(await new WebhookChannel({ flavor: 'webhook', url: 'http://h/x', signingSecret: 's3cret-key', post: signed.post }).send(message)).toEqual({ ok: true });
    const { body, headers } = signed.calls[0]!;
    expect(headers['X-Cockpit-Signature']).toBe(`sha256=${createHmac('sha256', 's3cret-key').update(body).digest('hex')}`);
    expect(signBody('s3cret-key', body)).toBe(headers['X-Cockpit-Signature']);
    const slack = recording({ status: 200, body: 'ok', retryAfterMs: null });
    await new WebhookChannel({ flavor: 'slack', url: 'http://h/x', signingSecret: 's3cret-key', post: slack.post }).send(message);
    expect(slack.calls[0]!.headers).toEqual({});
  });

  it('retries 429 (with Retry-After) and 5xx, not 4xx, and never echoes the receiver', async () => {
    const send = (answer: HttpAnswer) => new WebhookChannel({ flavor: 'discord', url: 'http://h/x', signingSecret: null, post: recording(answer).post }).send(message);
    expect(await send({ status: 429, body: '{}', retryAfterMs: 2_000 })).toEqual({ ok: false, retry: true, retryAfterMs: 2_000, error: 'HTTP 429' });
    expect(await send({ status: 503, body: 'secret-ish page', retryAfterMs: null })).toEqual({ ok: false, retry: true, retryAfterMs: null, error: 'HTTP 503' });
    expect(await send({ status: 404, body: 'Unknown Webhook', retryAfterMs: null })).toEqual({ ok: false, retry: false, retryAfterMs: null, error: 'HTTP 404' });
  });
});

describe('fetchPost', () => {
  it('names a refused connection without its URL', async () => {
    const error = await fetchPost(2_000)(`http://127.0.0.1:9/bot${TOKEN}/sendMessage`, '{}', {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(networkError(error)).toMatch(/^network error/);
    expect(networkError(error)).not.toContain(TOKEN);
  });
});
