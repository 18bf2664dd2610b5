// Runs in: renderer in a browser (headless shell). The contract over the WebSocket bridge.
import { buildClient, contract, fail, type Result } from '../../../src-shared/contract';
import { BRIDGE_PROTOCOL_VERSION, CLOSE_UNAUTHORIZED, ServerFrame } from '../../../src-shared/contract/wire';
import { createEventHub } from './event-hub';
import type { CockpitTransport, ConnectionState } from './transport';

const CALL_TIMEOUT_MS = 15_000;
const MAX_RECONNECT_DELAY_MS = 10_000;

export function createWsTransport(url: string, token: string): CockpitTransport {
  let socket: WebSocket | null = null;
  let ready = false;
  let refused = false;
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  const queue: string[] = [];
  const hub = createEventHub();
  const connectionListeners = new Set<(state: ConnectionState, detail?: string) => void>();
  let connection: { state: ConnectionState; detail?: string } = { state: 'connecting' };

  const setConnection = (state: ConnectionState, detail?: string) => {
    connection = { state, detail };
    for (const l of connectionListeners) l(state, detail);
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
        for (const text of queue.splice(0)) ws.send(text);
      } else if (f.type === 'refused') {
        refused = true;
        setConnection('refused', f.reason);
      } else if (f.type === 'result') {
        const call = pending.get(f.id);
        if (call) {
          clearTimeout(call.timer);
          pending.delete(f.id);
          call.resolve(f.result as Result<unknown>);
        }
      } else if (f.type === 'event') {
        hub.dispatch(f.name, f.payload);
      }
    };
    ws.onclose = (event) => {
      ready = false;
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

  const send = (wireName: string, input: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(fail('UNAVAILABLE', `${wireName} timed out: the cockpit did not answer.`));
      }, CALL_TIMEOUT_MS);
      pending.set(id, { resolve, timer });
      const text = JSON.stringify({ type: 'call', id, method: wireName, input });
      if (ready && socket) socket.send(text);
      else queue.push(text);
    });

  return {
    kind: 'websocket',
    calls: buildClient(contract, send),
    on: hub.on,
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(connection.state, connection.detail);
      return () => connectionListeners.delete(listener);
    },
  };
}
