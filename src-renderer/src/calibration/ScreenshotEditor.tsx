// Runs in: renderer (browser or window). The region editor over a live screenshot of one display, refreshed ~2/s.
import { useEffect, useRef, useState } from 'react';
import { useTransport } from '../api/client-context';
import { screenshotMap, type SurfaceMap } from './geometry';
import { RegionEditor } from './RegionEditor';
import { usePolling } from './use-polling';

const CAPTURE_EVERY_MS = 500;

export function ScreenshotEditor({ displayId }: { displayId: string }) {
  const { calls } = useTransport();
  const { data: shot, error } = usePolling(() => calls.calibration.captureScreen({ displayId, maxWidth: 1280 }), CAPTURE_EVERY_MS, [displayId]);
  const img = useRef<HTMLImageElement>(null);
  const [renderedWidth, setRenderedWidth] = useState(0);

  useEffect(() => {
    const el = img.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setRenderedWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [shot !== null]);

  const map: SurfaceMap | null = shot && renderedWidth > 0 ? screenshotMap(shot.display.bounds, shot.width, renderedWidth, shot.scale) : null;
  return (
    <div className="screenshot-frame">
      {shot ? (
        <RegionEditor map={map}>
          <img
            ref={img}
            className="screenshot"
            src={`data:image/png;base64,${shot.png}`}
            width={shot.width}
            height={shot.height}
            alt={`Live screenshot of display ${shot.display.id}`}
            draggable={false}
            data-testid="screenshot"
            data-scale={shot.scale}
          />
        </RegionEditor>
      ) : (
        <p className="empty">{error ? `Cannot capture the screen: ${error}` : 'Capturing the screen…'}</p>
      )}
      {shot && (
        <p className="muted small">
          Display {shot.display.id} · {shot.display.bounds.width}×{shot.display.bounds.height} at {shot.display.scaleFactor * 100}% · screenshot {shot.width}×{shot.height}
          {error ? ` · last capture failed: ${error}` : ''}
        </p>
      )}
    </div>
  );
}
