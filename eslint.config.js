// Lint rules. The one that matters most: src/shared is pure TypeScript (no Node, Electron, DOM
// or SQLite), because it runs in main, in worker_threads, in Web Workers and in the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const impureModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'url',
  'crypto',
  'worker_threads',
  'child_process',
  'electron',
  'better-sqlite3',
  'react',
  'react-dom',
  'uplot',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'resources/demo',
      'test-results',
      'playwright-report',
      'bench/.data',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    languageOptions: {
      globals: {
        ...globals.es2023,
        btoa: 'readonly',
        atob: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: impureModules,
              message: 'src/shared must stay pure: no Node, Electron, DOM, SQLite or UI imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        '__dirname',
        'navigator',
      ],
    },
  },
  // Hooks rules (order, dependencies, no state set in render/effects without cause) for the UI.
  { ...reactHooks.configs.flat.recommended, files: ['src/renderer/**/*.{ts,tsx}'] },
  {
    // useAnalysisInputs is being rewritten (the Analysis tab's data from the server, "scale"): its
    // 3 findings (setState in its load effect, a local changed after render) go with that rewrite.
    // Delete this block then.
    files: ['src/renderer/src/analysis/useAnalysisInputs.ts'],
    rules: {
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/immutability': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/workers/**/*.ts'],
    // Tests run in Node and may drive workers through worker_threads.
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'electron', 'better-sqlite3', '**/main/**', '**/cli/**'],
              message: 'renderer code reaches the library only through LibraryApi.',
            },
          ],
        },
      ],
    },
  },
);
