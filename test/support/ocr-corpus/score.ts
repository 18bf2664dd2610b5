// Scores `cockpit ocr --json` output lines against the corpus manifest.
import type { CorpusFile } from './corpus-files';
import type { CorpusSample } from './spec';

export interface CliRead {
  readonly file: string;
  readonly text: string;
  readonly value: number | null;
  readonly ms: number;
  readonly unreadable?: string;
}

export interface CorpusScore {
  readonly total: number;
  readonly exact: number;
  /** Reads with a value that is not the one shown: the dangerous kind of miss. */
  readonly wrong: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly misses: readonly string[];
}

export function parseCliReads(stdout: string): CliRead[] {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      const parsed: unknown = JSON.parse(line);
      if (!isCliRead(parsed)) throw new Error(`not a cockpit ocr --json line: ${line}`);
      return parsed;
    });
}

function isCliRead(x: unknown): x is CliRead {
  return (
    typeof x === 'object' &&
    x !== null &&
    'file' in x &&
    typeof x.file === 'string' &&
    'text' in x &&
    typeof x.text === 'string' &&
    'value' in x &&
    (x.value === null || typeof x.value === 'number') &&
    'ms' in x &&
    typeof x.ms === 'number'
  );
}

export function scoreReads(files: readonly CorpusFile[], reads: readonly CliRead[]): CorpusScore {
  const byFile = new Map(reads.map((r) => [r.file, r]));
  const misses: string[] = [];
  let exact = 0;
  let wrong = 0;
  for (const { file, sample } of files) {
    const read = byFile.get(file);
    if (read?.value === sample.value) exact++;
    else {
      if (read?.value !== null && read?.value !== undefined) wrong++;
      misses.push(`${sample.id} ${JSON.stringify(sample.text)} read ${JSON.stringify(read?.text)} → ${read?.value ?? read?.unreadable} | ${describeSample(sample)}`);
    }
  }
  const ms = reads.map((r) => r.ms).sort((a, b) => a - b);
  const quantile = (q: number): number => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
  return { total: files.length, exact, wrong, medianMs: quantile(0.5), p95Ms: quantile(0.95), misses };
}

export function describeSample(s: CorpusSample): string {
  return `${s.fontFamily} ${s.fontWeight}${s.italic ? ' italic' : ''} ${s.fontSizePx}px @${s.dpr}x ${s.theme} ${s.colour} ${s.effect} on ${s.backdrop}`;
}
