// Runs in: Electron main. Pure checks over the shape of an IPC event, so tests need no Electron.
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface IpcEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrameLike | null;
}

export interface SenderPolicy {
  /** e.g. "app://cockpit" in production, the dev-server origin in `electron-vite dev`. */
  readonly appOrigins: readonly string[];
  /** webContents ids of the windows this app created. */
  isKnownWindow(webContentsId: number): boolean;
}

/** Returns why a sender is refused, or null when it may call. Origin, top frame and known window must all hold. */
export function refuseReason(event: IpcEventLike, policy: SenderPolicy): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'calls from sub-frames are not allowed';
  let origin: string;
  try {
    origin = new URL(frame.url).origin;
    // WHATWG URL gives "null" as the origin of non-special schemes like app://; rebuild it from protocol and host.
    if (origin === 'null') origin = `${new URL(frame.url).protocol}//${new URL(frame.url).host}`;
  } catch {
    return `the sender URL "${frame.url.slice(0, 100)}" is not a URL`;
  }
  if (!policy.appOrigins.includes(origin)) return `origin ${origin} is not the app's`;
  if (!policy.isKnownWindow(event.sender.id)) return 'the sender is not a window of this app';
  return null;
}
