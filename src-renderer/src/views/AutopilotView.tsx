// Runs in: renderer. The autopilot cockpit: controls, live round, P&L, the signal queue and executions.
import { AutopilotControls } from '../components/autopilot/AutopilotControls';
import { ExecutionsTable } from '../components/autopilot/ExecutionsTable';
import { ReportsPanel } from '../components/history/ReportsPanel';
import { LiveRoundChart } from '../components/autopilot/LiveRoundChart';
import { PnlPanel } from '../components/autopilot/PnlPanel';
import { RoundHistory } from '../components/autopilot/RoundHistory';
import { SignalQueue } from '../components/autopilot/SignalQueue';
import { ConfirmationsPanel } from '../components/ConfirmationsPanel';

export function AutopilotView() {
  return (
    <div className="cockpit">
      <AutopilotControls />
      <ConfirmationsPanel kind="crash-bet" hideWhenEmpty />
      <div className="cockpit-round">
        <LiveRoundChart />
        <section className="panel" aria-label="Round history">
          <RoundHistory />
        </section>
      </div>
      <PnlPanel />
      <SignalQueue />
      <ExecutionsTable />
      <ReportsPanel />
    </div>
  );
}
