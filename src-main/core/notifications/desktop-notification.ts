// Runs in: anywhere (pure). The desktop notification channel's port and wording: the shell that can show a native notification implements the port.
import type { NoticeTopic, OutgoingMessage } from './notice';

/**
 * A native desktop notification, given to the engine by the Electron shell (`src-main/electron/desktop-notifier.ts`).
 * The headless shell has none, so the engine never knows how, or whether, one is shown.
 */
export interface DesktopNotifier {
  /** Whether this OS session can show notifications at all. */
  supported(): boolean;
  show(title: string, body: string): void | Promise<void>;
}

export const DESKTOP_NEEDS_APP = 'desktop notifications need the desktop app';
export const DESKTOP_UNSUPPORTED = 'this system cannot show desktop notifications';

/** Why a desktop channel cannot deliver in this shell; null when it can. */
export function desktopUnavailable(notifier: DesktopNotifier | undefined): string | null {
  if (!notifier) return DESKTOP_NEEDS_APP;
  return notifier.supported() ? null : DESKTOP_UNSUPPORTED;
}

const TITLES: Record<NoticeTopic, string> = {
  rounds: 'Autopilot round',
  safety: 'Safety',
  signals: 'Signal source',
  errors: 'Error',
  trades: 'Trade',
  test: 'Test notification',
};

/** Windows cuts a toast's text at a few lines; the whole message stays in the app's own records. */
const BODY_MAX = 250;

/** A title that says what it is about at a glance (the OS shows the app's name beside it), and the message as the body. */
export function desktopNotification(message: OutgoingMessage): { title: string; body: string } {
  const body = message.text.length > BODY_MAX ? `${message.text.slice(0, BODY_MAX - 1)}…` : message.text;
  return { title: TITLES[message.topic], body };
}
