import type { BreakerSet } from '../../core/exchange/circuit-breaker';
import { classifyBybit, decideRetry, DEFAULT_RETRY_POLICY, ExchangeError, type ClassifiedError, type RetryPolicy } from '../../core/exchange/errors';
import type { RateBudget } from '../../core/exchange/rate-budget';
import type { ServerClock } from '../../core/exchange/server-clock';
import type { Credentials } from './binance-rest';
import { BybitEnvelope, BybitTime } from './bybit-schemas';
import { sleep, TransportError, type HttpSend } from './http';
import { encodeParams, signBybit, type Params } from './signing';

export interface BybitRestConfig {
  readonly baseUrl: string;
  readonly credentials?: Credentials;
  readonly recvWindow: number;
  readonly timeoutMs: number;
  readonly budget: RateBudget;
  readonly breakers: BreakerSet;
  readonly clock: ServerClock;
  readonly send: HttpSend;
  readonly localNow: () => number;
  readonly retry?: RetryPolicy;
}

export interface BybitCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Params;
  readonly body?: Record<string, unknown>;
  readonly signed: boolean;
  readonly group: string;
  readonly isWrite: boolean;
}

export class BybitCallError extends ExchangeError {
  constructor(
    classified: ClassifiedError,
    readonly signedAt: number | undefined,
  ) {
    super(classified);
  }
}

/** Bybit v5 transport: header signing, clock offset (10002 → resync + one retry), the shared budget, breakers. */
export class BybitRest {
  constructor(private readonly cfg: BybitRestConfig) {}

  get recvWindow(): number {
    return this.cfg.recvWindow;
  }

  async syncTime(): Promise<void> {
    const sentAt = this.cfg.localNow();
    const res = await this.cfg.send({ method: 'GET', url: `${this.cfg.baseUrl}/v5/market/time`, timeoutMs: this.cfg.timeoutMs });
    const receivedAt = this.cfg.localNow();
    const env = BybitEnvelope.parse(JSON.parse(res.text));
    const t = BybitTime.parse(env.result);
    this.cfg.clock.update(Math.floor(Number(t.timeNano) / 1e6), sentAt, receivedAt);
  }

  async call(spec: BybitCall): Promise<{ result: unknown; signedAt?: number }> {
    const policy = this.cfg.retry ?? DEFAULT_RETRY_POLICY;
    let resyncs = 0;
    for (let attempt = 1; ; attempt++) {
      const wait = this.cfg.budget.acquire(1);
      if (wait > policy.maxDelayMs) throw new BybitCallError({ kind: 'rate-limited', retryAfterMs: wait, message: `request budget exhausted for ${wait} ms` }, undefined);
      if (wait > 0) await sleep(wait);
      const breaker = this.cfg.breakers.group(spec.group);
      if (!breaker.allow()) throw new BybitCallError({ kind: 'circuit-open', message: `circuit open for ${spec.group}` }, undefined);
      const query = encodeParams(spec.query ?? []);
      const body = spec.body ? JSON.stringify(spec.body) : undefined;
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      let signedAt: number | undefined;
      if (spec.signed) {
        if (!this.cfg.credentials) throw new Error('signed call without credentials');
        signedAt = this.cfg.clock.serverNow();
        headers['X-BAPI-API-KEY'] = this.cfg.credentials.apiKey;
        headers['X-BAPI-TIMESTAMP'] = String(signedAt);
        headers['X-BAPI-RECV-WINDOW'] = String(this.cfg.recvWindow);
        headers['X-BAPI-SIGN'] = signBybit(this.cfg.credentials.secret, signedAt, this.cfg.credentials.apiKey, this.cfg.recvWindow, spec.method === 'GET' ? query : (body ?? ''));
      }
      let classified: ClassifiedError;
      try {
        const res = await this.cfg.send({ method: spec.method, url: `${this.cfg.baseUrl}${spec.path}${query ? `?${query}` : ''}`, headers, body, timeoutMs: this.cfg.timeoutMs });
        const env = res.status === 200 ? BybitEnvelope.safeParse(safeJson(res.text)) : undefined;
        if (env?.success && env.data.retCode === 0) {
          breaker.success();
          return { result: env.data.result, signedAt };
        }
        if (res.status >= 500) breaker.failure();
        else breaker.success();
        const reset = Number(res.headers.get('x-bapi-limit-reset-timestamp') ?? NaN);
        classified = classifyBybit({
          transport: 'ok',
          httpStatus: res.status,
          code: env?.success ? env.data.retCode : undefined,
          message: env?.success ? env.data.retMsg : `HTTP ${res.status}`,
          isWrite: spec.isWrite,
          limitResetAtMs: Number.isFinite(reset) ? reset : undefined,
          nowMs: this.cfg.clock.serverNow(),
        });
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        breaker.failure();
        classified = classifyBybit({ transport: e.transport, message: e.message, isWrite: spec.isWrite });
      }
      if (classified.kind === 'rate-limited' || classified.kind === 'ip-banned') this.cfg.budget.blockFor(classified.retryAfterMs ?? 1_000);
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
      throw new BybitCallError(classified, signedAt);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
