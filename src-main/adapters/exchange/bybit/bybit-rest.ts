// Runs in: engine.
import { classifyBybit, DEFAULT_RETRY_POLICY } from '../../../core/exchange/errors';
import { BybitEnvelope, BybitTime } from './bybit-schemas';
import { sleep, type HttpRequest, type HttpResponse } from '../shared/http';
import { callWithRetries, safeJson, SignedCallError, type RestConfig, type VenueAnswer } from '../shared/rest-call';
import { encodeParams, signBybit, type Params } from '../shared/signing';

export type BybitRestConfig = RestConfig;

export interface BybitCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Params;
  readonly body?: Record<string, unknown>;
  readonly signed: boolean;
  readonly group: string;
  readonly isWrite: boolean;
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
    const { value: result, signedAt } = await callWithRetries(
      this.cfg,
      {
        defaultBlockMs: 1_000,
        waitForBudget: async () => {
          // Bybit counts requests, not weight: one acquire, and a wait longer than a retry would be is refused.
          const wait = this.cfg.budget.acquire(1);
          if (wait > policy.maxDelayMs) throw new SignedCallError({ kind: 'rate-limited', retryAfterMs: wait, message: `request budget exhausted for ${wait} ms` }, undefined);
          if (wait > 0) await sleep(wait);
        },
        syncTime: () => this.syncTime(),
      },
      {
        group: spec.group,
        build: () => this.build(spec),
        read: (res) => this.read(res, spec.isWrite),
        classifyTransport: (e) => classifyBybit({ transport: e.transport, message: e.message, isWrite: spec.isWrite }),
      },
    );
    return { result, signedAt };
  }

  private build(spec: BybitCall): { request: HttpRequest; signedAt?: number } {
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
    return { request: { method: spec.method, url: `${this.cfg.baseUrl}${spec.path}${query ? `?${query}` : ''}`, headers, body, timeoutMs: this.cfg.timeoutMs }, signedAt };
  }

  /** Success is HTTP 200 with retCode 0; anything else is classified from the envelope or the status. */
  private read(res: HttpResponse, isWrite: boolean): VenueAnswer<unknown> {
    const env = res.status === 200 ? BybitEnvelope.safeParse(safeJson(res.text)) : undefined;
    if (env?.success && env.data.retCode === 0) return { ok: true, value: env.data.result };
    const reset = Number(res.headers.get('x-bapi-limit-reset-timestamp') ?? NaN);
    return {
      ok: false,
      classified: classifyBybit({
        transport: 'ok',
        httpStatus: res.status,
        code: env?.success ? env.data.retCode : undefined,
        message: env?.success ? env.data.retMsg : `HTTP ${res.status}`,
        isWrite,
        limitResetAtMs: Number.isFinite(reset) ? reset : undefined,
        nowMs: this.cfg.clock.serverNow(),
      }),
    };
  }
}
