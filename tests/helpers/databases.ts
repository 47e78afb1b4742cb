import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, readMigrations } from '../../lib/db/migrate';

/**
 * Server-level plumbing for the test suite: the migrated template and the per-file databases
 * cloned from it. Names carry their creation time so a later run can drop what a crashed run
 * left behind.
 */

export const TEST_DB_PREFIX = 'cc_t_';
export const TEMPLATE_PREFIX = 'cc_tpl_';
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

const id = (name: string) => pg.escapeIdentifier(name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same server as `adminUrl`, another database. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'test-admin' });
  admin.on('error', () => {});
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end().catch(() => {});
  }
}

function stamp(): string {
  return `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export function newTestDatabaseName(): string {
  return `${TEST_DB_PREFIX}${stamp()}`;
}

/** Template name from the migrations' names and checksums: a changed migration gets a new one. */
export async function templateName(dir?: string): Promise<string> {
  const files = await readMigrations(dir);
  const hash = createHash('sha256')
    .update(files.map((f) => `${f.name}:${f.checksum}`).join('\n'))
    .digest('hex');
  return `${TEMPLATE_PREFIX}${hash.slice(0, 8)}`;
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return Boolean(rowCount);
}

const code = (err: unknown) => (err as { code?: string }).code;

/**
 * Creates and migrates the template unless it exists. It is built under a temporary name and
 * renamed when complete, so a template that exists is always fully migrated, and two test runs
 * starting together cannot both build it. Connections to it are then disallowed: CREATE DATABASE
 * ... TEMPLATE fails while anyone is connected to the source.
 */
export async function ensureTemplate(
  adminUrl: string,
  opts: { dir?: string; log?: (msg: string) => void } = {},
): Promise<string> {
  const name = await templateName(opts.dir);
  return withAdmin(adminUrl, async (admin) => {
    if (await databaseExists(admin, name)) return name;
    const build = `${name}_b${stamp()}`;
    opts.log?.(`Building test template ${name}`);
    await admin.query(`CREATE DATABASE ${id(build)} TEMPLATE template0`);
    try {
      await migrate(databaseUrl(adminUrl, build), { dir: opts.dir });
      await admin.query(`ALTER DATABASE ${id(build)} WITH ALLOW_CONNECTIONS false`);
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`ALTER DATABASE ${id(build)} RENAME TO ${id(name)}`);
          return name;
        } catch (err) {
          if (code(err) === '42P04' || code(err) === '23505') {
            // Another run finished the same template first.
            await admin.query(`DROP DATABASE IF EXISTS ${id(build)} WITH (FORCE)`);
            return name;
          }
          // 55006: the migration's own connection has not quite gone yet.
          if (code(err) !== '55006' || attempt >= 50) throw err;
          await sleep(100);
        }
      }
    } catch (err) {
      await admin.query(`DROP DATABASE IF EXISTS ${id(build)} WITH (FORCE)`).catch(() => {});
      throw err;
    }
  });
}

/** CREATE DATABASE name TEMPLATE template, retrying while something still holds the template. */
export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${id(name)} TEMPLATE ${id(template)}`);
        return;
      } catch (err) {
        if (code(err) !== '55006' || attempt >= 50) throw err;
        await sleep(100);
      }
    }
  });
}

export async function createEmptyDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${id(name)} TEMPLATE template0`));
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${id(name)} WITH (FORCE)`));
}

/** Drops test databases and half-built templates older than six hours (left by crashed runs). */
export async function dropStaleTestDatabases(adminUrl: string): Promise<string[]> {
  return withAdmin(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'cc\\_t\\_%' OR datname LIKE 'cc\\_tpl\\_%\\_b%'`,
    );
    const dropped: string[] = [];
    for (const { datname } of rows) {
      const m = /^(?:cc_t_|cc_tpl_[0-9a-f]{8}_b)([0-9a-z]+)_[0-9a-f]{8}$/.exec(datname);
      const created = m ? parseInt(m[1]!, 36) : NaN;
      if (!Number.isFinite(created) || Date.now() - created < STALE_AFTER_MS) continue;
      await admin
        .query(`DROP DATABASE IF EXISTS ${id(datname)} WITH (FORCE)`)
        .then(() => dropped.push(datname))
        .catch(() => {});
    }
    return dropped;
  });
}
