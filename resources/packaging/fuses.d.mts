// Types for fuses.mjs (imported by the config unit test).
import type { FuseV1Config } from '@electron/fuses';

export function fuseMap(options: { testBuild: boolean }): Record<number, boolean>;
export function isTestBuild(env: Record<string, string | undefined>): boolean;
export function fuseConfig(options: { testBuild: boolean; platform: string; arm64: boolean }): FuseV1Config;
