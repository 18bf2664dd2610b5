// Runs in: renderer. Saved game profiles, shared by Calibrate, Settings and the autopilot controls.
import { create } from 'zustand';
import type { GameProfile } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { call } from './app-store';

export interface ProfilesStore {
  profiles: GameProfile[];
  loaded: boolean;
}

export const useProfilesStore = create<ProfilesStore>(() => ({ profiles: [], loaded: false }));

export async function refreshProfiles(transport: CockpitTransport): Promise<void> {
  const profiles = await call(transport.calls.profiles.list());
  if (profiles) useProfilesStore.setState({ profiles: [...profiles].sort((a, b) => a.name.localeCompare(b.name)), loaded: true });
}

export function connectProfiles(transport: CockpitTransport): () => void {
  return transport.onConnection((state) => {
    if (state === 'connected') void refreshProfiles(transport);
  });
}
