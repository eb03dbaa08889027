// The linter: typescript-eslint's recommended rules plus the few that catch real bugs here.
// Stylistic rules are left out on purpose: formatting is not what this checks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'tab/public/', 'coverage/', '*.config.js', '.dependency-cruiser.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error: the turn-error handler never sees it.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async callback where a sync one is expected (restify handlers, event emitters) drops errors too.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Type-only imports vanish at runtime, so an SDK type never pulls the SDK into a core.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The normaliser and word lists match control and combining characters on purpose: that is
    // how they fold look-alike text before detection.
    files: ['privacy/**/*.ts'],
    rules: { 'no-control-regex': 'off', 'no-misleading-character-class': 'off', 'no-useless-escape': 'off' },
  },
  {
    // The running bot loads Kysely's CommonJS build through storage/kysely-runtime.ts: a value imported from the
    // package itself would load its ESM build too (279 more modules at every start). Types are free to import.
    files: ['bot/**/*.ts', 'booking/**/*.ts', 'config/**/*.ts', 'dialogs/**/*.ts', 'insights/**/*.ts', 'knowledge/**/*.ts', 'model/**/*.ts', 'municipality/**/*.ts', 'observability/**/*.ts', 'pack/**/*.ts', 'privacy/**/*.ts', 'scheduling/**/*.ts', 'storage/**/*.ts', 'tab/**/*.ts', 'triage/**/*.ts'],
    ignores: ['storage/kysely-runtime.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', message: 'Import values from storage/kysely-runtime.ts (Kysely\'s CommonJS build).', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Tests read untyped JSON replies and poke SDK internals; `any` there is honest.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
