// Runs in: renderer. The transport chosen at startup, reachable from any component.
import { createContext, useContext } from 'react';
import type { CockpitTransport } from './transport';

export const TransportContext = createContext<CockpitTransport | null>(null);

export function useTransport(): CockpitTransport {
  const transport = useContext(TransportContext);
  if (!transport) throw new Error('useTransport outside <TransportContext.Provider>');
  return transport;
}
