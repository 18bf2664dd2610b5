// Runs in: Node (CLI).
// `cockpit ocr [--json] FILE...`: reads the multiplier in each PNG file.
import { MultiplierReader } from '../../adapters/ocr/multiplier-reader';
import { readPngFile } from '../../adapters/ocr/png-file';
import { TesseractEngine } from '../../adapters/ocr/tesseract-engine';

const USAGE = 'usage: cockpit ocr [--json] FILE...\n';

export default async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length === 0) {
    process.stderr.write(unknown.length > 0 ? `cockpit ocr: unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const engine = await TesseractEngine.create();
  let failures = 0;
  try {
    for (const file of files) {
      let image;
      try {
        image = await readPngFile(file);
      } catch (error) {
        failures++;
        process.stderr.write(`cockpit ocr: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        continue;
      }
      // A fresh reader per file: each file is read on its own (by Tesseract), so results never depend on file order,
      // and the decimals are whatever the file shows (no format learned from other files).
      const read = await new MultiplierReader(engine).read(image);
      const ms = Math.round(read.ms * 100) / 100;
      const { text, value, decimals, ink, extraLines, unreadable } = read;
      process.stdout.write(
        json
          ? `${JSON.stringify({ file, text, value, ms, decimals, ink, extraLines, ...(unreadable ? { unreadable } : {}) })}\n`
          : read.value === null
            ? `${file}: unreadable${read.text ? ` (saw ${JSON.stringify(read.text)})` : ''}, ${ms} ms\n`
            : `${file}: ${read.value} (${read.text}), ${ms} ms\n`,
      );
    }
  } finally {
    await engine.terminate();
  }
  return failures > 0 ? 1 : 0;
}
