// Runs in: Node (electron-builder's afterPack hook, and unit tests). The Electron fuse map for release and test builds.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Release builds turn off every way to run the binary as something other than this app.
 * A test build (COCKPIT_TEST_BUILD=1) keeps the inspect arguments, which Playwright's _electron.launch needs.
 */
export function fuseMap({ testBuild }) {
  return {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: testBuild,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

export function isTestBuild(env) {
  return env.COCKPIT_TEST_BUILD === '1';
}

/** The full config for @electron/fuses' flipFuses; an unsigned arm64 mac binary needs its ad-hoc signature redone after flipping. */
export function fuseConfig({ testBuild, platform, arm64 }) {
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' && arm64, ...fuseMap({ testBuild }) };
}
