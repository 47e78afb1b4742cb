import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type Db } from '../../lib/db/client';
import './context';
import { cloneDatabase, createEmptyDatabase, databaseUrl, dropDatabase, newTestDatabaseName } from './databases';

/**
 * A database of the test file's own, cloned from the migrated template (tens of milliseconds),
 * so test files run in parallel and never see each other's rows.
 *
 *   const t = useFreshDatabase();          // beforeAll creates it, afterAll drops it
 *   it('...', async () => { await t.db.team.create(...) });
 */

export interface FreshDatabase {
  name: string;
  url: string;
  db: Db;
  /** Disconnects the client and drops the database. Safe to call twice. */
  drop(): Promise<void>;
}

export function adminUrl(): string {
  return inject('dbAdminUrl');
}

export async function freshDatabase(): Promise<FreshDatabase> {
  const admin = adminUrl();
  const name = newTestDatabaseName();
  await cloneDatabase(admin, inject('dbTemplate'), name);
  const url = databaseUrl(admin, name);
  const db = createDb(url);
  let dropping: Promise<void> | undefined;
  const drop = () =>
    (dropping ??= (async () => {
      await db.$disconnect().catch(() => {});
      await dropDatabase(admin, name);
    })());
  return { name, url, db, drop };
}

/** A database with no tables at all (for the migration runner's own tests). */
export async function emptyDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const admin = adminUrl();
  const name = newTestDatabaseName();
  await createEmptyDatabase(admin, name);
  return { name, url: databaseUrl(admin, name), drop: () => dropDatabase(admin, name) };
}

/** Registers beforeAll/afterAll for a fresh database; read `.db`/`.url` inside tests and hooks. */
export function useFreshDatabase(): { readonly db: Db; readonly url: string; readonly name: string } {
  let current: FreshDatabase | undefined;
  beforeAll(async () => {
    current = await freshDatabase();
  });
  afterAll(async () => {
    await current?.drop();
  });
  const get = () => {
    if (!current) throw new Error('useFreshDatabase(): the database exists only inside tests and hooks (after beforeAll)');
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get url() {
      return get().url;
    },
    get name() {
      return get().name;
    },
  };
}
