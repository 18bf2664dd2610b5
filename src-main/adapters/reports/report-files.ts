// Runs in: engine. Session reports on disk: `<base>.json` (read back by the app) and `<base>.md` (for people), in one folder.
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionReport } from '../../../src-shared/contract/services/history';

/** Written whole or not at all: a full disk must not leave a half report that the list would trip on. */
async function writeAtomically(path: string, body: string): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, body, { mode: 0o600 });
  await rename(partial, path);
}

export class ReportFiles {
  constructor(readonly dir: string) {}

  /** Answers the Markdown file's path. Rejects on any file-system error (the caller records it). */
  async write(baseName: string, report: SessionReport, markdown: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const unique = await this.freeName(baseName);
    const md = join(this.dir, `${unique}.md`);
    await writeAtomically(md, markdown);
    // The JSON last: the list shows a report only once both files are there.
    await writeAtomically(join(this.dir, `${unique}.json`), `${JSON.stringify(report, null, 2)}\n`);
    return md;
  }

  /**
   * The newest reports first. The folder is the user's: a file that is not a report (edited, truncated, from a
   * newer version) is skipped, not an error.
   */
  async list(limit: number): Promise<Array<{ file: string; report: SessionReport }>> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    // Without the extension, a base name sorts before its `-2` twin written later in the same second.
    const newest = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .sort()
      .reverse()
      .map((base) => `${base}.json`);
    const found: Array<{ file: string; report: SessionReport }> = [];
    for (const name of newest) {
      if (found.length >= limit) break;
      const parsed = SessionReport.safeParse(await readFile(join(this.dir, name), 'utf8').then(parseJson, () => null));
      if (parsed.success) found.push({ file: join(this.dir, name.replace(/\.json$/, '.md')), report: parsed.data });
    }
    return found;
  }

  /** Two stops in the same second (a strategy and the engine at shutdown) each keep their report. */
  private async freeName(baseName: string): Promise<string> {
    const taken = new Set(await readdir(this.dir));
    let name = baseName;
    for (let i = 2; taken.has(`${name}.md`) || taken.has(`${name}.json`); i++) name = `${baseName}-${i}`;
    return name;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
