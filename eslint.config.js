// Layer boundaries are enforced here, not by convention. See README "Layering".
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ioPackages = ['better-sqlite3', 'ws', '@nut-tree-fork/*', 'tesseract.js', '@tesseract.js-data/*', 'electron', 'electron-updater', 'pngjs'];

const noElectron = { name: 'electron', message: 'Only src-main/electron/ and src-preload/ may import electron: the engine must run under plain Node.' };
// libnut aborts the process when there is no display: nut-js is reached only through the probe in nut-loader.ts.
const noNutJs = { name: '@nut-tree-fork/nut-js', allowTypeImports: true, message: 'Load nut-js with loadNut() (src-main/adapters/screen/nut-loader.ts): it probes for a display first.' };
const adapterLayers = { group: ['**/engine/**', '**/headless/**', '**/cli/**', '**/electron/**'], message: 'Adapters must not depend on the engine or the shells.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'src-renderer/public/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, noNutJs] }] },
  },
  {
    // Pure logic: no I/O of any kind, so it is deterministic and unit-testable.
    files: ['src-main/core/**/*.ts'],
    ignores: ['src-main/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'src-main/core is pure logic: no Node built-ins (no I/O).' }))],
          patterns: [
            { group: ioPackages, message: 'src-main/core is pure logic: I/O packages belong in src-main/adapters.' },
            { group: ['**/adapters/**', '**/engine/**', '**/headless/**', '**/cli/**', '**/electron/**'], message: 'src-main/core must not depend on outer layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'WebSocket', 'XMLHttpRequest', 'process', 'require', 'window', 'document', 'localStorage'],
    },
  },
  {
    files: ['src-main/adapters/**/*.ts'],
    ignores: ['src-main/adapters/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, noNutJs], patterns: [adapterLayers] },
      ],
    },
  },
  {
    files: ['src-main/adapters/screen/nut-loader.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [adapterLayers] }] },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'src-shared is loaded by the renderer: no Node built-ins.' }))],
          patterns: [{ group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared depends on nothing but zod.' }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs sandboxed in a browser: no Node built-ins.' }))],
          patterns: [{ group: ['**/src-main/**', ...ioPackages], message: 'The renderer talks to the engine only through the contract client.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
