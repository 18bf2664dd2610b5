// A corpus as PNG files plus a manifest, in a directory outside git (test/.cache is ignored); reused while the
// generator's output for the seed is unchanged.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng } from '../../../src-main/adapters/ocr/png-file';
import { launchHeadless } from '../chromium';
import { renderCorpus } from './render';
import { corpusSamples, type CorpusSample } from './spec';

export const CORPUS_CACHE_DIR = join(import.meta.dirname, '..', '..', '.cache', 'ocr-corpus');

export interface CorpusFile {
  readonly file: string;
  readonly sample: CorpusSample;
}

interface Manifest {
  readonly hash: string;
  readonly samples: readonly CorpusSample[];
}

/** The corpus of `seed` as files, rendered unless an identical one is already on disk. */
export async function corpusFiles(seed: number, count: number, root = CORPUS_CACHE_DIR): Promise<CorpusFile[]> {
  const samples = corpusSamples(seed, count);
  const hash = createHash('sha256').update(JSON.stringify(samples)).digest('hex').slice(0, 16);
  const dir = join(root, `seed-${seed}-n${count}`);
  const manifestPath = join(dir, 'manifest.json');
  const files = samples.map((sample) => ({ file: join(dir, `${sample.id}.png`), sample }));
  if ((await cachedHash(manifestPath)) === hash) return files;
  await mkdir(dir, { recursive: true });
  const browser = await launchHeadless();
  try {
    const images = await renderCorpus(browser, samples);
    await Promise.all(files.map(({ file }, i) => writeFile(file, encodePng(images[i] ?? fail(file)))));
  } finally {
    await browser.close();
  }
  const manifest: Manifest = { hash, samples };
  await writeFile(manifestPath, JSON.stringify(manifest, null, 1));
  return files;
}

async function cachedHash(manifestPath: string): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(manifestPath, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'hash' in parsed && typeof parsed.hash === 'string' ? parsed.hash : null;
  } catch {
    return null;
  }
}

function fail(file: string): never {
  throw new Error(`no image rendered for ${file}`);
}
