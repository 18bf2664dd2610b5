// Runs in: renderer.
import { DemoBanner } from './components/DemoBanner';
import { Header } from './components/Header';
import { SetupGuide } from './components/SetupGuide';
import { Toasts } from './components/Toasts';
import { useAppStore, type View } from './store/app-store';
import { cockpitIsEmpty, useSetupGuideStore } from './store/setup-guide-store';
import { AutopilotView } from './views/AutopilotView';
import { BacktestView } from './views/BacktestView';
import { CalibrationView } from './views/CalibrationView';
import { MarketsView } from './views/MarketsView';
import { SettingsView } from './views/SettingsView';

const VIEWS: Record<View, { label: string; render: () => React.JSX.Element }> = {
  autopilot: { label: 'Autopilot', render: () => <AutopilotView /> },
  calibrate: { label: 'Calibrate', render: () => <CalibrationView /> },
  markets: { label: 'Markets', render: () => <MarketsView /> },
  backtest: { label: 'Backtest', render: () => <BacktestView /> },
  settings: { label: 'Settings', render: () => <SettingsView /> },
};

export function App() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const overlay = useAppStore((s) => s.overlay);
  // In a cockpit with nothing set up, the landing view's panels would all be empty: the guide stands in for them.
  const guideOnly = useSetupGuideStore((s) => view === 'autopilot' && cockpitIsEmpty(s.guide));
  // The Electron overlay window is the editor alone over a transparent page.
  if (overlay) document.documentElement.classList.add('overlay');
  if (overlay)
    return (
      <div className="overlay-root">
        <CalibrationView overlay />
        <Toasts />
      </div>
    );
  return (
    <div className="app">
      <Header />
      <nav className="nav" aria-label="Main">
        {(Object.keys(VIEWS) as View[]).map((key) => (
          <button key={key} className={key === view ? 'nav-item active' : 'nav-item'} aria-current={key === view ? 'page' : undefined} onClick={() => setView(key)}>
            {VIEWS[key].label}
          </button>
        ))}
      </nav>
      <DemoBanner />
      <main className="view">
        <SetupGuide />
        {!guideOnly && VIEWS[view].render()}
      </main>
      <Toasts />
    </div>
  );
}
