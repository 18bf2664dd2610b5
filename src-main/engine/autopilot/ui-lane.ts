// Runs in: engine. Keeps UI notifications off the signal-to-click path.

/**
 * Queues notifications for the UI and delivers them in order once the current turn is over. A signal is validated,
 * recorded and clicked within one turn; serialising state for every connected window belongs after the click.
 */
export class UiLane {
  private pending: Array<() => void> = [];
  private scheduled = false;
  private closed = false;

  /** `onError` hears a notification that threw: a UI update must never take the engine down. */
  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  post(notify: () => void): void {
    if (this.closed) return;
    this.pending.push(notify);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Delivers what is queued now. */
  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    for (const notify of batch) {
      try {
        notify();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /**
   * On shutdown, before the database the notifications read from is closed: delivers what is queued and drops
   * anything posted later (a state change during shutdown has no window left to show it, and would read a closed store).
   */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
