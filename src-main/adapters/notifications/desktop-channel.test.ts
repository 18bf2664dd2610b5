import { describe, expect, it } from 'vitest';
import type { DesktopNotifier } from '../../core/notifications/desktop-notification';
import { toMessage } from '../../core/notifications/notice';
import { DesktopChannel } from './desktop-channel';

const killSwitch = toMessage({ topic: 'safety', kind: 'kill-switch', at: 1, engaged: true });

function fakeNotifier(show: DesktopNotifier['show'], supported = true) {
  const shown: Array<{ title: string; body: string }> = [];
  const notifier: DesktopNotifier = {
    supported: () => supported,
    show: (title, body) => {
      shown.push({ title, body });
      return show(title, body);
    },
  };
  return { notifier, shown };
}

describe('DesktopChannel', () => {
  it('shows the message as a native notification, titled by its topic', async () => {
    const { notifier, shown } = fakeNotifier(() => undefined);
    expect(await new DesktopChannel({ notifier }).send(killSwitch)).toEqual({ ok: true });
    expect(shown).toEqual([{ title: 'Safety', body: 'Kill switch ENGAGED: all trading stopped.' }]);
  });

  it('answers a notifier that throws or rejects as a failed attempt worth retrying, never by throwing', async () => {
    const throws = fakeNotifier(() => {
      throw new Error('no notification center');
    });
    expect(await new DesktopChannel({ notifier: throws.notifier }).send(killSwitch)).toEqual({ ok: false, retry: true, retryAfterMs: null, error: 'not shown: no notification center' });
    const rejects = fakeNotifier(() => Promise.reject(new Error('denied')));
    expect(await new DesktopChannel({ notifier: rejects.notifier }).send(killSwitch)).toMatchObject({ ok: false, retry: true, error: 'not shown: denied' });
  });

  it('gives up on a notifier that hangs after its timeout', async () => {
    const { notifier } = fakeNotifier(() => new Promise<void>(() => {}));
    const started = performance.now();
    expect(await new DesktopChannel({ notifier, timeoutMs: 50 }).send(killSwitch)).toMatchObject({ ok: false, retry: true, error: 'not shown within 50 ms' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not retry, nor try to show, on a system without notifications', async () => {
    const { notifier, shown } = fakeNotifier(() => undefined, false);
    expect(await new DesktopChannel({ notifier }).send(killSwitch)).toEqual({ ok: false, retry: false, retryAfterMs: null, error: 'this system cannot show desktop notifications' });
    expect(shown).toEqual([]);
  });
});
