import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Two projects. `unit`: pure functions, no database, no global set-up, runs in seconds.
// `integration`: a real PostgreSQL found or started once by the global set-up; each file gets its
// own database cloned from a migrated template (tests/helpers/db.ts), so files run in parallel
// without seeing each other's rows. `vitest run --project unit` never touches PostgreSQL.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Outside Next there is no react-server condition: tests use server-only's empty module.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
