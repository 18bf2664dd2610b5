// Runs in: engine.
import WebSocket from 'ws';
import type { BackoffOptions } from '../../core/signals/backoff';
import { ReconnectingSignalSource } from './signal-source';

export interface WsSignalSourceOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  name?: string;
  backoff?: BackoffOptions;
  /** A ping goes out this often; no pong (or frame) before the next one means a silent stall. */
  heartbeatMs?: number;
  /** Frames above this close the connection (ws 1009) instead of being buffered; the source reconnects. */
  maxPayloadBytes?: number;
  now?: () => number;
}

/**
 * WebSocket signal client: reconnects with jittered backoff, detects silent stalls with ping/pong,
 * and emits every frame raw (as a Buffer) for the intake to validate and record.
 */
export class WsSignalSource extends ReconnectingSignalSource {
  private socket: WebSocket | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private alive = false;

  constructor(private readonly options: WsSignalSourceOptions) {
    super(options.name ?? `ws:${new URL(options.url).host}`, options.now ?? Date.now, options.backoff);
  }

  protected async disconnect(): Promise<void> {
    const socket = this.socket;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => socket.terminate(), 1_000);
        socket.once('close', () => {
          clearTimeout(force);
          resolve();
        });
        if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
        else socket.close(1000, 'client stopping');
      });
    }
  }

  protected open(): void {
    const headers: Record<string, string> = this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {};
    const socket = new WebSocket(this.options.url, {
      headers,
      handshakeTimeout: 10_000,
      maxPayload: this.options.maxPayloadBytes ?? 16 * 1024 * 1024,
    });
    this.socket = socket;
    socket.on('open', () => {
      this.setState('open');
      this.startHeartbeat(socket);
    });
    socket.on('message', (data: Buffer) => {
      this.markAlive();
      this.deliver(data);
    });
    socket.on('pong', () => this.markAlive());
    socket.on('error', (error) => this.setError(error.message));
    socket.on('close', (code, reason) => {
      this.stopHeartbeat();
      if (this.socket === socket) this.socket = null;
      if (!this.running) return;
      if (code !== 1005 && code !== 1006) this.setError(`closed ${code}${reason.length ? `: ${reason.toString()}` : ''}`);
      this.scheduleReconnect();
    });
  }

  /** Traffic proves the link works, so only then does the backoff start over (a flapping server stays backed off). */
  private markAlive(): void {
    this.alive = true;
    this.backoff.reset();
  }

  private startHeartbeat(socket: WebSocket): void {
    const every = this.options.heartbeatMs ?? 5_000;
    this.alive = true;
    this.heartbeatTimer = setInterval(() => {
      if (!this.alive) {
        this.setError(`no pong or frame within ${every} ms: stalled connection`);
        socket.terminate();
        return;
      }
      this.alive = false;
      socket.ping();
    }, every);
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }
}
