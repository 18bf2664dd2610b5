// Runs in: engine.
import http from 'node:http';
import https from 'node:https';
import type { BackoffOptions } from '../../core/signals/backoff';
import { SseParser } from '../../core/signals/sse-parser';
import { ReconnectingSignalSource } from './signal-source';

export interface SseSignalSourceOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  name?: string;
  backoff?: BackoffOptions;
  /** No bytes (not even a `:` keep-alive comment) for this long means a silent stall: reconnect. */
  idleTimeoutMs?: number;
  now?: () => number;
}

/**
 * Server-Sent Events signal client over node http(s). Each event's `data` is one frame.
 * Reconnects with jittered backoff (never faster than the server's `retry:`), resuming with
 * `Last-Event-ID`. Per the SSE spec, HTTP 204 means "stop": the source closes for good.
 */
export class SseSignalSource extends ReconnectingSignalSource {
  private readonly url: URL;
  private request: http.ClientRequest | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastEventId = '';
  private retryMs: number | null = null;

  constructor(private readonly options: SseSignalSourceOptions) {
    const url = new URL(options.url);
    super(options.name ?? `sse:${url.host}`, options.now ?? Date.now, options.backoff);
    this.url = url;
  }

  protected async disconnect(): Promise<void> {
    this.clearIdle();
    this.request?.destroy();
    this.request = null;
  }

  protected open(): void {
    const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;

    const transport = this.url.protocol === 'https:' ? https : http;
    const request = transport.request(this.url, { headers });
    this.request = request;
    let failed = false;
    const fail = (message: string) => {
      if (failed || this.request !== request) return;
      failed = true;
      this.clearIdle();
      this.request = null;
      request.destroy();
      if (!this.running) return;
      this.setError(message);
      this.scheduleReconnect(this.retryMs ?? 0);
    };

    request.on('error', (error) => fail(error.message));
    request.on('response', (response) => {
      const type = response.headers['content-type'] ?? '';
      if (response.statusCode === 204) {
        response.resume();
        this.setError('server answered 204: no more events');
        void this.stop();
        return;
      }
      if (response.statusCode !== 200 || !type.startsWith('text/event-stream')) {
        response.resume();
        return fail(`HTTP ${response.statusCode} ${type || '(no content-type)'}`);
      }
      this.setState('open');
      const parser = new SseParser((event) => {
        this.lastEventId = event.lastEventId;
        this.backoff.reset();
        this.deliver(event.data);
      });
      parser.lastEventId = this.lastEventId;
      response.setEncoding('utf8');
      this.armIdle(() => fail('stalled: no bytes received'));
      response.on('data', (chunk: string) => {
        this.armIdle(() => fail('stalled: no bytes received'));
        parser.push(chunk);
        this.retryMs = parser.retryMs ?? this.retryMs;
      });
      response.on('end', () => fail('stream ended'));
      response.on('close', () => fail('connection closed'));
      response.on('error', (error) => fail(error.message));
    });
    request.end();
  }

  private armIdle(onIdle: () => void): void {
    this.clearIdle();
    this.idleTimer = setTimeout(onIdle, this.options.idleTimeoutMs ?? 30_000);
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
