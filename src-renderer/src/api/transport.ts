// Runs in: renderer. The one client interface both transports implement.
import type { CockpitCalls, EventName, EventPayload } from '../../../src-shared/contract';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'refused';

export interface CockpitTransport {
  readonly kind: 'electron-ipc' | 'websocket';
  readonly calls: CockpitCalls;
  /** The handler gets the payload of `name` only, parsed against the contract. */
  on<N extends EventName>(name: N, handler: (payload: EventPayload<N>) => void): () => void;
  onConnection(listener: (state: ConnectionState, detail?: string) => void): () => void;
}

/** What the Electron preload exposes as `window.cockpit`. */
export interface PreloadApi {
  calls: CockpitCalls;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    cockpit?: PreloadApi;
  }
}
