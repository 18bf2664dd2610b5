// Runs in: renderer. Going live needs the phrase typed out: a stray click cannot arm real money.
import { useState } from 'react';
import { FirstRunChecklist } from './FirstRunChecklist';
import { PhraseDialog } from './PhraseDialog';

export function ArmLiveDialog({ phrase, onConfirm, onCancel }: { phrase: string; onConfirm(): void; onCancel(): void }) {
  const [ready, setReady] = useState(false);
  return (
    <PhraseDialog id="arm-live-title" title="Arm live mode?" phrase={phrase} confirmLabel="Arm live" inputLabel="Confirmation phrase" ready={ready} onConfirm={onConfirm} onCancel={onCancel}>
      <p>Live mode clicks and places orders with real money, within the safety limits in Settings.</p>
      <FirstRunChecklist onChange={(c) => setReady(c.readyForLive)} />
    </PhraseDialog>
  );
}
