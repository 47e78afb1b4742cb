import type { TestProject } from 'vitest/node';
import './context';
import { dropStaleTestDatabases, ensureTemplate } from './databases';

/**
 * Once per `vitest run`: find a PostgreSQL server (DATABASE_URL, which names any database on it,
 * or an embedded server of the suite's own, kept apart from the one `npm start` uses), make sure
 * the migrated template exists, and tell the test files where both are.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await import('../../lib/db/embedded');
    const server = await startEmbeddedPostgres({
      dir: process.env.EMBEDDED_PG_DIR || '.data/postgres-test',
      port: Number(process.env.EMBEDDED_PG_PORT || 5434),
    });
    adminUrl = server.adminUrl('postgres');
    stop = server.stop;
  }
  try {
    await dropStaleTestDatabases(adminUrl);
    const template = await ensureTemplate(adminUrl);
    project.provide('dbAdminUrl', adminUrl);
    project.provide('dbTemplate', template);
  } catch (err) {
    await stop();
    throw err;
  }
  return stop;
}
