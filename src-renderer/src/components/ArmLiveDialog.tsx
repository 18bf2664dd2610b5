// Runs in: renderer. Going live needs the phrase typed out: a stray click cannot arm real money.
import { useState } from 'react';
import { FirstRunChecklist } from './FirstRunChecklist';

export function ArmLiveDialog({ phrase, onConfirm, onCancel }: { phrase: string; onConfirm(): void; onCancel(): void }) {
  const [typed, setTyped] = useState('');
  const [ready, setReady] = useState(false);
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="arm-live-title">
        <h2 id="arm-live-title">Arm live mode?</h2>
        <p>Live mode clicks and places orders with real money, within the safety limits in Settings.</p>
        <FirstRunChecklist onChange={(c) => setReady(c.readyForLive)} />
        <label>
          <span>
            Type <strong>{phrase}</strong> to confirm
          </span>
          <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Confirmation phrase" />
        </label>
        <div className="dialog-actions">
          <button onClick={onCancel}>Cancel</button>
          <button className="danger" disabled={typed !== phrase || !ready} onClick={onConfirm}>
            Arm live
          </button>
        </div>
      </div>
    </div>
  );
}
