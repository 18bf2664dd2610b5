// Runs in: renderer. Where events from either transport become typed: each handler gets its event's payload parsed
// against the contract, so a store never takes an unchecked payload on trust.
import { eventSchemas, type EventName, type EventPayload } from '../../../src-shared/contract';

export interface EventHub {
  on<N extends EventName>(name: N, handler: (payload: EventPayload<N>) => void): () => void;
  /** Feeds one event as the wire delivered it; names nobody listens to cost nothing. */
  dispatch(name: string, payload: unknown): void;
}

export function createEventHub(): EventHub {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on(name, handler) {
      const schema = eventSchemas[name];
      // Parsed per handler, not per event: a name has one or two handlers, and the parse keeps its type that way.
      const listener = (payload: unknown) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) handler(parsed.data);
        // The engine and this bundle disagree on the contract: say so rather than draw a half-valid row.
        else console.error(`cockpit: dropped a malformed ${name} event`, parsed.error.issues);
      };
      const forName = listeners.get(name) ?? new Set();
      listeners.set(name, forName);
      forName.add(listener);
      return () => void forName.delete(listener);
    },
    dispatch(name, payload) {
      const forName = listeners.get(name);
      if (forName) for (const listener of forName) listener(payload);
    },
  };
}
