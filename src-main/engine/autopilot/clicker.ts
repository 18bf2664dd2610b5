// Runs in: engine. The only path from the autopilot to a real click.
import type { GameProfile } from '../../../src-shared/game-profile';
import type { MousePort } from '../../core/autopilot/ports';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { SafetyService } from '../services/safety-service';
import { preciseNow } from './clock';

/** Clicks measured before their latency is used to send a cash-out ahead. */
const MIN_LATENCY_SAMPLES = 5;

/** `cancel` clicks the Bet point of a one-button game again, to cancel a bet we did not signal. */
export type ClickTarget = 'bet' | 'cashout' | 'cancel';
export type TypedField = 'stakeInput' | 'autoCashoutInput';

export interface ClickRequest {
  profile: GameProfile;
  target: ClickTarget;
  reason: string;
  executionId: number | null;
  /** Cash-outs and cancels only: this engine clicked live, so real money is at risk until it is taken back. */
  betPlacedLive?: boolean;
  /** Set by the caller when a limit forbids this click (bets only). */
  limitRefusal?: string | null;
}

export type ClickResult = { clicked: true; sentAt: number; latencyMs: number } | { clicked: false; refused: string };

/**
 * Clicks only at the profile's own points. A bet needs armed live mode, a released kill switch and every limit
 * respected. A cash-out is sent only for a bet this engine placed live, and then always, even after the kill
 * switch or a return to dry run: abandoning a placed bet would lose its stake. Every click and refusal is audited.
 */
export class Clicker {
  private readonly latencies: number[] = [];

  constructor(
    private readonly mouse: MousePort,
    private readonly safety: SafetyService,
    private readonly actions: ActionsRepo,
    private readonly now: () => number = preciseNow,
  ) {}

  refusal(request: Pick<ClickRequest, 'betPlacedLive' | 'limitRefusal' | 'target'>): string | null {
    // Taking money back is protective: allowed under the kill switch and after a return to dry run.
    if (request.target === 'cashout' || request.target === 'cancel') return request.betPlacedLive ? null : 'dry run: no live bet to cash out';
    const { mode, killSwitch } = this.safety.snapshot();
    if (killSwitch) return 'kill switch engaged';
    if (mode !== 'live') return 'dry run: no click sent';
    if (request.limitRefusal) return `limit: ${request.limitRefusal}`;
    return null;
  }

  async click(request: ClickRequest): Promise<ClickResult> {
    const point = request.profile.points[request.target === 'cancel' ? 'bet' : request.target];
    const mode = this.safety.snapshot().mode;
    const refused = this.refusal(request);
    if (refused) {
      this.actions.record({ kind: 'refused-click', target: request.target, x: point.x, y: point.y, mode, reason: `${request.reason}; refused: ${refused}`, executionId: request.executionId });
      return { clicked: false, refused };
    }
    const sentAt = this.now();
    await this.mouse.click(point, request.profile.display.scaleFactor);
    const latencyMs = this.now() - sentAt;
    this.latencies.push(latencyMs);
    if (this.latencies.length > 50) this.latencies.shift();
    this.actions.record({ kind: 'click', target: request.target, x: point.x, y: point.y, mode, reason: request.reason, executionId: request.executionId, at: Math.round(sentAt), detail: { latencyMs } });
    return { clicked: true, sentAt, latencyMs };
  }

  /**
   * Types into one of the game's fields: the stake, or its own auto cash-out. Either commits money like a bet
   * (the stake directly; a wrong auto cash-out decides the payout), so both pass the bet gate.
   */
  async typeField(profile: GameProfile, field: TypedField, text: string, executionId: number | null, limitRefusal: string | null): Promise<ClickResult> {
    const point = profile.points[field];
    if (!point) return { clicked: false, refused: `the profile has no ${field} field` };
    const mode = this.safety.snapshot().mode;
    const refused = this.refusal({ target: 'bet', limitRefusal });
    if (refused) {
      this.actions.record({ kind: 'refused-type', target: field, x: point.x, y: point.y, mode, reason: `${field} ${text}; refused: ${refused}`, executionId });
      return { clicked: false, refused };
    }
    const sentAt = this.now();
    await this.mouse.typeInto(point, text, profile.display.scaleFactor);
    const latencyMs = this.now() - sentAt;
    this.actions.record({ kind: 'type', target: field, x: point.x, y: point.y, mode, reason: `${field} ${text}`, executionId, at: Math.round(sentAt), detail: { latencyMs } });
    return { clicked: true, sentAt, latencyMs };
  }

  /**
   * The fastest click measured, once there are enough to trust: a cash-out is sent this much before it must land, and
   * assuming a faster click can only make it land later, never below target. A click call returns when the event loop
   * gets to it, which a busy read loop delays: the first bet of an aviator session returned after 42 ms though the
   * game took it 14 ms after sending, and the cash-out sent 42 ms ahead on that one sample landed 10 ms before its
   * target (3.75 paid for 3.76, 2026-12-06). Until then, 0: a click lands a millisecond or two late at most.
   */
  lowLatencyMs(): number {
    return this.latencies.length < MIN_LATENCY_SAMPLES ? 0 : Math.min(...this.latencies);
  }
}
