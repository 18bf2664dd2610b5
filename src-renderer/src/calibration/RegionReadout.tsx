// Runs in: renderer. What OCR reads in a region right now, and how long the read took.
import type { Rect } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { usePolling } from './use-polling';

const READ_EVERY_MS = 500;

export function RegionReadout({ id, region, kind }: { id: string; region: Rect; kind: 'multiplier' | 'amount' }) {
  const { calls } = useTransport();
  const { data, error } = usePolling(() => calls.calibration.readRegion({ region, kind }), READ_EVERY_MS, [region.x, region.y, region.width, region.height, kind]);
  return (
    <output className="readout" data-testid={`readout-${id}`} aria-live="off">
      {data ? (
        <>
          <strong>{data.value !== null ? String(data.value) : data.text || '(nothing read)'}</strong>
          <span className="muted">
            {' '}
            {Math.round(data.ms)} ms · {data.path}
          </span>
        </>
      ) : (
        <span className="muted">{error ? `OCR failed: ${error}` : 'reading…'}</span>
      )}
    </output>
  );
}
