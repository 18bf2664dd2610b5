// Runs in: renderer. Coalesces bursts of events into one store update per animation frame, at most every `minGapMs`
// (tables re-render ~10×/s at most whatever the event rate; the live chart draws every frame on its own).

export function frameScheduler(flush: () => void, minGapMs = 0): () => void {
  let scheduled = false;
  let lastFlush = -Infinity;
  const run = () => {
    scheduled = false;
    lastFlush = performance.now();
    flush();
  };
  const onFrame = () => {
    const wait = lastFlush + minGapMs - performance.now();
    if (wait > 0) setTimeout(() => requestAnimationFrame(run), wait);
    else run();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    // Hidden tabs get no animation frames; a timer keeps the buffers draining.
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') setTimeout(run, Math.max(250, minGapMs));
    else requestAnimationFrame(onFrame);
  };
}
