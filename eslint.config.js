import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer rules. Dependencies point one way: ui -> app -> state -> core, and
// charts -> core. core must run in Node, in a Worker and in the CLI, so it may
// not know about React, the DOM, d3 drawing or app state; charts draw with d3
// and know no React. Browser services (the import worker, IndexedDB, fetching
// the bundled files) live in src/app alone, so state stays testable in Node.
const layer = (patterns, why) => patterns.map((group) => ({ group: [group], message: why }));

const CORE_WHY =
  'src/core is pure TypeScript that runs in Node, a Web Worker and the CLI: it may not import React, d3 drawing code, or the state/charts/ui/cli layers.';
const STATE_WHY =
  'src/state (view state, the URL codec, view models) sits between core and the app: it may import core only, never React, browser services (src/app), charts, ui or cli.';
const APP_WHY =
  'src/app holds the browser services (import worker, IndexedDB, bundled files): it may import state and core, never React, charts, ui or cli.';
// Browser services used outside src/app: the worker, storage and the network belong to src/app.
const SERVICE_GLOBALS = ['indexedDB', 'fetch', 'Worker', 'localStorage', 'BroadcastChannel'];
const SERVICE_WHY =
  'Workers, IndexedDB, the network and tab-to-tab channels are browser services: use them through src/app (importClient, persist, bundled), so the rest stays testable and the rule for each lives in one place.';
const serviceGlobals = [
  'error',
  ...SERVICE_GLOBALS.map((name) => ({ name, message: SERVICE_WHY })),
];
const serviceImports = layer(['idb'], SERVICE_WHY);
const CHARTS_WHY =
  'src/charts are d3 drawing functions: they may import core only, never React, state, ui or cli.';
const CLI_WHY = 'src/cli is headless: it may import core only, never React, state, charts or ui.';
const UI_WHY = 'src/ui must not reach into the CLI; share code through src/core instead.';

// Globals core must not use: the page, browser storage, the network, workers, the process.
// tsconfig.core.json leaves out the DOM library, so most already fail to type-check in core;
// Node's types still reach core through @types/papaparse, so fetch, process and Buffer would not.
const HOST_GLOBALS = [
  'document',
  'window',
  'navigator',
  'localStorage',
  'indexedDB',
  'fetch',
  'Worker',
  'location',
  'self',
  'process',
  'Buffer',
];
const PURE_WHY =
  'core is pure: it runs in Node, a Worker and the CLI, so it touches no page, storage, network or process. Take what it needs as an argument; do the rest in src/state, src/ui or src/cli.';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Labels and file contents are data, never markup.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Labels and file contents are data, never markup: use textContent.',
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': serviceGlobals,
      'no-restricted-imports': [
        'error',
        { patterns: [...layer(['**/cli/**'], UI_WHY), ...serviceImports] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...HOST_GLOBALS.map((name) => ({ name, message: PURE_WHY })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: layer(
            [
              'react',
              'react-dom',
              'react/*',
              'd3',
              'd3-*',
              '**/state/**',
              '**/app/**',
              '**/charts/**',
              '**/ui/**',
              '**/cli/**',
            ],
            CORE_WHY,
          ),
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-globals': serviceGlobals,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...layer(
              [
                'react',
                'react-dom',
                'react/*',
                '**/app/**',
                '**/charts/**',
                '**/ui/**',
                '**/cli/**',
              ],
              STATE_WHY,
            ),
            ...serviceImports,
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: layer(
            ['react', 'react-dom', 'react/*', '**/charts/**', '**/ui/**', '**/cli/**'],
            APP_WHY,
          ),
        },
      ],
    },
  },
  {
    files: ['src/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: layer(
            ['react', 'react-dom', 'react/*', '**/state/**', '**/app/**', '**/ui/**', '**/cli/**'],
            CHARTS_WHY,
          ),
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: layer(
            [
              'react',
              'react-dom',
              'react/*',
              'd3',
              '**/state/**',
              '**/app/**',
              '**/charts/**',
              '**/ui/**',
            ],
            CLI_WHY,
          ),
        },
      ],
    },
  },
);
