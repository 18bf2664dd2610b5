import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { architectures, classify, formatOf } from '../../../native-deps/check.mjs';

const root = join(import.meta.dirname, '../../..');
const bin = (p: string) => readFileSync(join(root, 'node_modules', p));

describe('native-deps/check.mjs', () => {
  it('reads the format and architectures of real shipped binaries', () => {
    expect([formatOf(bin('better-sqlite3/prebuilds/win32-arm64.node')), architectures(bin('better-sqlite3/prebuilds/win32-arm64.node'))]).toEqual(['win32', ['arm64']]);
    expect(architectures(bin('@nut-tree-fork/libnut-darwin/build/Release/libnut.node')).sort()).toEqual(['arm64', 'x64']);
    expect([formatOf(bin('better-sqlite3/prebuilds/linux-x64.node')), architectures(bin('better-sqlite3/prebuilds/linux-x64.node'))]).toEqual(['linux', ['x64']]);
    expect(classify(bin('@nut-tree-fork/libnut-win32/build/Release/libnut.node'))).toEqual({ kind: 'n-api' });
  });

  it('tells an ABI-specific addon from an N-API one', () => {
    expect(classify(Buffer.from('\0junk\0node_register_module_v115\0'))).toEqual({ kind: 'abi', abi: 115 });
    expect(classify(Buffer.from('\0nothing here\0'))).toEqual({ kind: 'unknown' });
  });

  it('passes here, loads both modules under this Node, and flags the missing win32-arm64 libnut', () => {
    const out = execFileSync(process.execPath, [join(root, 'native-deps/check.mjs')], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/better-sqlite3[\s\S]*ok {4}loads under Node/);
    expect(out).toMatch(/@nut-tree-fork\/libnut[\s\S]*ok {4}loads under Node/);
    expect(out).toMatch(/WARN {2}no binary for release target win32-arm64/);
    expect(out).toMatch(/All native modules are usable on /);
  });
});
