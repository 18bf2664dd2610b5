import { describe, expect, it } from 'vitest';
import { collectOsFacts } from '../../core/first-run/os-facts';
import { nodeFirstRunOs } from './node-system-host';

describe('nodeFirstRunOs', () => {
  it('reads the Linux display server from the environment', async () => {
    expect(await collectOsFacts(nodeFirstRunOs({ DISPLAY: ':99' }, 'linux'))).toEqual({ platform: 'linux', session: 'x11', xDisplay: true });
    expect(await collectOsFacts(nodeFirstRunOs({ XDG_SESSION_TYPE: 'wayland' }, 'linux'))).toEqual({ platform: 'linux', session: 'wayland', xDisplay: false });
  });

  it('cannot read macOS permissions without Electron, so they need action', async () => {
    expect(await collectOsFacts(nodeFirstRunOs({}, 'darwin'))).toEqual({ platform: 'darwin', screen: 'unknown', accessibility: false });
  });
});
