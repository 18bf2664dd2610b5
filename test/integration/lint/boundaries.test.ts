import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each fixture is linted as if it lived at `path`, so the real eslint.config.js decides.
const violations: Array<{ what: string; path: string; code: string; rule: RegExp }> = [
  { what: 'engine code importing electron', path: 'src-main/engine/fixture.ts', code: "import { app } from 'electron';\nexport const a = app;\n", rule: /electron/ },
  { what: 'pure core importing a Node built-in', path: 'src-main/core/fixture.ts', code: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", rule: /pure logic/ },
  { what: 'pure core importing fs without the node: prefix', path: 'src-main/core/fixture.ts', code: "import { readFileSync } from 'fs';\nexport const f = readFileSync;\n", rule: /pure logic/ },
  { what: 'pure core importing an I/O package', path: 'src-main/core/fixture.ts', code: "import Database from 'better-sqlite3';\nexport const d = Database;\n", rule: /pure logic/ },
  { what: 'pure core importing an adapter', path: 'src-main/core/fixture.ts', code: "import { openDatabase } from '../adapters/store/database';\nexport const o = openDatabase;\n", rule: /outer layers/ },
  { what: 'pure core calling fetch', path: 'src-main/core/fixture.ts', code: "export const get = () => fetch('http://x');\n", rule: /fetch/ },
  { what: 'the renderer importing a Node built-in', path: 'src-renderer/src/fixture.ts', code: "import { join } from 'node:path';\nexport const j = join;\n", rule: /browser/ },
  { what: 'the renderer importing the engine', path: 'src-renderer/src/fixture.ts', code: "import { createEngine } from '../../src-main/engine/engine';\nexport const e = createEngine;\n", rule: /contract client/ },
  { what: 'a source file that does not say which process loads it', path: 'src-main/engine/fixture.ts', code: 'export const a = 1;\n', rule: /which process loads this file/ },
  { what: 'an engine file that says it runs in the renderer', path: 'src-main/adapters/fixture.ts', code: '// Runs in: renderer.\nexport const a = 1;\n', rule: /run in "engine", but this one says/ },
  { what: 'a core file that does not say it is pure', path: 'src-main/core/fixture.ts', code: '// Runs in: engine.\nexport const a = 1;\n', rule: /run in "anywhere \(pure\)"/ },
  { what: 'a renderer file that claims the Electron main process', path: 'src-renderer/src/fixture.tsx', code: '// Runs in: Electron main.\nexport const a = 1;\n', rule: /run in "renderer"/ },
  { what: 'shared code importing the engine', path: 'src-shared/fixture.ts', code: "import { createEngine } from '../src-main/engine/engine';\nexport const e = createEngine;\n", rule: /depends on nothing/ },
  { what: 'SQL in the engine', path: 'src-main/engine/fixture.ts', code: "// Runs in: engine.\nimport type { Db } from '../adapters/store/database';\nexport const count = (db: Db) => db.prepare('SELECT COUNT(*) FROM signals').get();\n", rule: /SQL lives in src-main\/adapters\/store/ },
  { what: 'SQL in an adapter outside the store', path: 'src-main/adapters/signals/fixture.ts', code: "// Runs in: engine.\nimport type { Db } from '../store/database';\nexport const wipe = (db: Db) => db.exec(`DELETE FROM signals`);\n", rule: /SQL lives in src-main\/adapters\/store/ },
  { what: 'console.error in the engine', path: 'src-main/engine/fixture.ts', code: "// Runs in: engine.\nexport const fail = (e: unknown) => console.error('[x] failed:', e);\n", rule: /injected Logger/ },
  { what: 'a computed console call in an adapter', path: 'src-main/adapters/signals/fixture.ts', code: "// Runs in: engine.\nexport const say = (level: 'warn' | 'error', m: string) => console[level](m);\n", rule: /injected Logger/ },
  { what: 'an engine service importing the Db type', path: 'src-main/engine/markets/fixture.ts', code: "// Runs in: engine.\nimport type { Db } from '../../adapters/store/database';\nexport const size = (db: Db) => db.name;\n", rule: /Only src-main\/engine\/engine\.ts .* holds the Db/ },
  { what: 'an engine service importing Db inline with other names', path: 'src-main/engine/fixture.ts', code: "// Runs in: engine.\nimport { openDatabase, type Db } from '../adapters/store/database';\nexport const open = (f: string): Db => openDatabase(f);\n", rule: /holds the Db/ },
  { what: 'engine code importing electron where the Db rule also applies', path: 'src-main/engine/markets/fixture.ts', code: "// Runs in: engine.\nimport { app } from 'electron';\nexport const a = app;\n", rule: /electron/ },
  { what: 'a pragma outside the store', path: 'src-main/engine/fixture.ts', code: "// Runs in: engine.\nimport type { Db } from '../adapters/store/database';\nexport const wal = (db: Db) => db.pragma('journal_mode = WAL');\n", rule: /SQL lives in src-main\/adapters\/store/ },
];

describe('lint boundaries', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  for (const v of violations) {
    it(`fails ${v.what}`, async () => {
      const [result] = await eslint.lintText(v.code, { filePath: v.path });
      const messages = result!.messages.filter((m) => m.severity === 2).map((m) => m.message);
      expect(messages.some((m) => v.rule.test(m)), messages.join('\n')).toBe(true);
    });
  }

  it('allows the Electron shell to import electron', async () => {
    const [result] = await eslint.lintText("// Runs in: Electron main.\nimport { app } from 'electron';\nexport const a = app;\n", { filePath: 'src-main/electron/fixture.ts' });
    expect(result!.messages.filter((m) => m.severity === 2)).toEqual([]);
  });

  it('allows SQL in the store', async () => {
    const code = "// Runs in: engine.\nimport type { Db } from './database';\nexport const count = (db: Db) => db.prepare('SELECT COUNT(*) FROM signals').get();\n";
    const [result] = await eslint.lintText(code, { filePath: 'src-main/adapters/store/fixture.ts' });
    expect(result!.messages.filter((m) => m.severity === 2)).toEqual([]);
  });

  it('allows the composition root (engine.ts) and engine tests to hold the Db, and the engine to import other names', async () => {
    const root = await eslint.lintText("// Runs in: engine.\nimport { openDatabase, type Db } from '../adapters/store/database';\nexport const open = (f: string): Db => openDatabase(f);\n", { filePath: 'src-main/engine/engine.ts' });
    const test = await eslint.lintText("import type { Db } from '../../adapters/store/database';\nexport const size = (db: Db) => db.name;\n", { filePath: 'src-main/engine/markets/fixture.test.ts' });
    const other = await eslint.lintText("// Runs in: engine.\nimport { DEFAULT_BUSY_TIMEOUT_MS } from '../../adapters/store/database';\nexport const ms = DEFAULT_BUSY_TIMEOUT_MS;\n", { filePath: 'src-main/engine/markets/fixture.ts' });
    for (const [result] of [root, test, other]) expect(result!.messages.filter((m) => m.severity === 2)).toEqual([]);
  });

  it('allows console in engine tests and in the CLI, which prints to the terminal by design', async () => {
    const test = await eslint.lintText("export const say = () => console.log('x');\n", { filePath: 'src-main/engine/fixture.test.ts' });
    const cli = await eslint.lintText("// Runs in: Node (CLI).\nexport const say = () => console.log('x');\n", { filePath: 'src-main/cli/fixture.ts' });
    for (const [result] of [test, cli]) expect(result!.messages.filter((m) => m.severity === 2)).toEqual([]);
  });

  it('allows a tag that says where the file runs, in its words', async () => {
    const [result] = await eslint.lintText('// Runs in: engine (Electron main or Node). Why this file exists.\nexport const a = 1;\n', { filePath: 'src-main/engine/fixture.ts' });
    expect(result!.messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});
