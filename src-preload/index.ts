// Runs in: the sandboxed preload of every cockpit window. Exposes a narrow, contract-built `window.cockpit`; no generic invoke.
import { contextBridge, ipcRenderer } from 'electron';
import { buildClient, contract, eventNames, type Result } from '../src-shared/contract';
import { IPC_CALL_PREFIX, IPC_EVENT_CHANNEL } from '../src-shared/contract/ipc-channels';
const knownEvents = new Set<string>(eventNames);

const calls = buildClient(contract, (wireName, input) => ipcRenderer.invoke(IPC_CALL_PREFIX + wireName, input) as Promise<Result<unknown>>);

contextBridge.exposeInMainWorld('cockpit', {
  calls,
  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    const forward = (_event: unknown, message: { name: string; payload: unknown }) => {
      if (knownEvents.has(message?.name)) listener(message.name, message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
});
