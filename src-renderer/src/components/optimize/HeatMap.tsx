// Runs in: renderer. Parameter-vs-objective heat map on a small canvas: two chosen params, best score per cell.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OptimizeTrial } from '../../../../src-shared/contract';
import { heatColour, heatGrid } from './heat-map';

const W = 420;
const H = 280;
const PAD = { left: 56, bottom: 36, top: 8, right: 8 };

export function HeatMap({ trials, params, objective }: { trials: readonly OptimizeTrial[]; params: readonly string[]; objective: string }) {
  const [x, setX] = useState(params[0] ?? '');
  const [y, setY] = useState(params[1] ?? params[0] ?? '');
  const canvas = useRef<HTMLCanvasElement>(null);
  const grid = useMemo(() => heatGrid(trials, x, y), [trials, x, y]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, W, H);
    const cw = (W - PAD.left - PAD.right) / Math.max(1, grid.xLabels.length);
    const ch = (H - PAD.top - PAD.bottom) / Math.max(1, grid.yLabels.length);
    for (const c of grid.cells) {
      const [r, g, b] = heatColour(c.score, grid.min, grid.max);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      // y grows upwards, like a chart.
      ctx.fillRect(PAD.left + c.x * cw + 1, H - PAD.bottom - (c.y + 1) * ch + 1, cw - 2, ch - 2);
    }
    ctx.fillStyle = '#8b93a7';
    ctx.font = '11px system-ui, sans-serif';
    const every = (n: number) => Math.max(1, Math.ceil(n / 8));
    ctx.textAlign = 'center';
    grid.xLabels.forEach((l, i) => i % every(grid.xLabels.length) === 0 && ctx.fillText(l, PAD.left + (i + 0.5) * cw, H - PAD.bottom + 14));
    ctx.textAlign = 'right';
    grid.yLabels.forEach((l, i) => i % every(grid.yLabels.length) === 0 && ctx.fillText(l, PAD.left - 6, H - PAD.bottom - (i + 0.5) * ch + 4));
    ctx.textAlign = 'center';
    ctx.fillText(x, PAD.left + (W - PAD.left - PAD.right) / 2, H - 6);
  }, [grid, x]);

  if (params.length === 0) return null;
  return (
    <section className="panel heat-map" aria-labelledby="heat-map-title">
      <div className="panel-head">
        <h2 id="heat-map-title">Parameter heat map</h2>
        <span className="muted small">{`Best ${objective} per cell; green is better`}</span>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="heat-x">X parameter</label>
          <select id="heat-x" value={x} onChange={(e) => setX(e.target.value)}>
            {params.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="heat-y">Y parameter</label>
          <select id="heat-y" value={y} onChange={(e) => setY(e.target.value)}>
            {params.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
      </div>
      <canvas
        ref={canvas}
        width={W}
        height={H}
        data-testid="heat-map"
        data-cells={grid.cells.length}
        role="img"
        aria-label={`${objective} by ${x} and ${y}: best ${grid.max.toFixed(3)}, worst ${grid.min.toFixed(3)} over ${grid.cells.length} cells`}
      />
    </section>
  );
}
