// Runs in: anywhere (pure).
/**
 * Server-time offset. Timestamps for signed requests use serverNow(), so a drifting local clock
 * does not produce -1021 / 10002. The offset is estimated at the midpoint of the round trip.
 */
export class ServerClock {
  private offset = 0;
  private synced = false;

  constructor(private readonly localNow: () => number) {}

  update(serverTimeMs: number, sentAtMs: number, receivedAtMs: number): void {
    this.offset = Math.round(serverTimeMs - (sentAtMs + receivedAtMs) / 2);
    this.synced = true;
  }

  serverNow(): number {
    return this.localNow() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  get isSynced(): boolean {
    return this.synced;
  }
}
