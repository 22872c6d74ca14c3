// Lint rules, including the layering rules that keep each runtime apart:
// ml/ is pure TypeScript, renderer/ never reaches Node or the main process.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeAndServerModules = [
  'electron', 'react', 'react-dom', 'better-sqlite3', 'http', 'https', 'http2', 'net',
  'node:http', 'node:https', 'node:http2', 'node:net', 'ws', 'chart.js', 'react-chartjs-2',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['ml/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeAndServerModules.map((name) => ({ name, message: 'ml/ is pure TypeScript: no Electron, React, SQLite or HTTP.' })),
        patterns: [
          { group: ['**/main/**', '**/renderer/**', '**/headoffice/**'], message: 'ml/ must not import from main/, renderer/ or headoffice/.' },
          { group: ['react-dom/*', 'electron/*'], message: 'ml/ is pure TypeScript: no Electron or React.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'better-sqlite3', 'fs', 'node:fs', 'child_process', 'node:child_process']
          .map((name) => ({ name, message: 'renderer/ runs in the browser: no Node or Electron modules.' })),
        patterns: [
          // Gitignore-style patterns: a file is re-included only when its folder is re-included first.
          { group: ['**/main/**', '!**/main/api/', '!**/main/api/wire*'], message: 'renderer/ may only import wire types from main/api/wire.' },
        ],
      }],
    },
  },
);
