// Runs in: anywhere (pure).
import type { TopicSwitches } from '../../../src-shared/contract/services/notifications';
import type { Notice } from './notice';

export interface FilterConfig {
  readonly topics: TopicSwitches;
  /** 1: every round; N: one digest every N rounds. */
  readonly roundDigestEvery: number;
}

interface Digest {
  rounds: number;
  won: number;
  lost: number;
  notPlayed: number;
  live: number | null;
  dryRun: number | null;
}

/** What one channel wants to hear: its topic switches, and rounds folded into a digest every N. */
export class ChannelFilter {
  private digest = ChannelFilter.emptyDigest();

  constructor(private readonly config: FilterConfig) {}

  accept(notice: Notice): Notice[] {
    if (notice.topic === 'test') return [notice];
    if (!this.config.topics[notice.topic]) return [];
    if (notice.kind !== 'round' || this.config.roundDigestEvery <= 1) return [notice];
    const d = this.digest;
    d.rounds++;
    if (notice.status === 'CASHOUT_EXECUTED') d.won++;
    else if (notice.status === 'CRASHED') d.lost++;
    else d.notPlayed++;
    if (notice.pnl !== null) {
      // Dry-run P&L is simulated: it is never added to money.
      if (notice.mode === 'live') d.live = (d.live ?? 0) + notice.pnl;
      else d.dryRun = (d.dryRun ?? 0) + notice.pnl;
    }
    if (d.rounds < this.config.roundDigestEvery) return [];
    this.digest = ChannelFilter.emptyDigest();
    return [{ topic: 'rounds', kind: 'digest', at: notice.at, rounds: d.rounds, won: d.won, lost: d.lost, notPlayed: d.notPlayed, pnl: { live: d.live, dryRun: d.dryRun } }];
  }

  private static emptyDigest(): Digest {
    return { rounds: 0, won: 0, lost: 0, notPlayed: 0, live: null, dryRun: null };
  }
}
