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
// Services take repositories through their constructor; only the composition root opens, checkpoints and closes the database.
const noDbInEngine = {
  group: ['**/adapters/store/database', '**/adapters/store/database.js'],
  importNames: ['Db'],
  message: 'Only src-main/engine/engine.ts (the composition root) holds the Db: take the repositories this service needs through its constructor.',
};

/**
 * The first line of every source file says which process loads it (`// Runs in: renderer.`), and the folder decides
 * which claims are true: the folder is what the import rules below tie to a process, so a file's tag cannot drift from
 * what it may import.
 */
const processTag = {
  meta: { type: 'problem', schema: [{ type: 'object', properties: { tag: { type: 'string' }, pattern: { type: 'string' } }, additionalProperties: false }] },
  create(context) {
    const { tag: expected, pattern } = context.options[0];
    return {
      Program(node) {
        const tag = /^\/\/ Runs in: (.*)$/.exec(context.sourceCode.lines[0] ?? '');
        const loc = { line: 1, column: 0 };
        if (!tag) context.report({ node, loc, message: `The first line must say which process loads this file, e.g. "// Runs in: ${expected}."` });
        else if (!new RegExp(pattern).test(tag[1])) context.report({ node, loc, message: `Files in this folder run in "${expected}", but this one says "Runs in: ${tag[1]}".` });
      },
    };
  },
};
const SQL_HOME = 'SQL lives in src-main/adapters/store: add a repository method there.';

const tagged = (files, tag, pattern) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts', '**/*.d.ts'],
  rules: { 'cockpit/process-tag': ['error', { tag, pattern: pattern.source }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'src-renderer/public/**'] },
  ...tseslint.configs.recommended,
  { plugins: { cockpit: { rules: { 'process-tag': processTag } } } },
  tagged(['src-main/engine/**/*.ts', 'src-main/adapters/**/*.ts'], 'engine', /^(engine|every shell|a (trial )?worker thread|Node)\b/),
  tagged(['src-main/core/**/*.ts'], 'anywhere (pure)', /\(pure\)/),
  tagged(['src-main/cli/**/*.ts'], 'Node (CLI)', /^Node\b/),
  tagged(['src-main/headless/**/*.ts'], 'headless shell (Node)', /^headless shell\b/),
  tagged(['src-main/electron/**/*.ts'], 'Electron main', /^Electron main\b/),
  tagged(['src-preload/**/*.ts'], 'the sandboxed preload of every cockpit window', /preload\b/),
  tagged(['src-renderer/src/**/*.{ts,tsx}'], 'renderer', /^renderer\b/),
  tagged(['src-renderer/practice-game/**/*.ts'], 'the practice game page', /^the practice game page\b/),
  tagged(['src-shared/**/*.ts'], 'renderer and engine', /^renderer and engine\b/),
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
    // The engine gets repositories, never the Db (see src-main/adapters/store/README.md); engine.ts builds them.
    files: ['src-main/engine/**/*.ts'],
    ignores: ['src-main/engine/engine.ts', 'src-main/**/*.test.ts', 'src-main/**/*.test-support.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, noNutJs], patterns: [noDbInEngine] }] },
  },
  {
    // Engine and adapters log through the Logger they are given (src-main/core/logging/logger.ts): console output would
    // skip the log file and its redaction. See src-main/engine/README.md, "Logging and swallowed errors".
    files: ['src-main/engine/**/*.ts', 'src-main/adapters/**/*.ts'],
    ignores: ['src-main/**/*.test.ts', 'src-main/**/*.test-support.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'console', message: 'Log through the injected Logger (src-main/core/logging/logger.ts), not console.' }] },
  },
  {
    // One home for persistence: SQL is written only in src-main/adapters/store, behind repository methods.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/adapters/store/**', 'src-main/**/*.test.ts', 'src-main/**/*.test-support.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]', message: SQL_HOME },
        { selector: "CallExpression[callee.property.name='exec'][arguments.0.type='TemplateLiteral']", message: SQL_HOME },
      ],
    },
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
