import { describe, expect, it } from 'vitest';
import { IPC_CALL_PREFIX } from '../../src-shared/contract/ipc-channels';
import { registerContractHandlers, type IpcMainLike } from './ipc-registration';
import type { IpcEventLike } from './ipc-sender';

/** A stand-in for Electron's ipcMain that records handlers so tests can play the renderer. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
  return { ipc, handlers };
}

const goodEvent: IpcEventLike = { sender: { id: 7 }, senderFrame: { url: 'app://cockpit/index.html', parent: null } };
const policy = { appOrigins: ['app://cockpit'], isKnownWindow: (id: number) => id === 7 };

describe('registerContractHandlers', () => {
  const calls: Array<[string, unknown]> = [];
  const { ipc, handlers } = fakeIpcMain();
  const unregister = registerContractHandlers(ipc, ['app.getStatus', 'app.setKillSwitch'], async (name, input) => (calls.push([name, input]), { ok: true, data: 'ran' }), policy, () => {});

  it('registers one channel per contract method, and nothing generic', () => {
    expect([...handlers.keys()].sort()).toEqual([`${IPC_CALL_PREFIX}app.getStatus`, `${IPC_CALL_PREFIX}app.setKillSwitch`]);
  });

  it('runs calls from the app window', async () => {
    const result = await handlers.get(`${IPC_CALL_PREFIX}app.setKillSwitch`)!(goodEvent, { engaged: true });
    expect(result).toEqual({ ok: true, data: 'ran' });
    expect(calls).toEqual([['app.setKillSwitch', { engaged: true }]]);
  });

  const forged: Array<[string, IpcEventLike, RegExp]> = [
    ['a foreign origin', { ...goodEvent, senderFrame: { url: 'https://evil.example/x', parent: null } }, /origin https:\/\/evil.example/],
    ['a file:// page', { ...goodEvent, senderFrame: { url: 'file:///tmp/x.html', parent: null } }, /origin/],
    ['a sub-frame of the app', { ...goodEvent, senderFrame: { url: 'app://cockpit/index.html', parent: {} } }, /sub-frames/],
    ['an unknown window', { ...goodEvent, sender: { id: 99 } }, /not a window of this app/],
    ['a destroyed frame', { ...goodEvent, senderFrame: null }, /frame is gone/],
    ['a look-alike host', { ...goodEvent, senderFrame: { url: 'app://cockpit.evil/index.html', parent: null } }, /origin/],
  ];
  for (const [what, event, reason] of forged) {
    it(`refuses ${what} without running the handler`, async () => {
      const before = calls.length;
      const result = (await handlers.get(`${IPC_CALL_PREFIX}app.setKillSwitch`)!(event, { engaged: false })) as { ok: boolean; error: { code: string; message: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.message).toMatch(reason);
      expect(calls.length).toBe(before);
    });
  }

  it('unregisters every channel', () => {
    unregister();
    expect(handlers.size).toBe(0);
  });
});
