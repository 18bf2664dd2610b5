// Runs in: engine (Node). Is there a screen to capture and click? Asked before anything loads libnut, which kills the
// whole process ("Could not open main display") when there is none: a VPS, a container, Wayland without XWayland.
import { connect } from 'node:net';

/** The one answer every screen feature gives on a machine without a display. */
export const NO_DISPLAY_MESSAGE = 'no display: screen capture and clicking are unavailable on this machine';

export type DisplayProbe = { readonly available: true } | { readonly available: false; readonly detail: string };

/** Opens a socket and reports whether something accepted it; injected by tests. */
export type SocketOpener = (target: { path: string } | { host: string; port: number }, timeoutMs: number) => Promise<boolean>;

const X_TCP_BASE_PORT = 6000;

export const openSocket: SocketOpener = (target, timeoutMs) =>
  new Promise((resolve) => {
    const socket = connect(target);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/** `[host]:display[.screen]`, as X clients read $DISPLAY. */
export function parseXDisplay(value: string): { host: string; display: number } | null {
  const match = /^([^:]*):(\d+)(?:\.\d+)?$/.exec(value.trim());
  return match ? { host: match[1]!, display: Number(match[2]) } : null;
}

/**
 * macOS and Windows always have a display for a logged-in user. Elsewhere an X server must accept a connection:
 * the local socket (file or Linux abstract namespace) or, for `host:N`, TCP port 6000+N. No X protocol is spoken:
 * a listening server is what libnut needs to open the display instead of aborting.
 */
export async function probeDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, open: SocketOpener = openSocket): Promise<DisplayProbe> {
  if (platform === 'darwin' || platform === 'win32') return { available: true };
  const value = env.DISPLAY?.trim();
  if (!value) {
    return { available: false, detail: env.WAYLAND_DISPLAY ? 'Wayland session without XWayland ($DISPLAY is not set)' : '$DISPLAY is not set' };
  }
  const parsed = parseXDisplay(value);
  if (!parsed) return { available: false, detail: `$DISPLAY="${value}" is not an X display name` };
  const timeoutMs = 1000;
  const local = parsed.host === '' || parsed.host === 'unix';
  const reachable = local
    ? (await open({ path: `/tmp/.X11-unix/X${parsed.display}` }, timeoutMs)) || (platform === 'linux' && (await open({ path: `\0/tmp/.X11-unix/X${parsed.display}` }, timeoutMs)))
    : await open({ host: parsed.host, port: X_TCP_BASE_PORT + parsed.display }, timeoutMs);
  return reachable ? { available: true } : { available: false, detail: `no X server answers on $DISPLAY=${value}` };
}
