// Runs in: renderer in a browser (headless shell). The contract over the WebSocket bridge.
import { buildClient, contract, fail, type Result } from '../../../src-shared/contract';
import { BRIDGE_PROTOCOL_VERSION, CLOSE_UNAUTHORIZED, ServerFrame } from '../../../src-shared/contract/wire';
import { createEventHub } from './event-hub';
import type { CockpitTransport, ConnectionState } from './transport';

const CALL_TIMEOUT_MS = 15_000;
const MAX_RECONNECT_DELAY_MS = 10_000;

export function createWsTransport(url: string, token: string, options: { callTimeoutMs?: number } = {}): CockpitTransport {
  const callTimeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
  let socket: WebSocket | null = null;
  let ready = false;
  let refused = false;
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout>; wireName: string }>();
  /** Calls sent on the current socket: a socket that closes takes their answers with it. */
  const sent = new Set<number>();
  const queue: { id: number; text: string }[] = [];
  const hub = createEventHub();
  const connectionListeners = new Set<(state: ConnectionState, detail?: string) => void>();
  let connection: { state: ConnectionState; detail?: string } = { state: 'connecting' };

  const setConnection = (state: ConnectionState, detail?: string) => {
    connection = { state, detail };
    for (const l of connectionListeners) l(state, detail);
  };

  const settle = (id: number, result: Result<unknown>) => {
    const waiting = pending.get(id);
    sent.delete(id);
    // A call given up before it was sent is never sent.
    const queued = queue.findIndex((q) => q.id === id);
    if (queued >= 0) queue.splice(queued, 1);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.delete(id);
    waiting.resolve(result);
  };

  const send = (ws: WebSocket, id: number, text: string) => {
    sent.add(id);
    ws.send(text);
  };

  const connect = () => {
    setConnection('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token, protocol: BRIDGE_PROTOCOL_VERSION }));
    ws.onmessage = (message) => {
      const frame = ServerFrame.safeParse(JSON.parse(String(message.data)));
      if (!frame.success) return;
      const f = frame.data;
      if (f.type === 'welcome') {
        ready = true;
        attempt = 0;
        setConnection('connected');
        for (const { id, text } of queue.splice(0)) send(ws, id, text);
      } else if (f.type === 'refused') {
        refused = true;
        setConnection('refused', f.reason);
      } else if (f.type === 'result') {
        settle(f.id, f.result as Result<unknown>);
      } else if (f.type === 'event') {
        hub.dispatch(f.name, f.payload);
      }
    };
    ws.onclose = (event) => {
      ready = false;
      // Not sent again: the cockpit may have run them (an order placed, a bet armed). Said at once, not in 15 s.
      for (const id of sent) settle(id, fail('UNAVAILABLE', `${pending.get(id)?.wireName ?? 'The call'}: the connection to the cockpit dropped before it answered; it may have run. Check before trying again.`));
      if (refused || event.code === CLOSE_UNAUTHORIZED) {
        if (connection.state !== 'refused') setConnection('refused', event.reason || 'the cockpit refused this token');
        return;
      }
      setConnection('disconnected', 'connection lost, reconnecting');
      const delay = Math.min(MAX_RECONNECT_DELAY_MS, 250 * 2 ** attempt++) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  };
  connect();

  const call = (wireName: string, input: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => settle(id, fail('UNAVAILABLE', `${wireName} timed out: the cockpit did not answer.`)), callTimeoutMs);
      pending.set(id, { resolve, timer, wireName });
      const text = JSON.stringify({ type: 'call', id, method: wireName, input });
      if (ready && socket) send(socket, id, text);
      else queue.push({ id, text });
    });

  return {
    kind: 'websocket',
    calls: buildClient(contract, call),
    on: hub.on,
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(connection.state, connection.detail);
      return () => connectionListeners.delete(listener);
    },
  };
}
