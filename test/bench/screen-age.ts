// How far the screen ran behind the game in a kept skin e2e session, round by round, measured rather than estimated:
// each read in the session's trace against the moment the game's own log puts that value on screen. Beside it, what
// the display lag probe said at the start, and how long after the target crossing each cash-out click was sent.
// Run: COCKPIT_KEEP_TEST_DIRS=1 COCKPIT_SKINS=neon npx vitest run test/e2e/autopilot-skins.test.ts, then
//      npx tsx test/bench/screen-age.ts --rate 0.00025 /tmp/cockpit-test-XXXX/live [/tmp/cockpit-test-XXXX/unrehearsed]
// (`--rate`: the game's growth per ms; the e2e plays each skin at max(its rate, 0.00015)).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { median } from '../../src-main/core/ocr/median';
import type { GameLogEntry } from '../support/desktop-game';

/** Reads whose cent lasts longer say little about when they were drawn; a median over many of these does. */
const MAX_CENT_MS = 25;
const MIN_READS_PER_ROUND = 5;

interface TraceLine {
  readonly at: number;
  readonly value: number | null;
  readonly decimals?: number | null;
  readonly phase: string;
}

const { values, positionals } = parseArgs({ options: { rate: { type: 'string' } }, allowPositionals: true });
const rate = Number(values.rate);
if (!(rate > 0) || positionals.length === 0) {
  process.stderr.write('usage: npx tsx test/bench/screen-age.ts --rate PER_MS SESSION_DIR...\n');
  process.exit(2);
}

for (const dir of positionals) {
  const log = JSON.parse(readFileSync(join(dir, 'game-log.json'), 'utf8')) as GameLogEntry[];
  const trace = readFileSync(join(dir, 'trace.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceLine);
  const stderr = existsSync(join(dir, 'cli-stderr.log')) ? readFileSync(join(dir, 'cli-stderr.log'), 'utf8') : '';
  process.stdout.write(`${dir}\n  ${/display lag probe: [^"]*/.exec(stderr)?.[0] ?? 'no display lag probe line'}\n`);
  const clicks = cashoutClicks(join(dir, 'cockpit.sqlite'));
  for (const crash of log.filter((e) => e.type === 'crash' && e.crashPoint !== undefined)) {
    // The game's curve: m(t) = e^(rate·(t − flightAt)), and it logs the crash at the moment m reached the crash point.
    const flightAt = crash.at - Math.log(crash.crashPoint!) / rate;
    const shownAt = (m: number) => flightAt + Math.log(m) / rate;
    const dated = trace
      .filter((r) => r.phase === 'FLYING' && r.value !== null && r.decimals === 2 && r.value >= 1.2 && r.value <= crash.crashPoint! && r.at > flightAt && r.at < crash.at + 300)
      .filter((r) => shownAt(r.value! + 0.01) - shownAt(r.value!) <= MAX_CENT_MS)
      .map((r) => ({ second: Math.floor((r.at - flightAt) / 1000), age: r.at - (shownAt(r.value!) + shownAt(r.value! + 0.01)) / 2 }));
    const ages = dated.map((d) => d.age);
    const seconds = [...new Set(dated.map((d) => d.second))].map((s) => median(dated.filter((d) => d.second === s).map((d) => d.age)).toFixed(0));
    const click = clicks.get(String(crash.roundId));
    const sent = click ? `; cash-out for ${click.target}x sent ${(click.at - shownAt(click.target)).toFixed(1)} ms after the crossing, reads dated ${click.datedMs ?? '?'} ms back` : '';
    if (ages.length >= MIN_READS_PER_ROUND) {
      process.stdout.write(`  round ${crash.roundId} (crash ${crash.crashPoint}x): screen ${median(ages).toFixed(1)} ms behind the game (median of ${ages.length} reads; by second of flight ${seconds.join(' ')})${sent}\n`);
    }
  }
}

function cashoutClicks(file: string): Map<string, { at: number; target: number; datedMs: number | null }> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT e.round_id AS roundId, e.target AS target, e.reason AS reason, a.at AS at FROM crash_executions e JOIN actions a ON a.execution_id = e.id AND a.target = 'cashout'`)
      .all() as { roundId: string; target: number; reason: string | null; at: number }[];
    return new Map(rows.map((r) => [r.roundId, { at: r.at, target: r.target, datedMs: Number(/reads dated (\d+) ms back/.exec(r.reason ?? '')?.[1] ?? NaN) || null }]));
  } finally {
    db.close();
  }
}
