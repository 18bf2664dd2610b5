// The rising curve under the multiplier, as crash games draw it. Kept out of the multiplier's box so it never
// disturbs OCR of the readout.

import { multiplierAt } from '../../src-shared/crash/growth';
import type { GamePhase } from './types';

const POINTS = 96;
const MIN_SPAN_MS = 8000;
const MIN_TOP = 2;

export class CurveCanvas {
  private readonly context: CanvasRenderingContext2D | null;
  private width = 0;
  private height = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d');
  }

  draw(phase: GamePhase, elapsedMs: number, rate: number): void {
    const ctx = this.context;
    if (!ctx) return;
    this.fitToLayout(ctx);
    ctx.clearRect(0, 0, this.width, this.height);
    if (phase === 'BETTING') return;
    const spanMs = Math.max(elapsedMs, MIN_SPAN_MS);
    const top = Math.max(multiplierAt(elapsedMs, rate), MIN_TOP);
    const x = (t: number) => (t / spanMs) * (this.width - 8) + 4;
    const y = (m: number) => this.height - 4 - ((m - 1) / (top - 1)) * (this.height - 12);
    const style = getComputedStyle(this.canvas);
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.strokeStyle = phase === 'CRASHED' ? style.getPropertyValue('--crash-fg') : style.getPropertyValue('--curve');
    ctx.beginPath();
    for (let i = 0; i <= POINTS; i++) {
      const t = (elapsedMs * i) / POINTS;
      if (i === 0) ctx.moveTo(x(t), y(multiplierAt(t, rate)));
      else ctx.lineTo(x(t), y(multiplierAt(t, rate)));
    }
    ctx.stroke();
    // Shade under the curve, as crash games do.
    ctx.lineTo(x(elapsedMs), this.height);
    ctx.lineTo(x(0), this.height);
    ctx.closePath();
    ctx.globalAlpha = 0.15;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.fill();
    ctx.globalAlpha = 1;
  }

  /** Matches the backing store to the CSS size and pixel ratio, so lines stay sharp on HiDPI. */
  private fitToLayout(ctx: CanvasRenderingContext2D): void {
    const ratio = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (width === this.width && height === this.height && this.canvas.width === Math.round(width * ratio)) return;
    this.width = width;
    this.height = height;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }
}
