// RemoteControl with an in-memory bot: it never throws out of its loop (a failing read, audit log or reply is
// answered or logged and the next update is still handled), it follows the channels, and it stops at once.
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../adapters/store/actions-repo';
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
  const sent: Array<{ chatId: string; text: string }> = [];
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
    sendMessage: async (chatId, text) => {
      sent.push({ chatId, text });
    },
    answerCallbackQuery: async () => undefined,
  };
  let id = 1;
  const message = (text: string) => ({ update_id: id++, message: { chat: { id: 77 }, date: Math.floor(Date.now() / 1000), text } });
  return {
    bot,
    sent,
    polls,
    push: (...texts: string[]) => {
      batches.push(texts.map(message));
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
});
