// Runs in: anywhere (pure).
import type { Notice } from './notice';

export interface SourceView {
  readonly running: boolean;
  readonly state: string;
}

/**
 * "The signal source is down" only after it stayed down for `thresholdMs`: a reconnect of a second or two is normal,
 * and a message for each would drown the ones that matter. "Back" is said only after "down" was.
 */
export class SignalWatch {
  private downSince: number | null = null;
  private downState = '';
  private told = false;

  constructor(private readonly thresholdMs: () => number) {}

  update(source: SourceView, now: number): Notice[] {
    const down = source.running && source.state !== 'open';
    if (down) {
      this.downState = source.state;
      if (this.downSince === null) this.downSince = now;
      return this.due(now);
    }
    const out: Notice[] = source.running && this.told && this.downSince !== null ? [{ topic: 'signals', kind: 'source-back', at: now, downForMs: now - this.downSince }] : [];
    // Stopping the autopilot closes the source on purpose: that is not an outage.
    this.downSince = null;
    this.told = false;
    return out;
  }

  /** The "down" notice once the outage is long enough; the caller checks again at `checkAt()`. */
  due(now: number): Notice[] {
    if (this.downSince === null || this.told || now - this.downSince < this.thresholdMs()) return [];
    this.told = true;
    return [{ topic: 'signals', kind: 'source-down', at: now, downForMs: now - this.downSince, state: this.downState }];
  }

  /** When `due` may next have something to say; null when nothing is pending. */
  checkAt(): number | null {
    return this.downSince === null || this.told ? null : this.downSince + this.thresholdMs();
  }
}
