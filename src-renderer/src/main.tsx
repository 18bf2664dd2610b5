// Runs in: renderer (Electron window or a browser via `cockpit headless`).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TransportContext } from './api/client-context';
import { selectTransport } from './api/select-transport';
import { connectStore } from './store/app-store';
import { connectAutopilot } from './store/autopilot-store';
import { connectRehearsal } from './store/rehearsal-store';
import { connectProfiles } from './store/profiles-store';
import { connectSetupGuide } from './store/setup-guide-store';
import './styles.css';

const transport = selectTransport();
connectStore(transport);
connectAutopilot(transport);
connectRehearsal(transport);
connectProfiles(transport);
connectSetupGuide(transport);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TransportContext.Provider value={transport}>
      <App />
    </TransportContext.Provider>
  </StrictMode>,
);
