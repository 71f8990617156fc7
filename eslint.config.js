// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layering of STYLE.md section 1, enforced: a wrong arrow fails `npm run lint`, and so the test command.
const layers = [
  { type: 'shared', pattern: 'shared/**', partialMatch: false },
  { type: 'db', pattern: 'db/**', partialMatch: false },
  { type: 'core', pattern: 'electron/core/**', partialMatch: false },
  { type: 'main', pattern: 'electron/main/**', partialMatch: false },
  { type: 'preload', pattern: 'electron/preload/**', partialMatch: false },
  { type: 'web', pattern: 'electron/web/**', partialMatch: false },
  { type: 'cli', pattern: 'electron/cli/**', partialMatch: false },
  { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
  { type: 'test', pattern: 'test/**', partialMatch: false },
  { type: 'build', pattern: 'build/**', partialMatch: false },
];

/** @param {string} from @param {string[]} to */
const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layers,
      'boundaries/include': ['shared/**', 'db/**', 'electron/**', 'renderer/**', 'test/**', 'build/**'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            allow('shared', ['shared']),
            allow('db', ['db', 'shared']),
            allow('core', ['core', 'db', 'shared']),
            allow('main', ['main', 'core', 'shared']),
            allow('preload', ['preload', 'shared']),
            allow('web', ['web', 'core', 'shared']),
            allow('cli', ['cli', 'core', 'shared']),
            allow('renderer', ['renderer', 'shared']),
            allow('test', ['test', 'shared', 'db', 'core', 'main', 'preload', 'web', 'cli', 'renderer', 'build']),
            allow('build', ['build', 'shared', 'db', 'core']),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Only electron/main (and the preload bridge) may touch Electron; everything else must run in plain Node.
    files: ['db/**', 'electron/core/**', 'electron/web/**', 'electron/cli/**', 'build/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'crypto', 'electron', 'react'] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'better-sqlite3', 'drizzle-orm*'] }],
    },
  },
);
