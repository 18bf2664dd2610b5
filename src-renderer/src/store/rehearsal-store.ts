// Runs in: renderer. The latest rehearsal (Calibrate → Rehearse): hydrated on connect, then kept live by its event.
import { create } from 'zustand';
import type { RehearsalReport } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';
import { call } from './app-store';

export const useRehearsalStore = create<{ report: RehearsalReport | null }>(() => ({ report: null }));

export function connectRehearsal(transport: CockpitTransport): () => void {
  const offConnection = transport.onConnection((connection) => {
    if (connection !== 'connected') return;
    void call(transport.calls.autopilot.getRehearsal()).then((report) => {
      if (report !== undefined) useRehearsalStore.setState({ report });
    });
  });
  const offEvents = transport.on('rehearsal.updated', (report) => useRehearsalStore.setState({ report }));
  return () => {
    offConnection();
    offEvents();
  };
}
