// Runs in: renderer. Flatten all: cancel every order and close every position at market, after the phrase is typed; shows each step.
import { useState } from 'react';
import { FLATTEN_PHRASE, type FlattenStepRow } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { PhraseDialog } from '../PhraseDialog';

export function FlattenAllButton({ onDone }: { onDone: () => void }) {
  const { calls } = useTransport();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [steps, setSteps] = useState<FlattenStepRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    const r = await calls.markets.flattenAll({ confirm: FLATTEN_PHRASE });
    setBusy(false);
    setConfirming(false);
    if (r.ok) setSteps(r.data);
    else setError(r.error.message);
    onDone();
  };
  return (
    <section className="panel" aria-labelledby="flatten-title">
      <h2 id="flatten-title">Flatten all</h2>
      <button className="danger" onClick={() => setConfirming(true)} disabled={busy}>
        Flatten all…
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {steps && (
        <ol className="small" data-testid="flatten-steps">
          {steps.map((s, i) => (
            <li key={i}>{`${s.accountId} ${s.symbol ?? ''} ${s.step}: ${s.detail}`}</li>
          ))}
        </ol>
      )}
      {confirming && (
        <PhraseDialog id="flatten-confirm-title" title="Flatten everything?" phrase={FLATTEN_PHRASE} confirmLabel="Flatten all" inputLabel="Flatten confirmation phrase" ready={!busy} onConfirm={() => void run()} onCancel={() => setConfirming(false)}>
          <p>Switches every strategy off, cancels every open order (resting stops included) and closes every position at market on every account, whatever the price.</p>
        </PhraseDialog>
      )}
    </section>
  );
}
