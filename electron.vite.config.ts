import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * One build for both shells:
 * - main: the Electron entry and the Node CLI (`cockpit`), which shares the engine but never loads electron;
 * - preload: the sandboxed bridge that exposes `window.cockpit`;
 * - renderer: the cockpit UI and the practice game page, served by Electron (app://) or by `cockpit headless`.
 */
const define = { __COCKPIT_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0-dev') };

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/index.ts'),
          // Loaded by path (new Worker), not imported: the optimizer's trial threads.
          'optimize-worker': resolve(__dirname, 'src-main/engine/optimize/trial-worker.ts'),
        },
        // Chunks sit beside the entries so `new URL('../renderer', import.meta.url)` means out/renderer from any of them.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle zod and our contract into one CJS file.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the browser shell downloads this one, so first paint pays for it.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-renderer/index.html'),
          'practice-game': resolve(__dirname, 'src-renderer/practice-game.html'),
        },
      },
    },
  },
});
