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
    // Tests read untyped JSON replies and poke SDK internals; `any` there is honest.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
