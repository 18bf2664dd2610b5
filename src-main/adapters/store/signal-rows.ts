// Runs in: engine. The signal log as the UI sees it.
import type { SignalRow } from '../../../src-shared/contract/services/autopilot';
import type { Db } from './database';

const RAW_PREVIEW = 512;

interface Row {
  id: number;
  received_at: number;
  source: string;
  round_id: string | null;
  verdict: SignalRow['verdict'];
  reason: string | null;
  parsed: string | null;
  raw: string;
}

function toSignalRow(r: Row): SignalRow {
  let target: number | null = null;
  let bet: boolean | null = null;
  if (r.parsed) {
    const parsed = JSON.parse(r.parsed) as { target?: number; bet?: boolean };
    target = typeof parsed.target === 'number' ? parsed.target : null;
    bet = typeof parsed.bet === 'boolean' ? parsed.bet : null;
  }
  return { id: r.id, receivedAt: r.received_at, source: r.source, roundId: r.round_id, verdict: r.verdict, reason: r.reason, target, bet, raw: r.raw.slice(0, RAW_PREVIEW) };
}

export class SignalRows {
  constructor(private readonly db: Db) {}

  recent(limit: number): SignalRow[] {
    return this.db.prepare<[number], Row>('SELECT id, received_at, source, round_id, verdict, reason, parsed, raw FROM signals ORDER BY id DESC LIMIT ?').all(limit).map(toSignalRow);
  }

  byId(id: number): SignalRow | undefined {
    const row = this.db.prepare<[number], Row>('SELECT id, received_at, source, round_id, verdict, reason, parsed, raw FROM signals WHERE id = ?').get(id);
    return row ? toSignalRow(row) : undefined;
  }

  /** When the signal an execution plays arrived: the start of its signal-to-click time. */
  receivedAtOfExecution(executionId: number): number | undefined {
    return this.db
      .prepare<[number], { received_at: number }>('SELECT s.received_at FROM crash_executions e JOIN signals s ON s.id = e.signal_id WHERE e.id = ?')
      .get(executionId)?.received_at;
  }
}
