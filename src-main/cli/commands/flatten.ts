// Runs in: Node (CLI). `cockpit flatten --data DIR [--yes]`: cancel every open order and close every position at market, on every account.
import { createInterface } from 'node:readline/promises';
import { FLATTEN_PHRASE, type FlattenStepRow } from '../../../src-shared/contract';
import { headlessPassphrase } from '../../adapters/secrets/headless-passphrase';
import { ScryptCipher } from '../../adapters/secrets/scrypt-cipher';
import { resolveDataDir } from '../../engine/data-dir';
import { createEngine } from '../../engine/engine';
import { parseOptions } from '../options';

const HELP = `Usage: cockpit flatten [--data DIR] [--yes] [--account ID] [--json]

Flatten all: switches every strategy off, cancels every open order (entries and resting stops alike) and closes
every position at market on every account of the data dir (or --account), then prints each step per account and
symbol. Works under the kill switch and in dry run: it only removes risk. Asks you to type ${FLATTEN_PHRASE} unless --yes.
Spot accounts sell only the coins this app bought. Exits 0 when every account ended flat, 1 otherwise.
`;

export default async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseOptions(args, { data: { type: 'string' }, yes: { type: 'boolean', default: false }, account: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }));
  } catch (error) {
    process.stderr.write(`cockpit flatten: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) return (process.stdout.write(HELP), 0);
  if (!values.yes) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const typed = await rl.question(`Close every position at market and cancel every order? Type ${FLATTEN_PHRASE} to confirm: `).finally(() => rl.close());
    if (typed.trim() !== FLATTEN_PHRASE) return (process.stderr.write('Not confirmed: nothing was done.\n'), 1);
  }
  const dataDir = resolveDataDir(values.data);
  const engine = createEngine({ dataDir, shell: 'cli', cipher: new ScryptCipher(headlessPassphrase(dataDir).passphrase) });
  try {
    const r = await engine.dispatch('markets.flattenAll', { confirm: FLATTEN_PHRASE, accountId: values.account });
    if (!r.ok) return (process.stderr.write(`Flatten refused: ${r.error.message}\n`), 1);
    const steps = r.data as FlattenStepRow[];
    for (const s of steps) process.stdout.write(values.json ? `${JSON.stringify(s)}\n` : `${s.accountId}\t${s.symbol ?? '-'}\t${s.step}\t${s.detail}\n`);
    return steps.some((s) => s.step === 'not-flat') ? 1 : 0;
  } finally {
    await engine.shutdown('cli flatten done');
  }
}
