// Runs in: Electron main. Native OS notifications for the engine's desktop notification channels.
import { Notification } from 'electron';
import type { Logger } from '../core/logging/logger';
import type { DesktopNotifier } from '../core/notifications/desktop-notification';

/** Notifications kept referenced until closed: one collected early can vanish from the Windows Action Center. */
const KEPT = 20;

/**
 * Electron's `Notification`. Showing is fire-and-forget: the OS says nothing reliable about delivery on every system,
 * so a shown notification is never retried (which could repeat it). macOS asks the user for permission the first time
 * one is shown, and shows nothing until it is granted.
 */
export class ElectronDesktopNotifier implements DesktopNotifier {
  private readonly kept = new Set<Notification>();

  constructor(
    /** Clicking a notification: bring the cockpit's window forward. */
    private readonly onClick: () => void,
    private readonly log: Logger,
  ) {}

  supported(): boolean {
    return Notification.isSupported();
  }

  show(title: string, body: string): void {
    const notification = new Notification({ title, body });
    const forget = () => this.kept.delete(notification);
    notification.once('click', () => this.onClick());
    notification.once('close', forget);
    // Windows only: the toast could not be shown (focus assist, policy). Reported after show() returned, so logged here.
    notification.once('failed', (_event, error) => {
      forget();
      this.log.warn(`desktop notification not shown: ${error}`);
    });
    this.kept.add(notification);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.values().next().value!);
    notification.show();
  }
}
