// Desktop notification channels on a real engine: with the desktop shell's notifier (a fake here: Electron cannot run
// in tests) events are shown as native notifications, a failing notifier marks the channel unhealthy and never holds
// up the engine; without one (cockpit headless) the kind is refused for new channels and a stored one says why it is
// silent.
import { afterAll, describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import type { DesktopNotifier } from '../../../src-main/core/notifications/desktop-notification';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { NotificationsView, NotificationTestResult } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';

const TOPICS = { rounds: true, safety: true, signals: true, errors: true, trades: true };
const NEEDS_APP = 'desktop notifications need the desktop app';

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What the Electron shell's notifier does, scripted: show, throw, or never return. */
class FakeNotifier implements DesktopNotifier {
  readonly shown: Array<{ title: string; body: string }> = [];
  mode: 'show' | 'throw' | 'hang' = 'show';

  supported(): boolean {
    return true;
  }

  show(title: string, body: string): void | Promise<void> {
    if (this.mode === 'throw') throw new Error('notification center unavailable');
    if (this.mode === 'hang') return new Promise<void>(() => {});
    this.shown.push({ title, body });
  }
}

describe('desktop notifications', () => {
  const dir = tempDir('cockpit-desktop-notify-');
  const notifier = new FakeNotifier();
  let engine: Engine | undefined;

  const open = (desktopNotifier?: DesktopNotifier) =>
    createEngine({ dataDir: dir.path, shell: desktopNotifier ? 'electron' : 'headless', cipher: new ScryptCipher('test passphrase'), startMarkets: false, desktopNotifier, notifications: { retry: { maxAttempts: 2, baseMs: 20, maxMs: 50 } } });
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const result = await engine!.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  const view = async () => NotificationsView.parse(await call('notifications.list', undefined));
  const channel = async () => (await view()).channels.find((c) => c.id === 'this-mac')!;

  afterAll(async () => {
    await engine?.shutdown('test over');
    dir.cleanup();
  });

  it('in the desktop app: a channel with nothing to configure, each event shown with its topic as title', async () => {
    engine = open(notifier);
    expect((await view()).desktopUnavailable).toBeNull();
    await call('notifications.save', { kind: 'desktop', label: 'This Mac', topics: TOPICS, maxPerMinute: 120 });
    expect(await channel()).toMatchObject({ kind: 'desktop', target: 'This computer', hasUrl: false, hasBotToken: false, status: { healthy: true } });

    expect(NotificationTestResult.parse(await call('notifications.test', { id: 'this-mac' }))).toEqual({ delivered: true, error: null });
    expect((await engine.dispatch('app.setKillSwitch', { engaged: true })).ok).toBe(true);
    engine.bus.emit('toast', { level: 'error', message: 'Round 5 failed', component: 'autopilot' });
    await until(() => notifier.shown.length >= 3, 5_000, 'three notifications');
    expect(notifier.shown).toEqual([
      { title: 'Test notification', body: 'Test message from Trading Cockpit: this channel works.' },
      { title: 'Safety', body: 'Kill switch ENGAGED: all trading stopped.' },
      { title: 'Error', body: 'Error (autopilot): Round 5 failed' },
    ]);
    expect((await channel()).status).toMatchObject({ healthy: true, sent: 3 });
  });

  it('a notifier that throws marks the channel unhealthy; one that hangs never holds up the kill switch', async () => {
    notifier.mode = 'throw';
    engine!.bus.emit('toast', { level: 'error', message: 'while notifications fail', component: 'markets' });
    await until(async () => !(await channel()).status.healthy, 5_000, 'the channel unhealthy');
    expect((await channel()).status).toMatchObject({ healthy: false, lastError: 'not shown: notification center unavailable' });
    await until(async () => (await channel()).status.dropped === 1, 5_000, 'the message given up after its retries');

    notifier.mode = 'hang';
    const started = performance.now();
    expect((await engine!.dispatch('app.setKillSwitch', { engaged: false })).ok).toBe(true);
    engine!.bus.emit('toast', { level: 'error', message: 'while notifications hang', component: 'markets' });
    expect(performance.now() - started).toBeLessThan(500);

    // Once it shows again, the channel is healthy again.
    notifier.mode = 'show';
    expect(NotificationTestResult.parse(await call('notifications.test', { id: 'this-mac' }))).toEqual({ delivered: true, error: null });
    expect((await channel()).status.healthy).toBe(true);
  }, 20_000);

  it('in cockpit headless: not offered, a new one refused, a stored one silent and saying why', async () => {
    await engine!.shutdown('reopened headless');
    engine = open();
    expect((await view()).desktopUnavailable).toBe(NEEDS_APP);
    const refused = await engine.dispatch('notifications.save', { kind: 'desktop', label: 'Another', topics: TOPICS });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: `Cannot add a desktop channel: ${NEEDS_APP}.` } });

    expect((await channel()).status).toMatchObject({ healthy: false, lastError: NEEDS_APP });
    expect(NotificationTestResult.parse(await call('notifications.test', { id: 'this-mac' }))).toEqual({ delivered: false, error: NEEDS_APP });
    // Still editable from the browser (e.g. switched off) without the desktop.
    await call('notifications.save', { id: 'this-mac', kind: 'desktop', label: 'This Mac', enabled: false, topics: TOPICS });
    expect((await channel()).enabled).toBe(false);
  });
});
