import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Unit tests are pure; integration tests each get their own database cloned from a migrated
// template (tests/helpers/db.ts), so files run in parallel without seeing each other's rows.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Outside Next there is no react-server condition: tests use server-only's empty module.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
