// Notifications end to end: a real engine posts to a local fake Telegram Bot API and a local webhook receiver.
// Every event type arrives once per channel; a failing or hanging channel is retried and never holds up the engine;
// the webhook's HMAC header verifies; planted secrets reach no message body, log line or call result.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotificationsView, NotificationTestResult, type AppStatus, type Execution, type OrderRow, type Result } from '../../../src-shared/contract';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { captureLogger } from '../../support/capture-logger';
import { tempDir } from '../../support/temp-dir';
import { startFakeServer, TELEGRAM_OK, WEBHOOK_OK, type FakeServer, type Received } from './fake-servers';

const BOT_TOKEN = '123456789:PLANTEDbotTOKENabcdefghijklmnopqrst';
const HMAC_SECRET = 'PLANTED-hmac-secret-5b1f0c9e';
const SLACK_PATH = '/slack/services/T0/B0/PLANTEDslackTOKEN42';
const CHAT = '-100200300';

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const exec = (over: Partial<Execution>): Execution => ({ id: 1, roundId: 'r1', status: 'CASHOUT_EXECUTED', mode: 'dry-run', bet: true, stake: 1, target: 2, cashoutAt: 2, maxSeen: 2.4, pnl: 1, reason: null, startedAt: 1, endedAt: 2, ...over });
const order: OrderRow = { accountId: 'paper-1', clientOrderId: 'c-1', symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', status: 'FILLED', quantity: 0.01, price: null, stopPrice: null, filledQty: 0.01, avgPrice: 61_000, role: 'entry', strategy: 'sma-1', updatedAt: 1 };
const source = (running: boolean, state: 'open' | 'reconnecting') => ({ running, profile: 'p', source: { url: 'ws://127.0.0.1:1', state, reconnects: 0, lastMessageAt: null, detail: null }, queueLength: 0, current: null, game: null, stopping: null });

describe('notifications', () => {
  const dir = tempDir('cockpit-notify-');
  let engine: Engine;
  let telegram: FakeServer;
  let hooks: FakeServer;
  const results: Array<Result<unknown>> = [];
  const logged: string[] = [];

  const call = async (name: string, input: unknown): Promise<unknown> => {
    const result = await engine.dispatch(name, input);
    results.push(result);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.data;
  };
  const view = async () => NotificationsView.parse(await call('notifications.list', undefined));
  const onPath = (server: FakeServer, prefix: string) => server.received.filter((r) => r.path.startsWith(prefix));
  const textOf = (r: Received): string => {
    const body = JSON.parse(r.raw) as { text?: string; content?: string };
    return body.text ?? body.content ?? '';
  };
  const settle = () => new Promise((r) => setTimeout(r, 300));

  beforeAll(async () => {
    for (const method of ['log', 'warn', 'error', 'info'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' ')));
    }
    [telegram, hooks] = await Promise.all([startFakeServer(TELEGRAM_OK), startFakeServer(WEBHOOK_OK)]);
    engine = createEngine({
      dataDir: dir.path,
      shell: 'cli',
      cipher: new ScryptCipher('test passphrase'),
      startMarkets: false,
      // Lines as the code wrote them, before the logger's redaction: the code itself must not log a secret.
      logger: captureLogger(logged),
      notifications: { telegramBaseUrl: telegram.url, retry: { maxAttempts: 6, baseMs: 50, maxMs: 1_000 } },
    });
    const topics = { rounds: true, safety: true, signals: true, errors: true, trades: true };
    await call('notifications.save', { kind: 'telegram', label: 'Phone', topics, maxPerMinute: 120, botToken: BOT_TOKEN, chatId: CHAT });
    await call('notifications.save', { kind: 'webhook', label: 'Hook', topics, maxPerMinute: 120, url: `${hooks.url}/hook`, signingSecret: HMAC_SECRET });
    await call('notifications.save', { kind: 'slack', label: 'Slack', topics, maxPerMinute: 120, url: `${hooks.url}${SLACK_PATH}` });
    await call('notifications.save', { kind: 'discord', label: 'Discord', topics: { ...topics, rounds: false }, maxPerMinute: 120, url: `${hooks.url}/discord/1/PLANTEDdiscord` });
    await call('notifications.setSignalDownSeconds', { seconds: 1 });
  });

  afterAll(async () => {
    await engine?.shutdown('test over');
    await Promise.all([telegram?.close(), hooks?.close()]);
    vi.restoreAllMocks();
    dir.cleanup();
  });

  it('lists the channels with their secrets masked', async () => {
    const { channels } = await view();
    expect(channels.map((c) => [c.id, c.kind, c.target, c.hasUrl, c.hasBotToken, c.hasSigningSecret])).toEqual([
      ['phone', 'telegram', `Telegram chat ${CHAT}`, false, true, false],
      ['hook', 'webhook', `${hooks.url}/…`, true, false, true],
      ['slack', 'slack', `${hooks.url}/…`, true, false, false],
      ['discord', 'discord', `${hooks.url}/…`, true, false, false],
    ]);
  });

  it('delivers every event type once to every channel that wants it', async () => {
    const status = (over: Partial<AppStatus>): AppStatus => ({ ...engine.status(), ...over });
    expect((await engine.dispatch('app.setKillSwitch', { engaged: true })).ok).toBe(true);
    expect((await engine.dispatch('app.setKillSwitch', { engaged: false })).ok).toBe(true);
    engine.bus.emit('app.status', status({ mode: 'live' }));
    engine.bus.emit('app.status', status({ mode: 'dry-run' }));
    engine.bus.emit('execution.updated', exec({ status: 'MONITORING', pnl: null, cashoutAt: null }));
    engine.bus.emit('execution.updated', exec({}));
    engine.bus.emit('execution.updated', exec({})); // republished with the crash point: still one message
    engine.bus.emit('execution.updated', exec({ id: 2, roundId: 'r2', status: 'SKIPPED', bet: true, pnl: null, cashoutAt: null, reason: 'refused by limit: stake 1 exceeds the max stake 0.5' }));
    engine.actions.record({ kind: 'refused-order', mode: 'dry-run', reason: 'order of 900 USDT exceeds the max position limit 500' });
    engine.bus.emit('toast', { level: 'error', message: 'sma-1 stopped after repeated failures: venue down.', component: 'markets' });
    engine.bus.emit('toast', { level: 'info', message: 'not worth a message' });
    // A round trip recorded as the fill ledger does: bought at 60000, sold at 61000, so a trade closed with +10.
    const fill = engine.db.prepare('INSERT INTO fills (account_id, client_order_id, trade_id, symbol, side, price, quantity, fee, at) VALUES (?,?,?,?,?,?,?,0,?)');
    fill.run('paper-1', 'c-0', 't-0', 'BTCUSDT', 'BUY', 60_000, 0.01, Date.now());
    fill.run('paper-1', 'c-1', 't-1', 'BTCUSDT', 'SELL', 61_000, 0.01, Date.now());
    engine.bus.emit('markets.order', { ...order, status: 'NEW', filledQty: 0, avgPrice: null });
    engine.bus.emit('markets.order', order);
    // The autopilot publishes its own (stopped) state after a kill switch, on its UI lane: let that pass first.
    await settle();
    engine.bus.emit('autopilot.state', source(true, 'open'));
    engine.bus.emit('autopilot.state', source(true, 'reconnecting'));
    await until(() => onPath(hooks, '/hook').some((r) => r.raw.includes('"source-down"')), 5_000, 'source-down');
    engine.bus.emit('autopilot.state', source(true, 'open'));
    engine.bus.emit('autopilot.state', source(false, 'open'));

    const kinds = ['kill-switch', 'kill-switch', 'mode', 'mode', 'round', 'round', 'limit', 'limit', 'error', 'fill', 'trade-closed', 'source-down', 'source-back'];
    await until(() => onPath(hooks, '/hook').length >= kinds.length && onPath(telegram, '/bot').length >= kinds.length && onPath(hooks, '/slack').length >= kinds.length && onPath(hooks, '/discord').length >= kinds.length - 2, 10_000, 'all messages');
    await settle();
    const hook = onPath(hooks, '/hook').map((r) => JSON.parse(r.raw) as { source: string; topic: string; kind: string; text: string });
    expect(hook.map((b) => b.kind).sort()).toEqual([...kinds].sort());
    expect(hook.every((b) => b.source === 'trading-cockpit')).toBe(true);
    const texts = hook.map((b) => b.text).sort();
    expect(texts).toContain('Kill switch ENGAGED: all trading stopped.');
    expect(texts).toContain('Round r1: cashed out at 2.00x, P&L +1.00; stake 1, target 2.00x [dry run, simulated]');
    expect(texts).toContain('Limit hit: round r2 not played: stake 1 exceeds the max stake 0.5');
    expect(texts).toContain('Fill on paper-1: SELL 0.01 BTCUSDT @ 61000 by sma-1');
    expect(texts).toContain('Trade closed on paper-1: BTCUSDT, P&L +10.00');
    expect(texts).toContain('Error (markets): sma-1 stopped after repeated failures: venue down.');
    // Telegram: sendMessage to the chat, plain text; Slack {text}; Discord {content} without the rounds it switched off.
    const tg = onPath(telegram, '/bot').map((r) => JSON.parse(r.raw) as { chat_id: string; text: string });
    expect(onPath(telegram, '/bot').every((r) => r.path === `/bot${BOT_TOKEN}/sendMessage`)).toBe(true);
    expect(tg.every((b) => b.chat_id === CHAT)).toBe(true);
    expect(tg.map((b) => b.text).sort()).toEqual(texts);
    expect(onPath(hooks, '/slack').map(textOf).sort()).toEqual(texts);
    expect(onPath(hooks, '/discord').map((r) => Object.keys(JSON.parse(r.raw))).every((k) => k.join() === 'content')).toBe(true);
    expect(onPath(hooks, '/discord').map(textOf).sort()).toEqual(texts.filter((t) => !t.startsWith('Round ')));
    for (const c of (await view()).channels) expect(c.status).toMatchObject({ healthy: true, consecutiveFailures: 0, queued: 0, dropped: 0 });
  });

  it('signs generic webhook bodies with HMAC-SHA256 of the raw body, and only those', () => {
    const hook = onPath(hooks, '/hook');
    expect(hook.length).toBeGreaterThan(0);
    for (const r of hook) expect(r.headers['x-cockpit-signature']).toBe(`sha256=${createHmac('sha256', HMAC_SECRET).update(r.raw).digest('hex')}`);
    for (const r of hook) expect(r.headers['x-cockpit-signature']).not.toBe(`sha256=${createHmac('sha256', 'another secret').update(r.raw).digest('hex')}`);
    for (const r of [...onPath(hooks, '/slack'), ...onPath(hooks, '/discord')]) expect(r.headers['x-cockpit-signature']).toBeUndefined();
  });

  it('retries a channel that answers 500 or 429, shows it unhealthy meanwhile, and never holds up the kill switch', async () => {
    const before = { hook: onPath(hooks, '/hook').length, tg: onPath(telegram, '/bot').length };
    hooks.fallback = { status: 500, body: { error: 'down' } };
    telegram.next.push({ status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } });
    const started = performance.now();
    expect((await engine.dispatch('app.setKillSwitch', { engaged: true })).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
    // The receiver counts a request before the sender has read its answer: wait on the sender's own count.
    const hookStatus = async () => (await view()).channels.find((c) => c.id === 'hook')!.status;
    await until(async () => (await hookStatus()).consecutiveFailures >= 2, 5_000, 'webhook retries');
    expect(onPath(hooks, '/hook').length).toBeGreaterThanOrEqual(before.hook + 2);
    expect(await hookStatus()).toMatchObject({ healthy: false, lastError: 'HTTP 500' });
    hooks.fallback = WEBHOOK_OK;
    // Telegram asked for 1 s: the second attempt came no sooner.
    await until(() => onPath(telegram, '/bot').length >= before.tg + 2, 5_000, 'telegram retry');
    const [first, second] = onPath(telegram, '/bot').slice(before.tg);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(JSON.parse(second!.raw)).toMatchObject({ text: 'Kill switch ENGAGED: all trading stopped.' });
    // The webhook recovers on a later attempt: the same message, delivered, and the channel healthy again.
    await until(async () => (await hookStatus()).healthy, 5_000, 'the webhook healthy again');
    const attempts = onPath(hooks, '/hook').slice(before.hook).map((r) => (JSON.parse(r.raw) as { text: string }).text);
    expect(new Set(attempts)).toEqual(new Set(['Kill switch ENGAGED: all trading stopped.']));
    expect(await hookStatus()).toMatchObject({ consecutiveFailures: 0, dropped: 0 });
  });

  it('a channel that never answers does not hold up the engine or the other channels', async () => {
    const tgBefore = onPath(telegram, '/bot').length;
    hooks.fallback = 'hang';
    const started = performance.now();
    expect((await engine.dispatch('app.setKillSwitch', { engaged: false })).ok).toBe(true);
    engine.bus.emit('toast', { level: 'error', message: 'while the webhooks hang', component: 'autopilot' });
    expect(performance.now() - started).toBeLessThan(500);
    await until(() => onPath(telegram, '/bot').length >= tgBefore + 2, 5_000, 'telegram while webhooks hang');
    expect(onPath(telegram, '/bot').slice(tgBefore).map((r) => (JSON.parse(r.raw) as { text: string }).text)).toEqual(['Kill switch released.', 'Error (autopilot): while the webhooks hang']);
    hooks.fallback = WEBHOOK_OK;
  });

  it('keeps planted secrets out of every message body, log line and call result', async () => {
    // A Bot API that quotes the token back in its error.
    telegram.next.push({ status: 400, body: { ok: false, error_code: 400, description: `Bad Request: chat not found for bot${BOT_TOKEN}` } });
    const test = NotificationTestResult.parse(await call('notifications.test', { id: 'phone' }));
    expect(test.delivered).toBe(false);
    expect(test.error).toBe('HTTP 400: Bad Request: chat not found for bot[bot token]');
    // Careless engine code might put a secret in an error toast: the channel's redactor still keeps it out.
    engine.bus.emit('toast', { level: 'error', message: `auth failed with ${HMAC_SECRET} and ${BOT_TOKEN}`, component: 'signals' });
    await until(() => onPath(telegram, '/bot').some((r) => r.raw.includes('auth failed with')), 5_000, 'the toast on telegram');
    await settle();
    const bodies = [...telegram.received, ...hooks.received].map((r) => r.raw).join('\n');
    expect(bodies).toContain('auth failed with [redacted]');
    for (const secret of [BOT_TOKEN, HMAC_SECRET, 'PLANTEDslackTOKEN42', 'PLANTEDdiscord']) {
      expect(bodies).not.toContain(secret);
      expect(logged.join('\n')).not.toContain(secret);
      expect(JSON.stringify(results)).not.toContain(secret);
    }
    results.push(await engine.dispatch('notifications.list', undefined));
    expect(JSON.stringify(results)).not.toContain(BOT_TOKEN);
  });

  it('refuses an incomplete channel and a malformed bot token, and forgets a removed channel’s secrets', async () => {
    const topics = { rounds: true, safety: true, signals: true, errors: true, trades: true };
    expect(await engine.dispatch('notifications.save', { kind: 'slack', label: 'No URL', topics })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await engine.dispatch('notifications.save', { kind: 'telegram', label: 'Bad', topics, botToken: 'nope', chatId: '1' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await call('notifications.remove', { id: 'slack' });
    expect((await view()).channels.map((c) => c.id)).toEqual(['phone', 'hook', 'discord']);
    expect(engine.db.prepare("SELECT count(*) AS n FROM secrets WHERE name LIKE 'notifications.slack.%'").get()).toEqual({ n: 0 });
  });
});
