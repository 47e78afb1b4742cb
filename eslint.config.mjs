// Lint rules: Next's own (React, hooks, jsx-a11y, core web vitals), typescript-eslint, and a few
// type-aware checks for mistakes the compiler lets through. Import boundaries between app/,
// components/ and lib/ live in .dependency-cruiser.cjs (see docs/decisions/0010-lint-and-boundaries.md).
import js from '@eslint/js';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// react-hooks 7's recommended set: the two classic rules plus the React Compiler's diagnostics.
const reactHooksRules = Object.keys(reactHooks.configs.recommended.rules);

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'lib/db/generated/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // The dependency-cruiser configs are CommonJS, the format that tool reads.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The compiler already reports undefined names, and knows the DOM and Node globals.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-unused-expressions': 'error',
      // Type-only imports marked as such, so the dependency rules can tell them from runtime ones;
      // `import('x').T` in an annotation stays allowed (a type, and never a runtime import).
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Type-aware: a promise nobody awaits loses its error; an async function where a void
      // callback is expected (an event handler, forEach) runs unobserved.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // React code lives in app/ and components/. Elsewhere a `use...` function is not a hook (Vitest
    // fixtures, useSecureCookies), and the React Compiler's checks would only cost a compile per file.
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    ignores: ['app/**', 'components/**'],
    rules: Object.fromEntries(reactHooksRules.map((rule) => [rule, 'off'])),
  },
);
