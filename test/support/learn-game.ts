// Rehearses a game with `cockpit learn` before a test plays it, as a user would: the autopilot refuses to bet on a
// game it has not watched.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCockpit } from './cockpit-process';

export interface LearnedGame {
  /** The rehearsal's lines: one per round, then the verdict. */
  lines: Array<Record<string, unknown>>;
  /** `--trace`: every read and the phase it implied, one object per line. */
  trace: Array<{ phase: string; read: string; events?: Array<{ type: string }> }>;
  /** A fresh data dir holding what was learned (the rehearsal's database copied). */
  copyTo(dataDir: string): void;
}

/** `timeoutS`: how long `cockpit learn` may watch (a slow game's rounds take longer). */
export async function learnGame(profileFile: string, dataDir: string, display: string, { rounds = 3, timeoutS = 120 }: { rounds?: number; timeoutS?: number } = {}): Promise<LearnedGame> {
  const traceFile = join(dataDir, 'learn-trace.jsonl');
  const cli = runCockpit(['learn', '--profile', profileFile, '--rounds', String(rounds), '--data', dataDir, '--json', '--timeout', String(timeoutS), '--trace', traceFile], { DISPLAY: display });
  const code = await cli.exited();
  const lines = cli.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  if (code !== 0) throw new Error(`cockpit learn exited ${code}:\n${cli.lines.join('\n')}\n${cli.stderr()}`);
  return {
    lines,
    trace: readFileSync(traceFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as LearnedGame['trace'][number]),
    copyTo: (target) => {
      mkdirSync(target, { recursive: true });
      for (const file of ['cockpit.sqlite', 'secret.key']) copyFileSync(join(dataDir, file), join(target, file));
    },
  };
}
