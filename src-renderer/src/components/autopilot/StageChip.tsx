// Runs in: renderer. A signal's stage in the queue, incoming → pending → executing → done | rejected.
import type { SignalStage } from '../../lib/signal-stage';

const STAGES: Record<SignalStage, { icon: string; label: string }> = {
  incoming: { icon: '↓', label: 'Incoming' },
  pending: { icon: '…', label: 'Pending' },
  executing: { icon: '▶', label: 'Executing' },
  done: { icon: '✔', label: 'Done' },
  rejected: { icon: '⊘', label: 'Rejected' },
};

export function StageChip({ stage, detail }: { stage: SignalStage; detail?: string }) {
  const s = STAGES[stage];
  return (
    <span className={`chip stage-${stage}`} data-stage={stage}>
      <span aria-hidden="true">{s.icon}</span> {s.label}
      {detail ? ` · ${detail}` : ''}
    </span>
  );
}
