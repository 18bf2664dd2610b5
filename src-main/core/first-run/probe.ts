// Runs in: anywhere (pure). The "capture and click really work" probe required before arming live: the engine runs it, this judges it.

/** What the engine measured: a grab of the multiplier region and one click on a harmless point whose effect it watched for. */
export interface ProbeMeasurement {
  at: number;
  profileName: string;
  /** Identifies the display layout (ids, bounds, scale factors); a change invalidates the probe. */
  layoutKey: string;
  capture: { ok: boolean; ms: number; distinctColours: number; error?: string };
  click: { dispatched: boolean; effectObserved: boolean; error?: string };
}

export type ProbeVerdict = { state: 'ok'; detail: string } | { state: 'failed' | 'pending'; detail: string };

/** Above this a capture is too slow to follow a crash multiplier (bustabit gains ~0.6% per 100 ms at 2x). */
export const MAX_CAPTURE_MS = 150;
/** How long a passing probe stays valid. */
export const PROBE_TTL_MS = 12 * 60 * 60 * 1000;

export interface ProbeContext {
  now: number;
  profileName: string | null;
  layoutKey: string;
}

export function judgeProbe(m: ProbeMeasurement | null, ctx: ProbeContext): ProbeVerdict {
  if (!ctx.profileName) return { state: 'pending', detail: 'Calibrate a game profile first; the probe uses its regions.' };
  if (!m) return { state: 'pending', detail: 'Not run yet: it grabs the multiplier region and clicks once, then checks both worked.' };
  if (m.profileName !== ctx.profileName) return { state: 'pending', detail: `Last probe was for profile "${m.profileName}"; run it again for "${ctx.profileName}".` };
  if (m.layoutKey !== ctx.layoutKey) return { state: 'pending', detail: 'The display layout or scaling changed since the last probe; run it again.' };
  if (ctx.now - m.at > PROBE_TTL_MS) return { state: 'pending', detail: 'The last probe is older than 12 hours; run it again.' };
  if (!m.capture.ok) return { state: 'failed', detail: `Screen capture failed: ${m.capture.error ?? 'no image'}.` };
  // A capture without Screen Recording permission on macOS returns a blank or wallpaper-only image: one flat colour.
  if (m.capture.distinctColours < 2) return { state: 'failed', detail: 'The captured region is a single flat colour: screen capture is probably blocked (permission) or the region is wrong.' };
  if (m.capture.ms > MAX_CAPTURE_MS) return { state: 'failed', detail: `Screen capture took ${Math.round(m.capture.ms)} ms (limit ${MAX_CAPTURE_MS} ms): too slow to follow the multiplier.` };
  if (!m.click.dispatched) return { state: 'failed', detail: `The click could not be sent: ${m.click.error ?? 'unknown error'}.` };
  if (!m.click.effectObserved) return { state: 'failed', detail: 'The click was sent but had no visible effect: input may be blocked (Accessibility permission, or an elevated game window on Windows).' };
  return { state: 'ok', detail: `Capture ${Math.round(m.capture.ms)} ms, click verified.` };
}
