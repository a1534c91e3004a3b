import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'tests/e2e/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in browser, server and CLI alike: no DOM, no Node.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'react', 'react-dom', '../server/*', '../features/*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process'],
    },
  },
  {
    // The guide's model (questions, relevance, draft, decision, the XState machine) is a domain layer
    // below the features: framework-free, so the wizard UI and the workshop can both use it.
    files: ['src/guide/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['node:*', 'react', 'react-dom', '@xstate/react'], message: 'The guide model is framework-free.' }, { regex: '^(\\.\\./)+(features|server|components)/', message: 'The guide model sits below the features and the UI.' }],
      }],
    },
  },
  {
    // Code the browser loads uses zod/mini only. One classic 'zod' import anywhere in the app, even in a chunk loaded
    // later, keeps every schema kind of zod's core in the guide's first load (the core is one module, shared by both),
    // 6.6 KB gzip. Build-time and server code (the rule-set schemas, src/server, the CLI) may use classic zod.
    files: ['src/{app,components,document,features,guide,i18n,shared}/**/*.{ts,tsx}', 'src/engine/answers-schema.ts', 'src/scenarios/scenario-schema.ts'],
    ignores: ['src/document/document-input.ts', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='zod'][importKind!='type']",
        message: "The browser's code uses zod/mini: a classic 'zod' import puts all of zod's core into the guide's first load.",
      }],
    },
  },
  {
    // Below the features: the command line, the server, the rule-set loader and the domain layers never reach into a
    // feature (the scenarios' schema and loader live in src/scenarios for the command line and the build).
    files: ['src/{cli,rules-data,server,scenarios,shared,document,witness}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(\\.\\./)+features/', message: 'Code below the features never imports a feature: move what it needs below them.' }],
      }],
    },
  },
  // A feature uses another feature only through its public index (bulletproof-react's boundary rule).
  ...['wizard', 'register', 'workshop'].map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: `^(\\.\\./)+(features/)?(${['wizard', 'register', 'workshop'].filter((f) => f !== feature).join('|')})/`,
          message: 'Import another feature through its index, or move what both need below the features (src/guide, src/components).',
        }],
      }],
    },
  })),
);
