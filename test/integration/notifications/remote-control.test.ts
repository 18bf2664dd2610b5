// Telegram remote control end to end: a real engine long-polls a local fake Bot API, with a testnet account on the exchange
// simulator holding a real position. Only the configured chat is obeyed; /stop engages the kill switch, /dry disarms live,
// /live is refused; /flatten asks first and only a press from that chat within the window flattens, once; /status, /pnl and
// /positions answer with the engine's own numbers; every command is audited; the bot token reaches no reply, audit row or log line.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import type { LogFields, Logger } from '../../../src-main/core/logging/logger';
import { signed } from '../../../src-main/core/notifications/notice';
import { LIVE_IS_LOCAL } from '../../../src-main/core/notifications/remote-commands';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { AccountView, NotificationsView, PositionRow, SymbolPnl } from '../../../src-shared/contract';
import { READY_CHECKLIST } from '../../support/checklist';
import { tempDir } from '../../support/temp-dir';
import { KEY, simulator, until } from '../exchange/harness';
import { startFakeTelegramBot, type FakeTelegramBot } from './fake-servers';

const BOT_TOKEN = '987654321:PLANTEDremoteTOKENabcdefghijklmnop';
const CHAT = 5150;
const STRANGER = 666;
const CONFIRM_MS = 1_500;
const NO_TOPICS = { rounds: false, safety: false, signals: false, errors: false, trades: false };

describe('Telegram remote control', () => {
  const dir = tempDir('cockpit-remote-');
  const logged: string[] = [];
  let sim: Simulator;
  let stopFeed: () => void;
  let bot: FakeTelegramBot;
  let engine: Engine;
  let accountId: string;

  const capture = (scope: string): Logger => {
    const line = (level: string) => (msg: string, fields?: LogFields) => void logged.push(`${level} ${scope} ${msg} ${fieldsText(fields)}`);
    return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error'), child: (s) => capture(`${scope}:${s}`) };
  };
  const call = async (name: string, input?: unknown): Promise<unknown> => {
    const r = await engine.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  const positions = async () => PositionRow.array().parse(await call('markets.positions'));
  const remoteRows = () => engine.actions.recent(500).filter((a) => a.kind === 'remote-command');
  /** Resolves once the engine has asked for updates past `id`: it has confirmed (and so handled) that update. */
  const handled = (id: number) => until(() => bot.calls.some((c) => c.method === 'getUpdates' && typeof c.body.offset === 'number' && c.body.offset > id), 10_000, 20);
  let pushes = 0;
  const push = (update: Record<string, unknown>) => (pushes++, bot.push(update));
  const send = (text: string, chat = CHAT) => push({ message: { message_id: 1, from: { id: chat }, chat: { id: chat, type: 'private' }, date: Math.floor(Date.now() / 1000), text } });
  const press = (data: string, chat = CHAT) => push({ callback_query: { id: `cb-${Math.random()}`, from: { id: chat }, data, message: { message_id: 2, chat: { id: chat, type: 'private' } } } });
  /** Sends a command and answers the reply it got. */
  const ask = async (text: string): Promise<string> => {
    const before = bot.sent().length;
    await handled(send(text));
    await until(() => bot.sent().length > before, 10_000, 20);
    return bot.sent()[before]!.text;
  };
  const answers = () => bot.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.body.text);

  beforeAll(async () => {
    for (const method of ['log', 'warn', 'error', 'info'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    sim = await simulator();
    stopFeed = startDemoFeed(sim, { prices: { BTCUSDT: 100 }, everyMs: 50, volatility: 0.002, seed: 11 });
    bot = await startFakeTelegramBot();
    engine = createEngine({
      dataDir: dir.path,
      shell: 'cli',
      cipher: new ScryptCipher('remote test'),
      logger: capture('engine'),
      notifications: { telegramBaseUrl: bot.url, remote: { pollSeconds: 1, confirmWindowMs: CONFIRM_MS, retryBaseMs: 50, retryMaxMs: 200 } },
    });
    // A testnet account on the simulator: its market orders fill at once, at the venue.
    const account = AccountView.parse(await call('markets.addAccount', { exchange: 'binance-spot', environment: 'testnet', label: 'Sim testnet', apiKey: KEY.apiKey, apiSecret: KEY.secret, baseUrl: sim.httpUrl }));
    accountId = account.id;
    await until(async () => AccountView.array().parse(await call('markets.listAccounts')).find((a) => a.id === accountId)?.connected === true, 10_000, 50);
    const order = await call('markets.placeOrder', { accountId, symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 0.5 });
    expect(order).toMatchObject({ status: 'FILLED' });
    // The fill is booked off the order path: wait for the position to show.
    await until(async () => (await positions()).length === 1, 10_000, 50);
  });

  afterAll(async () => {
    if (engine?.db.open) await engine.shutdown('test over');
    stopFeed?.();
    await Promise.all([bot?.close(), sim?.close()]);
    vi.restoreAllMocks();
    dir.cleanup();
  });

  it('is off until switched on for the channel, then long-polls with a timeout', async () => {
    await call('notifications.save', { kind: 'telegram', label: 'Phone', topics: NO_TOPICS, botToken: BOT_TOKEN, chatId: String(CHAT) });
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.calls.filter((c) => c.method === 'getUpdates')).toEqual([]);
    const view = NotificationsView.parse(await call('notifications.save', { id: 'phone', kind: 'telegram', label: 'Phone', topics: NO_TOPICS, chatId: String(CHAT), remoteControl: true }));
    expect(view.channels[0]).toMatchObject({ id: 'phone', remoteControl: true, hasBotToken: true });
    await until(() => bot.calls.some((c) => c.method === 'getUpdates'), 5_000, 20);
    const poll = bot.calls.find((c) => c.method === 'getUpdates')!;
    expect(poll.token).toBe(BOT_TOKEN);
    expect(poll.body).toMatchObject({ timeout: 1, allowed_updates: ['message', 'callback_query'] });
    // An @channel name can never send a command: refused rather than silently obeying nobody.
    expect(await engine.dispatch('notifications.save', { kind: 'telegram', label: 'Chan', topics: NO_TOPICS, botToken: BOT_TOKEN, chatId: '@somechannel', remoteControl: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses another chat: nothing happens, nothing is answered to it, and the refusal is audited and logged', async () => {
    const sentBefore = bot.sent().length;
    await handled(send('/stop', STRANGER));
    await handled(send('/flatten', STRANGER));
    expect(engine.status().killSwitch).toBe(false);
    expect(bot.sent().length).toBe(sentBefore);
    const rows = remoteRows().filter((a) => a.reason.includes(`not the configured chat (${STRANGER})`));
    expect(rows.map((a) => a.target).sort()).toEqual(['/flatten', '/stop']);
    expect(logged.some((l) => l.includes(`refused /stop from chat ${STRANGER}`))).toBe(true);
    expect(await positions()).toHaveLength(1);
  });

  it('/status, /positions and /pnl answer with the engine’s numbers', async () => {
    expect(await ask('/status')).toBe('Mode: dry run\nKill switch: released\nAutopilot: stopped\nStrategies on: none\nOpen positions: 1');
    const [position] = await positions();
    const num = (x: number) => esc(String(Number(x.toPrecision(10))));
    expect(position).toMatchObject({ symbol: 'BTCUSDT', side: 'LONG' });
    expect(await ask('/positions')).toMatch(new RegExp(`^${esc(accountId)} BTCUSDT LONG ${num(position!.quantity)} @ ${num(position!.entryPrice)}, (mark [\\d.]+, P&L [+−][\\d.]+|no mark yet)$`));
    const pnl = await ask('/pnl');
    const rows = SymbolPnl.array().parse(await call('markets.pnlBySymbol')).filter((p) => p.accountId === accountId);
    const sum = (f: (p: SymbolPnl) => number) => rows.reduce((s, p) => s + f(p), 0);
    expect(pnl.split('\n')[0]).toBe('Autopilot (dry run, simulated): session +0.00, today +0.00, all time +0.00 (0 won, 0 lost)');
    expect(pnl.split('\n')[1]).toMatch(new RegExp(`^Exchange ${esc(accountId)}: realized ${esc(signed(sum((p) => p.realized)))}, unrealized [+−][\\d.]+, fees ${esc(sum((p) => p.fees).toFixed(2))}, ${sum((p) => p.trades)} trade\\(s\\)$`));
  });

  it('/stop engages the kill switch, as the app’s button does', async () => {
    expect(await ask('/stop')).toBe('Kill switch ENGAGED: all trading stopped. Release it in the app.');
    expect(engine.status().killSwitch).toBe(true);
    expect(engine.actions.recent(20).find((a) => a.kind === 'kill-switch')).toMatchObject({ target: 'engaged', reason: `remote: /stop from Telegram chat ${CHAT}` });
    expect(remoteRows()[0]).toMatchObject({ target: '/stop', reason: 'accepted: kill switch engaged' });
    await call('app.setKillSwitch', { engaged: false });
  });

  it('/dry disarms live; /live is refused: arming stays local', async () => {
    engine.safety.armLive(READY_CHECKLIST, 'test armed live');
    expect(await ask('/live')).toBe(LIVE_IS_LOCAL);
    expect(engine.status().mode).toBe('live');
    expect(await ask('/dry')).toBe('Dry run: live mode disarmed. Arming it again is only possible in the app.');
    expect(engine.status().mode).toBe('dry-run');
    expect(await ask('/live')).toBe(LIVE_IS_LOCAL);
    expect(engine.status().mode).toBe('dry-run');
    expect(remoteRows().filter((a) => a.target === '/live').every((a) => a.reason === 'refused: arming live is local only')).toBe(true);
  });

  it('/flatten asks first; only a press from the configured chat within the window flattens, and only once', async () => {
    const question = async () => {
      const before = bot.sent().length;
      await handled(send('/flatten'));
      await until(() => bot.sent().length > before, 10_000, 20);
      const message = bot.sent()[before]!;
      expect(message.text).toMatch(/^Flatten: cancel every open order and close every position at market, on every account\? Press the button within 2 s to confirm\.$/);
      const [[button]] = message.reply_markup!.inline_keyboard as [[{ text: string; callback_data: string }]];
      expect(button.text).toBe('Confirm flatten');
      expect(button.callback_data).toMatch(/^flatten:[a-f0-9]{24}$/);
      return button.callback_data;
    };

    const late = await question();
    expect(await positions()).toHaveLength(1);
    // The right button, pressed from another chat: refused.
    await handled(press(late, STRANGER));
    expect(answers().at(-1)).toBe('Not allowed.');
    // Pressed from the chat, but after the window: refused.
    await new Promise((r) => setTimeout(r, CONFIRM_MS + 200));
    const sentBefore = bot.sent().length;
    await handled(press(late));
    await until(() => bot.sent().length > sentBefore, 5_000, 20);
    expect(bot.sent().at(-1)!.text).toBe('Not flattened: the confirmation expired (2 s). Send /flatten again.');
    expect(await positions()).toHaveLength(1);

    const data = await question();
    const beforeFlatten = bot.sent().length;
    await handled(press(data));
    expect(answers().at(-1)).toBe('Flattening…');
    await until(() => bot.sent().length > beforeFlatten, 20_000, 50);
    expect(bot.sent().at(-1)!.text).toMatch(/^Flattened: 1 close order\(s\), \d+ order\(s\) canceled\.$/);
    expect(await positions()).toEqual([]);

    // The same button again: refused, nothing sent to the venue.
    const orders = () => engine.actions.recent(500).filter((a) => a.kind === 'order').length;
    const ordersBefore = orders();
    const again = bot.sent().length;
    await handled(press(data));
    await until(() => bot.sent().length > again, 5_000, 20);
    expect(bot.sent().at(-1)!.text).toBe('Not flattened again: this confirmation was already used.');
    expect(orders()).toBe(ordersBefore);
    expect(remoteRows().filter((a) => a.target === 'flatten button').map((a) => a.reason)).toEqual(['refused: confirmation used', 'accepted: flattening', 'refused: confirmation expired', `refused: not the configured chat (${STRANGER})`]);
  }, 60_000);

  it('answers an unknown command with the help, and keeps polling after failed polls without handling an update twice', async () => {
    // A Bot API that quotes the token back in its error, then a gateway error: both retried.
    bot.failPolls.push({ status: 401, body: { ok: false, error_code: 401, description: `Unauthorized: bot${BOT_TOKEN} rejected` } }, { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });
    const reply = await ask('/buy BTC');
    expect(reply.startsWith('Unknown command /buy.\nCommands:\n/status')).toBe(true);
    const after = await ask('/help');
    expect(after.startsWith('Commands:')).toBe(true);
    await until(() => logged.some((l) => l.includes('remote control polling again')), 5_000, 20);
    expect(logged.some((l) => l.includes('remote control poll failed (1×): getUpdates: HTTP 401: Unauthorized: bot[bot token] rejected'))).toBe(true);
    // One audit row per update pushed: none handled twice across the failed polls.
    expect(remoteRows()).toHaveLength(pushes);
    const targets = remoteRows().map((a) => a.target);
    expect(targets.filter((t) => t === '/buy')).toHaveLength(1);
    expect(targets.filter((t) => t === '/stop')).toHaveLength(2);
  });

  it('keeps the bot token out of every reply, audit row and log line', () => {
    const bodies = bot.calls.map((c) => c.raw).join('\n');
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies).not.toContain(BOT_TOKEN);
    expect(JSON.stringify(engine.actions.recent(1000))).not.toContain(BOT_TOKEN);
    expect(bodies).not.toContain(KEY.secret);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain(BOT_TOKEN);
    expect(logged.join('\n')).not.toContain(BOT_TOKEN.split(':')[1]);
  });

  it('stops polling at shutdown, promptly', async () => {
    const started = performance.now();
    const report = await engine.shutdown('test over');
    expect(report.problems).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
    const polls = bot.calls.filter((c) => c.method === 'getUpdates').length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(bot.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function fieldsText(fields: LogFields | undefined): string {
  if (!fields) return '';
  try {
    return JSON.stringify(fields, (_k, v: unknown) => (v instanceof Error ? `${v.message} ${v.stack ?? ''}` : v));
  } catch {
    return String(fields);
  }
}
