// Runs in: renderer (Electron window or a browser via `cockpit headless`).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TransportContext } from './api/client-context';
import { selectTransport } from './api/select-transport';
import { connectApp } from './store/app-store';
import { connectAutopilot } from './store/autopilot-store';
import { connectBacktest } from './store/backtest-store';
import { connectDownloads } from './store/kline-download-store';
import { connectOptimize } from './store/optimize-store';
import { connectRehearsal } from './store/rehearsal-store';
import { connectProfiles } from './store/profiles-store';
import { connectSetupGuide } from './store/setup-guide-store';
import './styles.css';

const transport = selectTransport();
// These stores live as long as the window; the Markets view connects its own while it is open.
connectApp(transport);
connectAutopilot(transport);
connectRehearsal(transport);
connectProfiles(transport);
connectSetupGuide(transport);
connectBacktest(transport);
connectDownloads(transport);
connectOptimize(transport);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TransportContext.Provider value={transport}>
      <App />
    </TransportContext.Provider>
  </StrictMode>,
);
