// Types for after-pack.mjs (called by electron-builder; imported by the config unit test).
export interface AfterPackContextLike {
  electronPlatformName: string;
  arch: number;
  appOutDir: string;
  packager: { addElectronFuses(context: unknown, fuses: unknown): Promise<unknown> };
}
export default function afterPack(context: AfterPackContextLike): Promise<void>;
