// Runs in: renderer.
import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';

const ICONS = { info: 'ℹ', warn: '⚠', error: '✖' } as const;

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setTimeout(() => dismiss(toasts[0]!.id), 6000);
    return () => clearTimeout(timer);
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="log" aria-live="assertive">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.level}`}>
          <span aria-hidden="true">{ICONS[t.level]}</span> {t.message}
          <button aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
