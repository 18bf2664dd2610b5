import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSocket, parseXDisplay, probeDisplay, type SocketOpener } from './display-probe';
import { createNutLoader, NoDisplayError, type NutModule } from './nut-loader';

const never: SocketOpener = async () => false;

describe('probeDisplay', () => {
  it('assumes a display on macOS and Windows', async () => {
    expect(await probeDisplay({}, 'darwin', never)).toEqual({ available: true });
    expect(await probeDisplay({}, 'win32', never)).toEqual({ available: true });
  });

  it('reports no display without $DISPLAY, naming Wayland when that is the session', async () => {
    expect(await probeDisplay({}, 'linux', never)).toEqual({ available: false, detail: '$DISPLAY is not set' });
    expect(await probeDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', never)).toMatchObject({ available: false, detail: expect.stringMatching(/Wayland session without XWayland/) });
    expect(await probeDisplay({ DISPLAY: 'nonsense' }, 'linux', never)).toMatchObject({ available: false });
  });

  it('asks the local X socket (file, then abstract) or TCP 6000+N for a remote display', async () => {
    const asked: unknown[] = [];
    const record: SocketOpener = async (target) => (asked.push(target), false);
    expect(await probeDisplay({ DISPLAY: ':7' }, 'linux', record)).toEqual({ available: false, detail: 'no X server answers on $DISPLAY=:7' });
    expect(await probeDisplay({ DISPLAY: 'localhost:10.0' }, 'linux', record)).toMatchObject({ available: false });
    expect(asked).toEqual([{ path: '/tmp/.X11-unix/X7' }, { path: '\0/tmp/.X11-unix/X7' }, { host: 'localhost', port: 6010 }]);
    expect(await probeDisplay({ DISPLAY: ':0' }, 'linux', async () => true)).toEqual({ available: true });
  });

  it('parses display names as X clients do', () => {
    expect(parseXDisplay(':0')).toEqual({ host: '', display: 0 });
    expect(parseXDisplay('unix:12.1')).toEqual({ host: 'unix', display: 12 });
    expect(parseXDisplay('wayland-0')).toBeNull();
  });

  describe('openSocket', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-x-'));
    let server: Server;
    afterAll(() => {
      server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is true only when something listens', async () => {
      const path = join(dir, 'X0');
      expect(await openSocket({ path }, 500)).toBe(false);
      server = createServer((s) => s.destroy());
      await new Promise<void>((resolve) => server.listen(path, resolve));
      expect(await openSocket({ path }, 500)).toBe(true);
    });
  });
});

describe('createNutLoader', () => {
  it('never imports nut-js without a display, and answers with the one message', async () => {
    let imports = 0;
    let available = false;
    const load = createNutLoader(
      async () => (available ? { available: true } : { available: false, detail: '$DISPLAY is not set' }),
      async () => (imports++, {} as NutModule),
    );
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoDisplayError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: 'no display: screen capture and clicking are unavailable on this machine', detail: '$DISPLAY is not set' });
    expect(imports).toBe(0);
    // A display that appears later is picked up, and nut-js is imported once.
    available = true;
    await load();
    await load();
    expect(imports).toBe(1);
  });
});
