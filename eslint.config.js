import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/*
 * The layers (README, "Design"), kept by no-restricted-imports per folder. Each folder gets one
 * rule listing everything it may not import; a later block for the same files replaces an earlier
 * one, so every folder's block repeats the React ban.
 */
const REACT = {
  regex: '^(react|react-dom|@tanstack/react-query|@testing-library/.*)(/.*)?$|^zustand$',
  message: 'Only src/app/ (and src/main.tsx) import React or its bindings; use zustand/vanilla outside app/.',
}
/** Imports that climb out of the folder into one of the named sibling folders. */
const into = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message })
/** The same patterns for dynamic import() (esquery regexes cannot hold a "/", hence \x2F). */
const dynamic = (patterns) =>
  patterns.map((p) => ({
    selector: `ImportExpression[source.value=/${p.regex.replaceAll('/', '\\x2F')}/]`,
    message: p.message,
  }))
const rules = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
  'no-restricted-syntax': ['error', ...dynamic(patterns)],
})
const layer = (folder, ...patterns) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: rules([REACT, ...patterns]),
})
const layers = [
  // Anything else under src/ (a new folder): at least no React.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/app/**', 'src/main.tsx'],
    rules: rules([REACT]),
  },
  layer('model', {
    regex: '^\\.\\./',
    message: 'src/model/ is pure: it imports nothing under src/ but model/.',
  }),
  layer('analysis', {
    regex: '^\\.\\./(?!model(/|$))',
    message: 'src/analysis/ is pure: it imports nothing under src/ but model/ and analysis/.',
  }),
  layer('evidence', {
    regex: '^\\.\\./(?!model(/|$))',
    message: 'src/evidence/ is pure: it imports nothing under src/ but model/ and evidence/.',
  }),
  layer('document', {
    regex: '^\\.\\./(?!(model|analysis)(/|$))',
    message:
      'src/document/ is the editable network and its operations: it imports only model/ and analysis/.',
  }),
  layer('shared', {
    regex: '^\\.\\./',
    message: 'src/shared/ holds types only: it imports nothing under src/.',
  }),
  layer(
    'sim',
    into(['state', 'engine', 'session', 'app'], 'src/sim/ never imports the store or the layers above it.'),
  ),
  layer(
    'render',
    into(
      ['state', 'engine', 'session', 'app'],
      'src/render/ never imports the store or the layers above it.',
    ),
  ),
  layer(
    'interaction',
    into(
      ['state', 'sim', 'render', 'engine', 'session', 'app'],
      'src/interaction/ only binds gestures: it imports shared/ types and receives callbacks.',
    ),
  ),
  layer(
    'io',
    into(['state', 'engine', 'session', 'app'], 'src/io/ never imports the store or the layers above it.'),
  ),
  layer(
    'state',
    into(
      ['engine', 'session', 'app'],
      'src/state/ holds stores and URL binding only: no engine, session or app.',
    ),
  ),
  layer('engine', into(['session', 'app'], 'src/engine/ never imports the session or the app above it.')),
  layer('session', into(['app'], 'src/session/ never imports the app above it.')),
]

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      'bench/graphs',
      'bench/peers-dist',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers,
)
