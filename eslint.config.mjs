// Lint with zero warnings. The import rules hold the walls of the house (see README, Architecture):
// shared/ is plain TypeScript, only repositories touch the database, the renderer never imports electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_AND_STORAGE = [
  'react',
  'react-dom',
  'react-dom/*',
  'dexie',
  'dexie-react-hooks',
  'zustand',
  'zustand/*',
  'antd',
  'antd/*',
  'i18next',
  'react-i18next',
  '@ant-design/*',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'tools/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Dialogs reset their forms when opened; that is a legitimate effect → state sync.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: UI_AND_STORAGE,
              message: 'shared/ is pure TypeScript: no UI, storage or state libraries.',
            },
            {
              group: ['@renderer/*', '**/renderer/**', '**/electron/**'],
              message: 'shared/ must not depend on renderer/ or electron/.',
            },
            { group: ['zod'], message: 'Import z from shared/validation/z (configured for the strict CSP).' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/validation/z.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The composition root (app/) opens the database and hands repositories to the screens.
    ignores: ['renderer/db/**', 'renderer/services/services.tsx', 'renderer/app/DatabaseGate.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'electron',
            { name: 'dexie', message: 'Only renderer/db/ talks to Dexie; use a repository.' },
          ],
          patterns: [
            {
              group: ['**/db/database', '**/db/open-database'],
              message: 'Tables are touched only by repositories.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches the desktop only through renderer/platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'react', 'antd'] }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_AND_STORAGE, message: 'electron/ stays thin: no UI or storage libraries.' },
            { group: ['**/renderer/**'] },
          ],
        },
      ],
    },
  },
);
