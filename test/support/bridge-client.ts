// A minimal client of the headless bridge (/bridge), as any tool would write one: hello with the token, then calls.
// Used by the e2e tests and by CI's first-five-minutes smoke (.ci/start-smoke.ts).
import WebSocket from 'ws';
import type { Result } from '../../src-shared/contract';
import { BRIDGE_PROTOCOL_VERSION, ServerFrame } from '../../src-shared/contract/wire';

export interface BridgeClient {
  /** The server's answer to hello: `welcome` with its protocol, or why it refused. */
  readonly greeting: ServerFrame;
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  close(): void;
}

/** Connects to `origin`'s bridge and says hello with `token`; resolves once the server has answered the hello. */
export async function connectBridge(origin: string, token: string, timeoutMs = 10_000): Promise<BridgeClient> {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/bridge`, { headers: { Origin: origin } });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let greet: (frame: ServerFrame) => void = () => {};
  const greeting = new Promise<ServerFrame>((resolve) => (greet = resolve));
  ws.on('message', (data: Buffer) => {
    const frame = ServerFrame.parse(JSON.parse(data.toString()));
    if (frame.type === 'result') pending.get(frame.id)?.(frame.result.ok ? { ok: true, data: frame.result.data } : frame.result);
    else if (frame.type === 'welcome' || frame.type === 'refused') greet(frame);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'hello', token, protocol: BRIDGE_PROTOCOL_VERSION }));
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to hello from ${origin} within ${timeoutMs} ms`)), timeoutMs).unref());
  const answer = await Promise.race([greeting, timeout]);
  let id = 0;
  return {
    greeting: answer,
    call: (method, input) =>
      new Promise((resolve) => {
        pending.set(++id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      }),
    close: () => ws.close(),
  };
}
