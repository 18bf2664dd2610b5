// Runs in: engine.
import { classifyBinance, ExchangeError } from '../../../core/exchange/errors';
import { BinanceErrorBody, BinanceServerTime } from './binance-schemas';
import { sleep, type HttpRequest, type HttpResponse } from '../shared/http';
import { callWithRetries, safeJson, type RestConfig, type VenueAnswer } from '../shared/rest-call';
import { encodeParams, signBinanceRest, type Params } from '../shared/signing';

export type { Credentials } from '../shared/rest-call';

export interface BinanceRestConfig extends RestConfig {
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
    const { value: text, signedAt } = await callWithRetries(
      this.cfg,
      { defaultBlockMs: 60_000, waitForBudget: () => this.waitForBudget(spec.weight), syncTime: () => this.syncTime() },
      {
        group: spec.group,
        build: () => this.build(spec),
        read: (res) => this.read(res, spec.isWrite),
        classifyTransport: (e) => classifyBinance({ transport: e.transport, message: e.message, isWrite: spec.isWrite }),
      },
    );
    // Parsed only once the breaker has counted the success, as a 2xx is one whatever its body.
    return { body: JSON.parse(text) as unknown, signedAt };
  }

  private read(res: HttpResponse, isWrite: boolean): VenueAnswer<string> {
    this.observeWeight(res.headers);
    if (res.status >= 200 && res.status < 300) return { ok: true, value: res.text };
    const err = BinanceErrorBody.safeParse(safeJson(res.text));
    const retryAfter = Number(res.headers.get('retry-after') ?? NaN);
    return {
      ok: false,
      classified: classifyBinance({
        transport: 'ok',
        httpStatus: res.status,
        code: err.success ? err.data.code : undefined,
        message: err.success ? err.data.msg : `HTTP ${res.status}`,
        retryAfterSec: Number.isFinite(retryAfter) ? retryAfter : undefined,
        isWrite,
      }),
    };
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

  private build(spec: CallSpec): { request: HttpRequest; signedAt?: number } {
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
      return { request: { method: spec.method, url: `${this.cfg.baseUrl}${spec.path}`, body: withSig, headers, timeoutMs: this.cfg.timeoutMs }, signedAt };
    }
    return { request: { method: spec.method, url: `${this.cfg.baseUrl}${spec.path}${withSig ? `?${withSig}` : ''}`, headers, timeoutMs: this.cfg.timeoutMs }, signedAt };
  }
}
