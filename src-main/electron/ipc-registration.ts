// Runs in: Electron main. The one place IPC handlers are registered (VS Code's ipcMain style: every message's sender is validated).
import { fail } from '../../src-shared/contract';
import { IPC_CALL_PREFIX } from '../../src-shared/contract/ipc-channels';
import type { Dispatch } from '../engine/dispatcher';
import { refuseReason, type IpcEventLike, type SenderPolicy } from './ipc-sender';

/** The subset of Electron's ipcMain used here, injectable in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function registerContractHandlers(ipcMain: IpcMainLike, methodNames: readonly string[], dispatch: Dispatch, policy: SenderPolicy, log: (line: string) => void = console.warn): () => void {
  for (const name of methodNames) {
    ipcMain.handle(IPC_CALL_PREFIX + name, async (event, input) => {
      const reason = refuseReason(event, policy);
      if (reason) {
        log(`[ipc] refused ${name}: ${reason}`);
        return fail('FORBIDDEN', `Refused ${name}: ${reason}.`);
      }
      return dispatch(name, input);
    });
  }
  return () => methodNames.forEach((name) => ipcMain.removeHandler(IPC_CALL_PREFIX + name));
}
