// Runs in: renderer. Under `cockpit demo`: says on every view that it is a demo and what in this view is simulated.
import { useAppStore } from '../store/app-store';

export function DemoBanner() {
  const demo = useAppStore((s) => s.status?.demo);
  const view = useAppStore((s) => s.view);
  if (!demo) return null;
  const note = demo.notes[view];
  return (
    <aside className="demo-banner" aria-label="Demo" data-testid="demo-banner">
      <p>
        <strong>{demo.summary}</strong>{' '}
        <a href={demo.practiceGameUrl} target="_blank" rel="noreferrer">
          Open the practice game
        </a>
      </p>
      {note && <p data-testid="demo-note">{note}</p>}
    </aside>
  );
}
