// Runs in: engine.
/**
 * One-shot faults the simulator injects on matching requests, so chaos tests can put each failure
 * mode in front of the connectors in turn.
 */
export type Fault =
  /** Answer with this status instead of handling the request (429/418/403 with Retry-After). */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSec?: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  /** Handle the request (the order IS placed), then answer 5xx anyway. */
  | { readonly kind: 'error-after-handling'; readonly status: number; readonly body?: unknown }
  /** Handle the request, then never answer (the client times out). */
  | { readonly kind: 'hang-after-handling' }
  /** Bybit create: the entry is placed, but the stop it carried is not made (the venue lost it). */
  | { readonly kind: 'drop-attached-stop' };

interface Armed {
  readonly method?: string;
  readonly pathPrefix: string;
  readonly fault: Fault;
  remaining: number;
}

export class FaultPlan {
  private readonly armed: Armed[] = [];

  inject(pathPrefix: string, fault: Fault, opts: { method?: string; times?: number } = {}): void {
    this.armed.push({ pathPrefix, fault, method: opts.method, remaining: opts.times ?? 1 });
  }

  take(method: string, path: string): Fault | undefined {
    const a = this.armed.find((x) => x.remaining > 0 && path.startsWith(x.pathPrefix) && (!x.method || x.method === method));
    if (!a) return undefined;
    a.remaining -= 1;
    return a.fault;
  }

  clear(): void {
    this.armed.length = 0;
  }
}
