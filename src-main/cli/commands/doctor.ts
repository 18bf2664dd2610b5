// Runs in: Node (CLI). `cockpit doctor [--data DIR] [--fresh --yes] [--confirm-unsaved-kill-switch]`
import { dirname, join } from 'node:path';
import { inspectDatabase, moveDatabaseAside, type DatabaseInspection } from '../../adapters/store/database-inspection';
import { ActionsRepo } from '../../adapters/store/actions-repo';
import { openDatabase } from '../../adapters/store/database';
import { KillSwitchStore } from '../../adapters/store/kill-switch-store';
import { SettingsRepo } from '../../adapters/store/settings-repo';
import { UnsavedKillSwitchMarker } from '../../adapters/store/unsaved-kill-switch-marker';
import { resolveDataDir } from '../../engine/data-dir';
import { DataDirLock, lockHolder } from '../../adapters/store/data-dir-lock';
import { parseOptions } from '../options';

const HELP = `Usage: cockpit doctor [--data DIR] [--fresh --yes] [--confirm-unsaved-kill-switch]

Checks a data dir without changing it: who holds its lock, an engaged kill switch that was not saved,
the database file (PRAGMA integrity_check) and every table that can still be read, with its row count.
Exits 0 when the engine can start on it, 1 otherwise.

  --confirm-unsaved-kill-switch  saves the kill switch as ENGAGED in the database and removes the note
                                 that keeps the engine from starting (release it in the cockpit later)
  --fresh --yes                  moves the damaged database (and its -wal/-shm) aside as *.broken-TIME
                                 and creates a fresh one with the kill switch ENGAGED. Settings, accounts
                                 and history stay in the moved file. Without --yes, says what it would do.
`;

export default async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    data: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    'confirm-unsaved-kill-switch': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (process.stdout.write(HELP), 0);
  const dataDir = resolveDataDir(values.data);
  const file = join(dataDir, 'cockpit.sqlite');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const holder = lockHolder(dataDir);
  const marker = new UnsavedKillSwitchMarker(dataDir);
  const note = marker.read();
  const inspection = inspectDatabase(file);

  out(`data dir   ${dataDir}`);
  out(`lock       ${holder ? `held by ${holder.command} (pid ${holder.pid}) since ${new Date(holder.startedAt).toISOString()}` : 'free'}`);
  out(`kill switch note  ${note === null ? 'none' : note === 'unreadable' ? 'present (unreadable): an engaged kill switch was not saved' : `engaged at ${new Date(note.at).toISOString()} but NOT saved (${note.problem})`}`);
  printInspection(inspection, out);

  const wantsChange = values.fresh || values['confirm-unsaved-kill-switch'];
  if (!wantsChange) return inspection.healthy && note === null ? 0 : 1;
  if (holder) return (process.stderr.write(`cockpit doctor: stop ${holder.command} (pid ${holder.pid}) first.\n`), 1);

  if (values.fresh) {
    if (!inspection.exists) return (out('nothing to move: there is no database yet.'), 0);
    if (!values.yes) {
      out(`--fresh would move ${file} (and its -wal/-shm) aside and create a fresh database with the kill switch engaged. Add --yes to do it.`);
      return 2;
    }
  }
  const lock = DataDirLock.acquire(dataDir, 'cockpit doctor');
  try {
    if (values.fresh) for (const moved of moveDatabaseAside(file)) out(`moved aside: ${moved}`);
    else if (!inspection.healthy) return (process.stderr.write('cockpit doctor: the database is not healthy; recover it with --fresh --yes first.\n'), 1);
    saveKillSwitchEngaged(file, values.fresh ? 'cockpit doctor --fresh' : 'cockpit doctor: confirmed an engaged kill switch that was not saved');
    marker.clear();
    out('kill switch saved as ENGAGED; release it in the cockpit when you are ready.');
    return 0;
  } finally {
    lock.release();
  }
}

function saveKillSwitchEngaged(file: string, reason: string): void {
  const db = openDatabase(file);
  try {
    new KillSwitchStore(db, new SettingsRepo(db)).save(true);
    new ActionsRepo(db).record({ kind: 'kill-switch', target: 'engaged', mode: 'dry-run', reason });
  } finally {
    db.close();
  }
}

function printInspection(i: DatabaseInspection, out: (line: string) => void): void {
  if (!i.exists) return out(`database   ${i.file}: none yet (a fresh start)`);
  out(`database   ${i.file}: ${i.bytes} bytes, schema v${i.schemaVersion ?? '?'}`);
  if (i.startProblem) out(`  engine start: refused: ${i.startProblem}`);
  out(`  integrity_check: ${i.integrity.join('; ') || '(nothing readable)'}`);
  out(`  readable tables: ${i.tables.length === 0 ? 'none' : ''}`);
  for (const t of i.tables) out(`    ${t.table.padEnd(22)} ${t.rows === null ? `unreadable (${t.error})` : `${t.rows} rows`}`);
  out(i.healthy ? 'verdict: healthy' : `verdict: damaged. To start afresh (the old file is kept): cockpit doctor --data ${JSON.stringify(dirname(i.file))} --fresh --yes`);
}
