// The Playwright _electron smoke suite: `npm run test:electron`. Kept out of `npm test`'s projects because it needs
// the Electron binary (absent where npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD) and a packaged test build in CI.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/electron/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
