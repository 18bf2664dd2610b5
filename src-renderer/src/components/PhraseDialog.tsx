// Runs in: renderer. A modal that acts only once a phrase is typed out: a stray click can neither arm real money nor flatten it.
import { useState, type ReactNode } from 'react';

export function PhraseDialog(p: { id: string; title: string; phrase: string; confirmLabel: string; inputLabel: string; ready?: boolean; children: ReactNode; onConfirm(): void; onCancel(): void }) {
  const [typed, setTyped] = useState('');
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && p.onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={p.id}>
        <h2 id={p.id}>{p.title}</h2>
        {p.children}
        <label>
          <span>
            Type <strong>{p.phrase}</strong> to confirm
          </span>
          <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} aria-label={p.inputLabel} />
        </label>
        <div className="dialog-actions">
          <button onClick={p.onCancel}>Cancel</button>
          <button className="danger" disabled={typed !== p.phrase || p.ready === false} onClick={p.onConfirm}>
            {p.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
