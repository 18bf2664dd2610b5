// Runs in: engine (Node or Electron main). No electron import.
import type { EventName, EventPayload } from '../../src-shared/contract';
import { silentLogger, type Logger } from '../core/logging/logger';

type Listener<N extends EventName> = (payload: EventPayload<N>) => void;
type AnyListener = (name: EventName, payload: unknown) => void;

/**
 * The engine's one event stream. Shells forward every event to the UI unchanged,
 * so the contract's `events` map is the only list of what can be emitted.
 */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();
  private readonly wildcard = new Set<AnyListener>();

  constructor(private readonly log: Logger = silentLogger) {}

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.listeners.get(name) ?? []) this.safely(() => (listener as Listener<N>)(payload));
    for (const listener of this.wildcard) this.safely(() => listener(name, payload));
  }

  on<N extends EventName>(name: N, listener: Listener<N>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** For transports: every event, in emit order. */
  onAny(listener: AnyListener): () => void {
    this.wildcard.add(listener);
    return () => this.wildcard.delete(listener);
  }

  // A failing UI forwarder must never break the engine path that emitted the event.
  private safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log.error('a listener failed', { err: error });
    }
  }
}
