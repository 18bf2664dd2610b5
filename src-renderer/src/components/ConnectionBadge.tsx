// Runs in: renderer.
import { useAppStore } from '../store/app-store';

const LABELS = { connecting: 'connecting…', connected: 'connected', disconnected: 'disconnected', refused: 'refused' } as const;

export function ConnectionBadge() {
  const state = useAppStore((s) => s.connection);
  const detail = useAppStore((s) => s.connectionDetail);
  return (
    <div className={`connection ${state}`} role="status" aria-live="polite" title={detail} data-testid="connection-status">
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
      {state === 'refused' && detail ? `: ${detail}` : ''}
    </div>
  );
}
