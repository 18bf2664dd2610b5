// Runs in: the practice game page (a browser).
// What moves on the stage: the rising curve (under the readout, or behind it), a plane or a rocket crossing behind the
// digits, as the real games draw them. The readout box sits above this canvas, so anything drawn here that passes
// behind the digits is part of what OCR of that box sees, on purpose.

import { multiplierAt } from '../../src-shared/crash/growth';
import type { Skin } from './skins';
import { drawPlaneScene, drawRocketScene, type Palette, type Scene } from './sprites';
import type { GamePhase } from './types';

const POINTS = 96;
/** The x axis spans at least the time to reach ~1.62x: 8 s at bustabit's rate, as the classic look always had. */
const MIN_SPAN_LOG = 0.48;
/** The y axis reaches at least this multiplier; a low top lifts a curve behind the readout into the digits early. */
const MIN_TOP = { 'curve-below': 2, 'curve-behind': 1.25 } as const;

export interface BackdropFrame {
  readonly phase: GamePhase;
  /** Time since the flight started, stopped at the crash. */
  readonly flightMs: number;
  /** Time since the crash; null before it. */
  readonly sinceCrashMs: number | null;
  readonly rate: number;
  readonly now: number;
}

export class Backdrop {
  private readonly context: CanvasRenderingContext2D | null;
  private width = 0;
  private height = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly kind: Skin['backdrop'],
  ) {
    this.context = canvas.getContext('2d');
    // Sizes the canvas in CSS: a strip under the readout, or the whole stage for what passes behind the digits.
    canvas.setAttribute('data-kind', kind);
  }

  draw(frame: BackdropFrame): void {
    const ctx = this.context;
    if (!ctx) return;
    this.fitToLayout(ctx);
    ctx.clearRect(0, 0, this.width, this.height);
    const scene: Scene = { ctx, width: this.width, height: this.height, ...frame, palette: this.palette() };
    if (this.kind === 'plane') drawPlaneScene(scene);
    else if (this.kind === 'rocket') drawRocketScene(scene);
    else if (frame.phase !== 'BETTING') drawCurve(scene, MIN_TOP[this.kind]);
  }

  private palette(): Palette {
    const style = getComputedStyle(this.canvas);
    return { curve: style.getPropertyValue('--curve'), crash: style.getPropertyValue('--crash-fg'), sprite: style.getPropertyValue('--sprite') };
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

/** The multiplier curve from the flight start to now, with the shade under it; red once crashed. */
function drawCurve({ ctx, width, height, phase, flightMs, rate, palette }: Scene, minTop: number): void {
  const spanMs = Math.max(flightMs, MIN_SPAN_LOG / rate);
  const top = Math.max(multiplierAt(flightMs, rate), minTop);
  const x = (t: number) => (t / spanMs) * (width - 8) + 4;
  const y = (m: number) => height - 4 - ((m - 1) / (top - 1)) * (height - 12);
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  ctx.strokeStyle = phase === 'CRASHED' ? palette.crash : palette.curve;
  ctx.beginPath();
  for (let i = 0; i <= POINTS; i++) {
    const t = (flightMs * i) / POINTS;
    if (i === 0) ctx.moveTo(x(t), y(multiplierAt(t, rate)));
    else ctx.lineTo(x(t), y(multiplierAt(t, rate)));
  }
  ctx.stroke();
  ctx.lineTo(x(flightMs), height);
  ctx.lineTo(x(0), height);
  ctx.closePath();
  ctx.globalAlpha = 0.15;
  ctx.fillStyle = ctx.strokeStyle;
  ctx.fill();
  ctx.globalAlpha = 1;
}
