// Runs in: the practice game page (a browser).
// The plane (Aviator) and the rocket (Spaceman) of the stage backdrop. Their paths are chosen to pass behind the
// readout's digits, as in the real games, so OCR tests meet a shape crossing the number.

import type { BackdropFrame } from './backdrop';

export interface Palette {
  readonly curve: string;
  readonly crash: string;
  readonly sprite: string;
}

export interface Scene extends BackdropFrame {
  readonly ctx: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
  readonly palette: Palette;
}

interface Position {
  readonly x: number;
  readonly y: number;
}

const easeOut = (p: number) => 1 - (1 - p) * (1 - p);

/** Aviator: the plane climbs from the bottom left through the digits, then bobs at the right; at the crash it flies off. */
const PLANE_CLIMB_MS = 4000;

function planeAt(flightMs: number, width: number, height: number): Position {
  const p = Math.min(1, flightMs / PLANE_CLIMB_MS);
  const bob = flightMs > PLANE_CLIMB_MS ? Math.sin((flightMs - PLANE_CLIMB_MS) / 500) : 0;
  return { x: width * (0.06 + 0.72 * p + 0.02 * bob), y: height * (1 - (0.06 + 0.66 * easeOut(p) + 0.04 * bob)) };
}

export function drawPlaneScene(scene: Scene): void {
  const { ctx, width, height, phase, flightMs, sinceCrashMs, palette } = scene;
  if (phase === 'BETTING') return;
  const at = planeAt(flightMs, width, height);
  const away = sinceCrashMs ?? 0;
  // The red trail under the flight path, fading once the plane has flown away.
  ctx.globalAlpha = Math.max(0, 1 - away / 400);
  ctx.beginPath();
  ctx.moveTo(0, height);
  ctx.quadraticCurveTo(at.x * 0.55, height, at.x, at.y);
  ctx.strokeStyle = palette.sprite;
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.lineTo(at.x, height);
  ctx.closePath();
  ctx.globalAlpha *= 0.28;
  ctx.fillStyle = palette.sprite;
  ctx.fill();
  ctx.globalAlpha = 1;
  drawPlane(ctx, { x: at.x + away * 1.4, y: at.y - away * 0.6 }, palette.sprite, flightMs + away);
}

/** A side-view propeller plane, nose to the right, about 90 px long. */
function drawPlane(ctx: CanvasRenderingContext2D, { x, y }: Position, colour: string, ms: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(-0.12);
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.ellipse(0, 0, 44, 11, 0, 0, Math.PI * 2); // fuselage
  ctx.fill();
  ctx.beginPath(); // wing
  ctx.moveTo(8, 0);
  ctx.lineTo(-10, 26);
  ctx.lineTo(-22, 26);
  ctx.lineTo(-6, 0);
  ctx.fill();
  ctx.beginPath(); // tail
  ctx.moveTo(-30, -4);
  ctx.lineTo(-46, -24);
  ctx.lineTo(-38, -24);
  ctx.lineTo(-22, -6);
  ctx.fill();
  ctx.fillRect(44, -3, 6, 6); // hub
  const blade = 16 * Math.abs(Math.sin(ms / 30)); // spinning propeller
  ctx.fillRect(49, -blade, 3, blade * 2);
  ctx.restore();
}

/** Spaceman: stars drift past while the rocket rises through the digits and sways; at the crash it bursts. */
const ROCKET_RISE_MS = 2500;
const STARS = 70;

function rocketAt(flightMs: number, width: number, height: number): Position {
  const p = Math.min(1, flightMs / ROCKET_RISE_MS);
  return { x: width * (0.5 + 0.14 * Math.sin(flightMs / 900)), y: height * (1 - (0.2 + 0.4 * easeOut(p))) };
}

export function drawRocketScene(scene: Scene): void {
  const { ctx, width, height, phase, flightMs, sinceCrashMs, palette } = scene;
  drawStars(ctx, width, height, phase === 'BETTING' ? 0 : flightMs);
  const at = rocketAt(phase === 'BETTING' ? 0 : flightMs, width, height);
  if (sinceCrashMs === null) {
    drawRocket(ctx, at, palette, phase === 'FLYING' ? flightMs : null);
    return;
  }
  drawBurst(ctx, at, palette.crash, sinceCrashMs / 700);
}

/** The rocket's end: a ring and rays that grow and fade over `p` from 0 to 1. */
function drawBurst(ctx: CanvasRenderingContext2D, { x, y }: Position, colour: string, p: number): void {
  if (p >= 1) return;
  ctx.save();
  ctx.globalAlpha = 1 - p;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.arc(x, y, 12 + 50 * p, 0, Math.PI * 2);
  ctx.stroke();
  for (let i = 0; i < 10; i++) {
    const angle = (i / 10) * Math.PI * 2;
    const inner = 24 + 60 * p;
    ctx.beginPath();
    ctx.moveTo(x + Math.cos(angle) * inner, y + Math.sin(angle) * inner);
    ctx.lineTo(x + Math.cos(angle) * (inner + 18), y + Math.sin(angle) * (inner + 18));
    ctx.stroke();
  }
  ctx.restore();
}

/** Fixed pseudo-random stars (the same every frame), scrolling down as the rocket climbs. */
function drawStars(ctx: CanvasRenderingContext2D, width: number, height: number, flightMs: number): void {
  ctx.fillStyle = 'rgb(255 255 255 / 55%)';
  for (let i = 0; i < STARS; i++) {
    const x = ((i * 7919) % 997) / 997;
    const y = ((i * 104729) % 991) / 991;
    const size = 1 + (i % 3);
    ctx.fillRect(x * width, ((y * height + flightMs * 0.04 * size) % height) - 1, size, size);
  }
}

/** An upright rocket about 90 px tall; a flickering flame while flying. */
function drawRocket(ctx: CanvasRenderingContext2D, { x, y }: Position, palette: Palette, flightMs: number | null): void {
  ctx.save();
  ctx.translate(x, y);
  if (flightMs !== null) {
    const flame = 22 + 10 * Math.abs(Math.sin(flightMs / 40));
    ctx.fillStyle = '#ffb020';
    ctx.beginPath();
    ctx.moveTo(-10, 34);
    ctx.lineTo(0, 34 + flame);
    ctx.lineTo(10, 34);
    ctx.fill();
  }
  ctx.fillStyle = palette.crash; // fins
  ctx.beginPath();
  ctx.moveTo(-14, 14);
  ctx.lineTo(-26, 38);
  ctx.lineTo(26, 38);
  ctx.lineTo(14, 14);
  ctx.fill();
  ctx.fillStyle = palette.sprite; // body and nose
  ctx.beginPath();
  ctx.moveTo(0, -52);
  ctx.quadraticCurveTo(20, -26, 15, 36);
  ctx.lineTo(-15, 36);
  ctx.quadraticCurveTo(-20, -26, 0, -52);
  ctx.fill();
  ctx.fillStyle = '#3aa0ff'; // window
  ctx.beginPath();
  ctx.arc(0, -10, 7, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}
