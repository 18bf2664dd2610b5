// Runs in: engine. Keeps UI notifications off the signal-to-click path.

/**
 * Queues notifications for the UI and delivers them in order once the current turn is over. A signal is validated,
 * recorded and clicked within one turn; serialising state for every connected window belongs after the click.
 */
export class UiLane {
  private pending: Array<() => void> = [];
  private scheduled = false;

  post(notify: () => void): void {
    this.pending.push(notify);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Delivers what is queued now: on shutdown, before the database the notifications read from is closed. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    for (const notify of batch) notify();
  }
}
