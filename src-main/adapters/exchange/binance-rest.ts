import type { BreakerSet } from '../../core/exchange/circuit-breaker';
import { classifyBinance, decideRetry, DEFAULT_RETRY_POLICY, ExchangeError, type ClassifiedError, type RetryPolicy } from '../../core/exchange/errors';
import type { RateBudget } from '../../core/exchange/rate-budget';
import type { ServerClock } from '../../core/exchange/server-clock';
import { BinanceErrorBody, BinanceServerTime } from './binance-schemas';
import { sleep, TransportError, type HttpSend } from './http';
import { encodeParams, signBinanceRest, type Params } from './signing';

export interface Credentials {
  readonly apiKey: string;
  readonly secret: string;
}

export interface BinanceRestConfig {
  readonly baseUrl: string;
  readonly credentials?: Credentials;
  readonly recvWindow: number;
  readonly timeoutMs: number;
  /** Shared per host: pass the instance from RateBudgetRegistry. */
  readonly budget: RateBudget;
  readonly breakers: BreakerSet;
  readonly clock: ServerClock;
  readonly send: HttpSend;
  readonly localNow: () => number;
  readonly retry?: RetryPolicy;
  /** Longest we wait for budget before giving up on a request. */
  readonly maxBudgetWaitMs?: number;
  readonly timePath?: string;
  readonly weightHeader?: string;
}

export interface CallSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly params?: Params;
  readonly signed: boolean;
  readonly weight: number;
  /** Circuit-breaker group, e.g. 'order', 'account', 'market'. */
  readonly group: string;
  readonly isWrite: boolean;
}

export interface CallResult {
  readonly body: unknown;
  /** The timestamp the last attempt was signed with (for deciding when a missing order is definitely absent). */
  readonly signedAt?: number;
}

/** Thrown for failed calls; carries the signing timestamp of the last attempt. */
export class BinanceCallError extends ExchangeError {
  constructor(
    classified: ClassifiedError,
    readonly signedAt: number | undefined,
  ) {
    super(classified);
  }
}

/**
 * Binance REST transport: signing, server-time offset (resync + one retry on -1021), the shared
 * weight budget (reads X-MBX-USED-WEIGHT-1M, honours Retry-After on 429/418), a breaker per
 * endpoint group and bounded retries for reads. Unknown-status writes are thrown to the caller,
 * which must query the order.
 */
export class BinanceRest {
  constructor(private readonly cfg: BinanceRestConfig) {}

  get recvWindow(): number {
    return this.cfg.recvWindow;
  }

  async syncTime(): Promise<void> {
    const sentAt = this.cfg.localNow();
    const res = await this.cfg.send({ method: 'GET', url: `${this.cfg.baseUrl}${this.cfg.timePath ?? '/api/v3/time'}`, timeoutMs: this.cfg.timeoutMs });
    const receivedAt = this.cfg.localNow();
    this.observeWeight(res.headers);
    if (res.status !== 200) throw new ExchangeError({ kind: 'retriable', httpStatus: res.status, message: `time sync failed: HTTP ${res.status}` });
    this.cfg.clock.update(BinanceServerTime.parse(JSON.parse(res.text)).serverTime, sentAt, receivedAt);
  }

  async call(spec: CallSpec): Promise<CallResult> {
    const policy = this.cfg.retry ?? DEFAULT_RETRY_POLICY;
    let resyncs = 0;
    for (let attempt = 1; ; attempt++) {
      await this.waitForBudget(spec.weight);
      const breaker = this.cfg.breakers.group(spec.group);
      if (!breaker.allow()) throw new BinanceCallError({ kind: 'circuit-open', message: `circuit open for ${spec.group}` }, undefined);
      const { url, body, headers, signedAt } = this.build(spec);
      let classified: ClassifiedError;
      try {
        const res = await this.cfg.send({ method: spec.method, url, body, headers, timeoutMs: this.cfg.timeoutMs });
        this.observeWeight(res.headers);
        if (res.status >= 200 && res.status < 300) {
          breaker.success();
          return { body: JSON.parse(res.text) as unknown, signedAt };
        }
        const err = BinanceErrorBody.safeParse(safeJson(res.text));
        const retryAfter = Number(res.headers.get('retry-after') ?? NaN);
        classified = classifyBinance({
          transport: 'ok',
          httpStatus: res.status,
          code: err.success ? err.data.code : undefined,
          message: err.success ? err.data.msg : `HTTP ${res.status}`,
          retryAfterSec: Number.isFinite(retryAfter) ? retryAfter : undefined,
          isWrite: spec.isWrite,
        });
        if (res.status >= 500) breaker.failure();
        else breaker.success();
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        breaker.failure();
        classified = classifyBinance({ transport: e.transport, message: e.message, isWrite: spec.isWrite });
      }
      if (classified.kind === 'rate-limited' || classified.kind === 'ip-banned') this.cfg.budget.blockFor(classified.retryAfterMs ?? 60_000);
      const decision = decideRetry(classified, attempt, resyncs, policy);
      if (decision.action === 'resync-clock-and-retry') {
        resyncs += 1;
        await this.syncTime();
        continue;
      }
      if (decision.action === 'retry') {
        await sleep(decision.delayMs);
        continue;
      }
      throw new BinanceCallError(classified, signedAt);
    }
  }

  private async waitForBudget(weight: number): Promise<void> {
    const maxWait = this.cfg.maxBudgetWaitMs ?? 10_000;
    for (;;) {
      const wait = this.cfg.budget.acquire(weight);
      if (wait === 0) return;
      if (wait > maxWait) throw new ExchangeError({ kind: 'rate-limited', retryAfterMs: wait, message: `weight budget exhausted for ${wait} ms` });
      await sleep(wait);
    }
  }

  private observeWeight(headers: Headers): void {
    const used = Number(headers.get(this.cfg.weightHeader ?? 'x-mbx-used-weight-1m') ?? NaN);
    if (Number.isFinite(used)) this.cfg.budget.observeUsed(used);
  }

  private build(spec: CallSpec): { url: string; body?: string; headers: Record<string, string>; signedAt?: number } {
    const headers: Record<string, string> = {};
    let params: Params = spec.params ?? [];
    let signedAt: number | undefined;
    if (spec.signed || this.cfg.credentials) {
      if (!this.cfg.credentials) throw new Error('signed call without credentials');
      headers['X-MBX-APIKEY'] = this.cfg.credentials.apiKey;
    }
    if (spec.signed) {
      signedAt = this.cfg.clock.serverNow();
      params = [...params, ['recvWindow', this.cfg.recvWindow], ['timestamp', signedAt]];
    }
    const encoded = encodeParams(params);
    const inBody = spec.method === 'POST' || spec.method === 'PUT';
    const signature = spec.signed ? signBinanceRest(this.cfg.credentials!.secret, inBody ? '' : encoded, inBody ? encoded : '') : undefined;
    const withSig = signature ? `${encoded}${encoded ? '&' : ''}signature=${signature}` : encoded;
    if (inBody) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      return { url: `${this.cfg.baseUrl}${spec.path}`, body: withSig, headers, signedAt };
    }
    return { url: `${this.cfg.baseUrl}${spec.path}${withSig ? `?${withSig}` : ''}`, headers, signedAt };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
