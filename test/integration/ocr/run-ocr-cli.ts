// Runs `cockpit ocr` in this process (the real command, as the CLI bundles it) and captures what it prints.
import { vi } from 'vitest';
import runOcr from '../../../src-main/cli/commands/ocr';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runOcrCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runOcr(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
