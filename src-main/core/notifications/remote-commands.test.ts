// Runs in: anywhere (pure). Which Telegram updates are obeyed, what each asks for, the flatten confirmations and the replies.
import { describe, expect, it } from 'vitest';
import { decide, flattenButtonData, FlattenConfirmations, flattenText, HELP_TEXT, LIVE_IS_LOCAL, pnlText, positionsText, statusText, tradeButtons, updateIdOf } from './remote-commands';

const CHAT = '4242';
const NOW = 1_800_000_000_000;
const ctx = { chatId: CHAT, now: NOW, maxAgeMs: 300_000 };
const message = (text: string, chat = 4242, ageMs = 1_000) => ({ update_id: 7, message: { message_id: 1, chat: { id: chat, type: 'private' }, date: Math.floor((NOW - ageMs) / 1000), text } });
const press = (data: string, chat: number | null = 4242) => ({ update_id: 8, callback_query: { id: 'cb-1', from: { id: 1 }, data, ...(chat === null ? {} : { message: { message_id: 2, chat: { id: chat } } }) } });

describe('decide', () => {
  it('obeys the six commands (and /help, /start, /cmd@bot) from the configured chat only', () => {
    for (const command of ['status', 'pnl', 'positions', 'stop', 'flatten', 'dry', 'help'] as const) expect(decide(message(`/${command}`), ctx)).toEqual({ kind: 'command', command, chatId: CHAT });
    expect(decide(message('/start'), ctx)).toMatchObject({ kind: 'command', command: 'help' });
    expect(decide(message('/STOP@cockpit_bot now please'), ctx)).toMatchObject({ kind: 'command', command: 'stop' });
  });

  it('refuses any other chat, without an answer to it', () => {
    expect(decide(message('/stop', 999), ctx)).toEqual({ kind: 'refuse', what: '/stop', chatId: '999', reason: 'not the configured chat (999)', reply: null, callbackId: null });
    // A chat id that only starts like ours is another chat.
    expect(decide(message('/dry', 42420), ctx)).toMatchObject({ kind: 'refuse', reply: null });
  });

  it('never arms live: /live answers that it is local only', () => {
    expect(decide(message('/live'), ctx)).toMatchObject({ kind: 'refuse', what: '/live', reason: 'arming live is local only', reply: LIVE_IS_LOCAL });
  });

  it('answers an unknown command or plain text with the help', () => {
    const unknown = decide(message('/buy BTC'), ctx);
    expect(unknown).toMatchObject({ kind: 'refuse', what: '/buy', reason: 'unknown command' });
    expect(unknown.kind === 'refuse' && unknown.reply).toBe(`Unknown command /buy.\n${HELP_TEXT}`);
    expect(decide(message('hello'), ctx)).toMatchObject({ kind: 'refuse', what: '(text)', reason: 'not a command' });
  });

  it('refuses a message that waited in Telegram while the app was not listening', () => {
    expect(decide(message('/stop', 4242, 301_000), ctx)).toMatchObject({ kind: 'refuse', reason: 'sent 301 s ago, before the app was listening' });
  });

  it('takes a flatten button only from the configured chat; anything else pressed is refused and answered', () => {
    const data = flattenButtonData('0123456789abcdef0123');
    expect(decide(press(data), ctx)).toEqual({ kind: 'confirm-flatten', nonce: '0123456789abcdef0123', callbackId: 'cb-1', chatId: CHAT });
    expect(decide(press(data, 999), ctx)).toMatchObject({ kind: 'refuse', what: 'flatten button', chatId: '999', reply: null, callbackId: 'cb-1' });
    expect(decide(press(data, null), ctx)).toMatchObject({ kind: 'refuse', chatId: null, reply: null, callbackId: 'cb-1' });
    expect(decide(press('flatten:not-hex'), ctx)).toMatchObject({ kind: 'refuse', reason: 'unknown button', callbackId: 'cb-1' });
  });

  it('takes Approve / Reject of a trade only from the configured chat, and not under a question older than the age limit', () => {
    const [approve, reject] = tradeButtons('00ff00ff00ff00ff00ff');
    expect([approve, reject].map((b) => b!.text)).toEqual(['Approve', 'Reject']);
    expect(decide(press(approve!.data), ctx)).toEqual({ kind: 'answer-trade', confirmationId: '00ff00ff00ff00ff00ff', approve: true, callbackId: 'cb-1', chatId: CHAT });
    expect(decide(press(reject!.data), ctx)).toMatchObject({ kind: 'answer-trade', approve: false });
    expect(decide(press(approve!.data, 999), ctx)).toMatchObject({ kind: 'refuse', what: 'trade approve button', reason: 'not the configured chat (999)', reply: null, callbackId: 'cb-1' });
    const old = { update_id: 9, callback_query: { id: 'cb-2', data: approve!.data, message: { chat: { id: 4242 }, date: Math.floor((NOW - 301_000) / 1000) } } };
    expect(decide(old, ctx)).toMatchObject({ kind: 'refuse', reason: 'its question was sent 301 s ago', callbackId: 'cb-2' });
    expect(decide(press('trade-yes:NOTHEX'), ctx)).toMatchObject({ kind: 'refuse', reason: 'unknown button' });
  });

  it('refuses malformed updates and other kinds of update, and still finds their id', () => {
    expect(decide({ update_id: 3, message: { chat: { id: 'x' } } }, ctx)).toMatchObject({ kind: 'refuse', what: '(malformed)', chatId: null, reply: null });
    expect(decide({ update_id: 4, edited_message: { chat: { id: 4242 }, text: '/stop' } }, ctx)).toMatchObject({ kind: 'refuse', what: '(other update)' });
    expect(updateIdOf({ update_id: 3, message: 'junk' })).toBe(3);
    expect(updateIdOf({ nope: 1 })).toBeNull();
  });
});

describe('FlattenConfirmations', () => {
  it('a nonce works once, within its window; unknown nonces never work', () => {
    const c = new FlattenConfirmations(60_000);
    c.issue('a', 0);
    c.issue('b', 0);
    expect(c.redeem('a', 59_999)).toBe('ok');
    expect(c.redeem('a', 59_999)).toBe('used');
    expect(c.redeem('b', 60_001)).toBe('expired');
    expect(c.redeem('b', 60_002)).toBe('expired');
    expect(c.redeem('zzz', 1)).toBe('unknown');
    // Long after, forgotten: still never "ok".
    expect(c.redeem('a', 200_000)).toBe('unknown');
  });
});

describe('replies', () => {
  it('status says mode, kill switch, autopilot, strategies and positions', () => {
    expect(statusText({ mode: 'dry-run', killSwitch: true, killSwitchNotSaved: false, autopilot: { running: true, profile: 'jetx' }, strategiesOn: ['sma-cross BTCUSDT'], openPositions: 2 })).toBe(
      'Mode: dry run\nKill switch: ENGAGED\nAutopilot: running (jetx)\nStrategies on: sma-cross BTCUSDT\nOpen positions: 2',
    );
  });

  it('pnl sums each account and says when the autopilot figures are simulated', () => {
    const text = pnlText({
      mode: 'dry-run',
      autopilot: { session: 1.5, today: -2, allTime: 10, wins: 3, losses: 1 },
      exchange: [
        { accountId: 'paper-1', symbol: 'BTCUSDT', realized: 10, unrealized: -1.234, fees: 0.5, trades: 2 },
        { accountId: 'paper-1', symbol: 'ETHUSDT', realized: -4, unrealized: 0, fees: 0.25, trades: 1 },
      ],
    });
    expect(text).toBe('Autopilot (dry run, simulated): session +1.50, today −2.00, all time +10.00 (3 won, 1 lost)\nExchange paper-1: realized +6.00, unrealized −1.23, fees 0.75, 3 trade(s)');
  });

  it('positions and flatten results', () => {
    expect(positionsText([])).toBe('No open positions.');
    expect(positionsText([{ accountId: 'paper-1', symbol: 'BTCUSDT', side: 'LONG', quantity: 0.1 + 0.2, entryPrice: 100, markPrice: 101.5, unrealizedPnl: 0.45, stopPrice: null, takeProfits: [], strategy: 'manual' }])).toBe(
      'paper-1 BTCUSDT LONG 0.3 @ 100, mark 101.5, P&L +0.45 (manual)',
    );
    expect(flattenText([{ accountId: 'p', symbol: 'BTCUSDT', step: 'cancel', detail: 'c1: CANCELED' }, { accountId: 'p', symbol: 'BTCUSDT', step: 'close', detail: 'sold' }, { accountId: 'p', symbol: null, step: 'flat', detail: '' }])).toBe(
      'Flattened: 1 close order(s), 1 order(s) canceled.',
    );
    expect(flattenText([{ accountId: 'p', symbol: 'BTCUSDT', step: 'not-flat', detail: 'venue down' }])).toBe('Flatten INCOMPLETE: 0 close order(s), 0 order(s) canceled.\np BTCUSDT: not-flat: venue down');
  });
});
