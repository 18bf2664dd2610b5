// Runs in: engine.
import { ExchangeError } from '../../../core/exchange/errors';
import type { BinanceRest } from './binance-rest';
import { ListenKeyReply } from './futures-schemas';

export interface ListenKeyKeeperOptions {
  /** Binance expires a key after 60 min without a keepalive; 30 min leaves room for a failure. */
  readonly keepAliveMs?: number;
  /** A new key means a new user-data stream URL: reconnect (and reconcile) on it. */
  readonly onNewKey: (listenKey: string) => void;
  readonly onError?: (e: unknown) => void;
}

/** Futures user-data listenKey: create, keep alive every 30 min, replace on -1125, delete on stop. */
export class ListenKeyKeeper {
  private key: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly rest: BinanceRest,
    private readonly opts: ListenKeyKeeperOptions,
  ) {}

  get listenKey(): string | undefined {
    return this.key;
  }

  async start(): Promise<string> {
    const key = await this.create();
    this.timer = setInterval(() => void this.keepAlive().catch((e: unknown) => this.opts.onError?.(e)), this.opts.keepAliveMs ?? 30 * 60_000);
    return key;
  }

  async keepAlive(): Promise<void> {
    if (!this.key) return;
    try {
      await this.rest.call({ method: 'PUT', path: '/fapi/v1/listenKey', params: [['listenKey', this.key]], signed: false, weight: 1, group: 'user-stream', isWrite: false });
    } catch (e) {
      if (e instanceof ExchangeError && e.classified.code === -1125) {
        await this.create();
        return;
      }
      throw e;
    }
  }

  /** A fresh key, e.g. after a `listenKeyExpired` event on the stream. */
  renew(): Promise<string> {
    return this.create();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.key) await this.rest.call({ method: 'DELETE', path: '/fapi/v1/listenKey', params: [['listenKey', this.key]], signed: false, weight: 1, group: 'user-stream', isWrite: false }).catch(() => undefined);
    this.key = undefined;
  }

  private async create(): Promise<string> {
    const { body } = await this.rest.call({ method: 'POST', path: '/fapi/v1/listenKey', signed: false, weight: 1, group: 'user-stream', isWrite: false });
    this.key = ListenKeyReply.parse(body).listenKey;
    this.opts.onNewKey(this.key);
    return this.key;
  }
}
