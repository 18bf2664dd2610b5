// RemoteControl with an in-memory bot: it never throws out of its loop (a failing read, audit log or reply is
// answered or logged and the next update is still handled), it follows the channels, and it stops at once.
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../adapters/store/actions-repo';
import { ConfirmationService } from '../confirmations/confirmation-service';
import { EventBus } from '../event-bus';
import type { StoredChannel } from './channel-store';
import { DEFAULT_REMOTE_TIMING, RemoteControl, type RemoteBot, type RemoteControlDeps } from './remote-control';

const TOKEN = '1234567:PLANTEDunitTOKENabcdefghijklmnopq';
const channel = (over: Partial<StoredChannel> = {}): StoredChannel => ({
  id: 'phone',
  kind: 'telegram',
  label: 'Phone',
  enabled: true,
  topics: { rounds: false, safety: false, signals: false, errors: false, trades: false },
  roundDigestEvery: 1,
  maxPerMinute: 20,
  chatId: '77',
  remoteControl: true,
  target: 'Telegram chat 77',
  ...over,
});

/** A bot whose getUpdates hands out queued batches, then waits until aborted. */
function memoryBot() {
  const batches: unknown[][] = [];
  const sent: Array<{ chatId: string; text: string; buttons: ReadonlyArray<{ text: string; data: string }> }> = [];
  const answered: string[] = [];
  const polls: Array<number | null> = [];
  let wake: (() => void) | null = null;
  const bot: RemoteBot = {
    getUpdates: async (offset, _timeout, signal) => {
      polls.push(offset);
      while (batches.length === 0) {
        if (signal.aborted) throw new Error('aborted');
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
      }
      return batches.shift()!;
    },
    sendMessage: async (chatId, text, buttons) => {
      sent.push({ chatId, text, buttons });
    },
    answerCallbackQuery: async (_id, text) => void answered.push(text),
  };
  let id = 1;
  const message = (text: string) => ({ update_id: id++, message: { chat: { id: 77 }, date: Math.floor(Date.now() / 1000), text } });
  const press = (data: string, chat = 77) => ({ update_id: id++, callback_query: { id: `cb-${id}`, data, message: { chat: { id: chat }, date: Math.floor(Date.now() / 1000) } } });
  return {
    bot,
    sent,
    answered,
    polls,
    push: (...texts: string[]) => {
      batches.push(texts.map(message));
      wake?.();
    },
    press: (data: string, chat?: number) => {
      batches.push([press(data, chat)]);
      wake?.();
    },
  };
}

function harness(over: Partial<RemoteControlDeps> = {}) {
  const m = memoryBot();
  const audit: ActionRecord[] = [];
  const logs: string[] = [];
  let killSwitch = false;
  const deps: RemoteControlDeps = {
    bot: () => m.bot,
    botToken: () => TOKEN,
    actions: {
      engageKillSwitch: async () => ((killSwitch = true), { saved: true, message: null }),
      goDry: () => false,
      flatten: async () => [],
    },
    read: {
      mode: () => 'dry-run',
      status: () => {
        throw new Error(`status store broken (token ${TOKEN})`);
      },
      pnl: () => ({ autopilot: { session: 0, today: 0, allTime: 0, wins: 0, losses: 0 }, exchange: [] }),
      positions: () => [],
    },
    audit: (a) => void audit.push(a),
    redact: (text) => text.split(TOKEN).join('[redacted]'),
    learnSecret: () => undefined,
    now: Date.now,
    nonce: () => '0123456789abcdef0123',
    sleep: (ms, signal) => new Promise((resolve) => (signal.aborted ? resolve() : (setTimeout(resolve, ms), signal.addEventListener('abort', () => resolve(), { once: true })))),
    log: (line) => void logs.push(line),
    timing: { ...DEFAULT_REMOTE_TIMING, retryBaseMs: 5, retryMaxMs: 20 },
    ...over,
  };
  return { m, audit, logs, deps, remote: new RemoteControl(deps), killSwitch: () => killSwitch };
}

const until = async (check: () => boolean) => {
  const end = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('RemoteControl', () => {
  it('answers a failing read with what failed (redacted) and goes on to the next command', async () => {
    const h = harness();
    h.remote.sync([channel()]);
    h.m.push('/status', '/stop');
    await until(() => h.m.sent.length === 2);
    expect(h.m.sent.map((s) => s.text)).toEqual([`/status failed: status store broken (token [redacted])`, 'Kill switch ENGAGED: all trading stopped. Release it in the app.']);
    expect(h.m.sent.every((s) => s.chatId === '77')).toBe(true);
    expect(h.killSwitch()).toBe(true);
    expect(h.audit.map((a) => [a.target, a.reason])).toEqual([
      ['/status', 'failed: status store broken (token [redacted])'],
      ['/stop', 'accepted: kill switch engaged'],
    ]);
    expect(h.logs.join('\n')).not.toContain(TOKEN);
    expect(JSON.stringify(h.audit)).not.toContain(TOKEN);
    // The next poll confirms both updates.
    await until(() => h.m.polls.length === 2);
    expect(h.m.polls).toEqual([null, 3]);
    await h.remote.stop();
  });

  it('still obeys /stop when the audit log cannot be written', async () => {
    const h = harness({
      audit: () => {
        throw new Error('disk full');
      },
    });
    h.remote.sync([channel()]);
    h.m.push('/stop');
    await until(() => h.m.sent.length === 1);
    expect(h.killSwitch()).toBe(true);
    expect(h.logs.some((l) => l.includes('audit record for /stop not written: disk full'))).toBe(true);
    await h.remote.stop();
  });

  it('listens only to enabled Telegram channels with remote control on, one loop per bot, and stops at once', async () => {
    const h = harness();
    h.remote.sync([channel({ remoteControl: false }), channel({ id: 'off', enabled: false }), channel({ id: 'hook', kind: 'webhook', chatId: null }), channel({ id: 'a' }), channel({ id: 'b' })]);
    expect(h.remote.listening()).toEqual(['a']);
    expect(h.logs.some((l) => l.includes('another channel already listens to the same bot'))).toBe(true);
    h.remote.sync([]);
    expect(h.remote.listening()).toEqual([]);
    h.remote.sync([channel()]);
    const started = Date.now();
    await h.remote.stop();
    expect(Date.now() - started).toBeLessThan(500);
    h.remote.sync([channel()]);
    expect(h.remote.listening()).toEqual([]);
  });

  it('backs off after a failing poll and keeps polling', async () => {
    const h = harness();
    let calls = 0;
    const failing: RemoteBot = {
      ...h.m.bot,
      getUpdates: async (...args) => {
        calls++;
        if (calls <= 3) throw new Error('network error (ECONNREFUSED)');
        return h.m.bot.getUpdates(...args);
      },
    };
    const remote = new RemoteControl({ ...h.deps, bot: () => failing });
    remote.sync([channel()]);
    h.m.push('/help');
    await until(() => h.m.sent.length === 1);
    expect(h.m.sent[0]!.text.startsWith('Commands:')).toBe(true);
    expect(h.logs.filter((l) => l.includes('remote control poll failed'))).toEqual(['Phone: remote control poll failed (1×): network error (ECONNREFUSED); retrying in 0 s']);
    expect(h.logs.some((l) => l.includes('polling again'))).toBe(true);
    await remote.stop();
  });

  it('asks a trade confirmation with Approve / Reject; only a press from the configured chat answers it, once', async () => {
    const recorded: ActionRecord[] = [];
    let n = 0;
    const confirmations = new ConfirmationService({ bus: new EventBus(), audit: (a) => void recorded.push(a), mode: () => 'dry-run', now: Date.now, newId: () => `${'ab'.repeat(8)}${n++}0` });
    confirmations.start();
    const h = harness({ confirmations });
    h.remote.sync([channel()]);
    const decision = confirmations.ask({ kind: 'entry', strategy: 'sma-1', accountId: 'paper-1', symbol: 'BTCUSDT', side: 'BUY', quantity: 0.5, priceEstimate: 100 }, 60_000);
    await until(() => h.m.sent.length === 1);
    const question = h.m.sent[0]!;
    expect(question.chatId).toBe('77');
    expect(question.text).toMatch(/^Confirm entry: BUY 0\.5 BTCUSDT at about 100 \(sma-1 on paper-1\)\? Answer within (59|60) s; no answer means no trade\.$/);
    expect(question.buttons.map((b) => b.text)).toEqual(['Approve', 'Reject']);
    const [approve, reject] = question.buttons.map((b) => b.data);
    const id = confirmations.pending()[0]!.id;
    expect(approve).toBe(`trade-yes:${id}`);

    // Another chat: refused, not answered in any chat, still pending.
    h.m.press(approve!, 666);
    await until(() => h.audit.length === 1);
    expect(h.audit[0]).toMatchObject({ target: 'trade approve button', reason: 'refused: not the configured chat (666)' });
    expect(h.m.answered).toEqual(['Not allowed.']);
    expect(confirmations.pending()).toHaveLength(1);

    // The configured chat: approved, and the outcome is told in the chat.
    h.m.press(approve!);
    expect(await decision).toEqual({ approved: true, id });
    await until(() => h.m.sent.length === 2 && h.m.answered.length === 2);
    expect(h.m.sent[1]!.text).toBe('Approved by telegram chat 77: BUY 0.5 BTCUSDT at about 100 (sma-1 on paper-1). The order goes out.');
    expect(h.m.answered[1]).toBe('Approved.');
    expect(h.audit[1]).toMatchObject({ target: 'trade approve button', reason: `accepted: approved confirmation ${id}` });

    // A second press (either button) changes nothing and says why.
    h.m.press(reject!);
    await until(() => h.m.sent.length === 3);
    expect(h.m.sent[2]!.text).toBe('Already approved (telegram chat 77): this answer changes nothing.');
    expect(h.m.answered[2]).toBe('Refused.');
    expect(confirmations.pending()).toEqual([]);
    expect(recorded.map((a) => a.reason)).toEqual([
      expect.stringMatching(/^requested: BUY 0\.5 BTCUSDT/),
      'approved by telegram chat 77; the order goes out',
      expect.stringMatching(/^refused rejection by telegram chat 77: Already approved/),
    ]);
    confirmations.stop();
    await h.remote.stop();
  });
});
