// Runs in: Node (electron-builder afterPack hook). Flips the Electron fuses on the packed binary, before signing.
import { fuseConfig, isTestBuild } from './fuses.mjs';

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARM64 = 3;

export default async function afterPack(context) {
  const testBuild = isTestBuild(process.env);
  const config = fuseConfig({ testBuild, platform: context.electronPlatformName, arm64: context.arch === ARM64 });
  if (testBuild) console.log('  • COCKPIT_TEST_BUILD=1: keeping EnableNodeCliInspectArguments on for Playwright. Do not publish this build.');
  // electron-builder's helper finds the binary for each platform (.app, .exe, linux executable).
  await context.packager.addElectronFuses(context, config);
}
