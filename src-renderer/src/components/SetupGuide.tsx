// Runs in: renderer. The first-run guide: five steps for a cockpit where nothing has been set up yet. Each is ticked
// by the engine from what it has recorded; dismissed once, it is gone for good.
import type { SetupStep } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { call, useAppStore } from '../store/app-store';
import { refreshSeries } from '../store/backtest-store';
import { dismissSetupGuide, guideShown, useSetupGuideStore } from '../store/setup-guide-store';

export function SetupGuide() {
  const transport = useTransport();
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const guide = useSetupGuideStore((s) => s.guide);
  if (!guideShown(guide)) return null;
  const done = guide.steps.filter((s) => s.done).length;
  const loadSample = async () => {
    if (!(await call(transport.calls.backtest.loadSampleData()))) return;
    await refreshSeries(transport);
    setView('backtest');
  };

  return (
    <section className="panel setup-guide" aria-labelledby="setup-guide-h" data-testid="setup-guide">
      <div className="setup-guide-head">
        <h2 id="setup-guide-h">
          Get started <span className="muted">· {done} of {guide.steps.length} done</span>
        </h2>
        <button type="button" onClick={() => void dismissSetupGuide(transport)}>
          Dismiss
        </button>
      </div>
      <ol className="setup-steps">
        {guide.steps.map((step) => (
          <li key={step.id} className={step.done ? 'setup-step done' : 'setup-step'} data-testid={`setup-step-${step.id}`} data-done={step.done}>
            <span className="setup-tick" aria-label={step.done ? 'done' : 'to do'}>
              {step.done ? '✔' : '○'}
            </span>
            <span>
              <strong>{step.title}</strong>
              <span className="muted"> {step.detail}</span>
            </span>
            <StepActions step={step} current={view} go={() => setView(step.view)} loadSample={() => void loadSample()} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepActions({ step, current, go, loadSample }: { step: SetupStep; current: string; go(): void; loadSample(): void }) {
  return (
    <span className="setup-actions">
      {step.id === 'game' && (
        <a href="practice-game.html" target="_blank" rel="noreferrer">
          Open the practice game
        </a>
      )}
      {step.id === 'backtest' && !step.done && (
        <button type="button" onClick={loadSample}>
          Load the sample data
        </button>
      )}
      {current !== step.view && (
        <button type="button" onClick={go}>
          Go to {step.view[0]!.toUpperCase() + step.view.slice(1)}
        </button>
      )}
    </span>
  );
}
