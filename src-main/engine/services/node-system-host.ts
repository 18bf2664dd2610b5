// Runs in: engine under plain Node (`cockpit headless`). The SystemHost without Electron: no permission APIs, no relaunch.
import { arch, platform, release } from 'node:os';
import type { DisplayInfo } from '../../core/display/dip-physical';
import type { FirstRunOs } from '../../core/first-run/os-facts';
import type { SystemHost } from './system-service';

export function nodeFirstRunOs(env: NodeJS.ProcessEnv = process.env, os = platform()): FirstRunOs {
  const first: FirstRunOs = { platform: os };
  if (os === 'linux') {
    first.sessionType = () => (env.XDG_SESSION_TYPE === 'wayland' ? 'wayland' : env.XDG_SESSION_TYPE === 'x11' || env.DISPLAY ? 'x11' : 'unknown');
    first.hasXDisplay = () => Boolean(env.DISPLAY);
  }
  // macOS under node: permission state is not readable, so Screen Recording/Accessibility show as needing action
  // and the capture-and-click probe is the proof.
  return first;
}

/** `displays` comes from the calibration service's display list (nut.js under Node). */
export function nodeSystemHost(displays: () => DisplayInfo[]): SystemHost {
  return {
    os: nodeFirstRunOs(),
    launch: {},
    displays,
    versions: { node: process.versions.node, v8: process.versions.v8 },
    osInfo: { platform: platform(), release: release(), arch: arch() },
  };
}
