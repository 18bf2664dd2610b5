// Types for check.mjs (imported by its test).
export function classify(bytes: Buffer): { kind: 'n-api' } | { kind: 'abi'; abi: number } | { kind: 'unknown' };
export function architectures(bytes: Buffer): string[];
export function formatOf(bytes: Buffer): 'linux' | 'win32' | 'darwin';
