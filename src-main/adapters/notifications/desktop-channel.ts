// Runs in: engine.
import { desktopNotification, DESKTOP_UNSUPPORTED, type DesktopNotifier } from '../../core/notifications/desktop-notification';
import type { OutgoingMessage } from '../../core/notifications/notice';
import type { ChannelTransport, SendOutcome } from '../../core/notifications/send-outcome';

export interface DesktopChannelOptions {
  readonly notifier: DesktopNotifier;
  /** A notifier that neither shows nor fails within this long counts as a failed attempt (default 5 s). */
  readonly timeoutMs?: number;
}

const TIMEOUT_MS = 5_000;

/** A native notification on this computer, through the shell's notifier. One attempt per call; never throws. */
export class DesktopChannel implements ChannelTransport {
  constructor(private readonly options: DesktopChannelOptions) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const { notifier } = this.options;
    // Retrying cannot make a system without notifications grow them.
    if (!notifier.supported()) return { ok: false, retry: false, retryAfterMs: null, error: DESKTOP_UNSUPPORTED };
    const { title, body } = desktopNotification(message);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeoutMs = this.options.timeoutMs ?? TIMEOUT_MS;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
        timer.unref?.();
      });
      // Wrapped so a notifier that throws synchronously is a failed attempt like one that rejects.
      const shown = Promise.resolve().then(() => notifier.show(title, body));
      if ((await Promise.race([shown, timedOut])) === 'timeout') return { ok: false, retry: true, retryAfterMs: null, error: `not shown within ${timeoutMs} ms` };
      return { ok: true };
    } catch (error) {
      return { ok: false, retry: true, retryAfterMs: null, error: `not shown: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      clearTimeout(timer);
    }
  }
}
