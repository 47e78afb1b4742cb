import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appliedMigration,
  defaultMigrationsDir,
  migrate,
  MigrationError,
  migrationStatus,
  readMigrations,
} from '../../lib/db/migrate';
import { splitSqlStatements } from '../../lib/db/sql-statements';
import { emptyDatabase } from '../helpers/db';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratchDatabase() {
  const database = await emptyDatabase();
  cleanups.push(database.drop);
  return database;
}

/** A copy of prisma/migrations that a test may edit. */
async function scratchMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-migrations-'));
  await cp(defaultMigrationsDir(), dir, { recursive: true });
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const err = await promise.then(
    () => {
      throw new Error('expected the migration to be refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MigrationError);
  return err as MigrationError;
}

const onDisk = await readMigrations();
const names = onDisk.map((m) => m.name);

describe('migrate()', () => {
  it('applies every migration to an empty database, then nothing on a second run', async () => {
    const { url } = await scratchDatabase();
    const logged: string[] = [];
    const first = await migrate(url, { log: (m) => logged.push(m) });
    expect(first).toEqual({ applied: names, latest: names.at(-1) });
    expect(logged).toEqual(names.map((n) => `Applying migration ${n}`));

    const second = await migrate(url);
    expect(second).toEqual({ applied: [], latest: names.at(-1) });
    const tables = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables[0]!.n).toBeGreaterThan(20);
  });

  it("keeps its history in a _prisma_migrations table identical to Prisma's", async () => {
    const { url } = await scratchDatabase();
    await migrate(url);
    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: 'id',
        data_type: 'character varying',
        character_maximum_length: 36,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        character_maximum_length: 64,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        character_maximum_length: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);
    const pk = await query<{ conname: string; cols: string }>(
      url,
      `SELECT conname, pg_get_constraintdef(oid) AS cols FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'`,
    );
    expect(pk).toEqual([{ conname: '_prisma_migrations_pkey', cols: 'PRIMARY KEY (id)' }]);

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      logs: string | null;
      rolled_back_at: Date | null;
      started_at: Date;
      finished_at: Date;
      applied_steps_count: number;
    }>(url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = await readFile(path.join(defaultMigrationsDir(), row.migration_name, 'migration.sql'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    expect(await appliedMigration(url)).toBe(names.at(-1));
  });

  it('refuses to run when an applied migration was edited', async () => {
    const { url } = await scratchDatabase();
    const dir = await scratchMigrations();
    await migrate(url, { dir });
    await appendFile(path.join(dir, names[0]!, 'migration.sql'), '\n-- an innocent-looking edit\n');
    const err = await rejection(migrate(url, { dir }));
    expect(err.code).toBe('CHANGED');
    expect(err.message).toContain(names[0]);
  });

  it('accepts an applied migration whose only change is CRLF line endings', async () => {
    const { url } = await scratchDatabase();
    const dir = await scratchMigrations();
    await migrate(url, { dir });
    const file = path.join(dir, names[0]!, 'migration.sql');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n/g, '\r\n'));
    await expect(migrate(url, { dir })).resolves.toEqual({ applied: [], latest: names.at(-1) });
  });

  it('refuses to run when an applied migration is missing from disk', async () => {
    const { url } = await scratchDatabase();
    const dir = await scratchMigrations();
    await migrate(url, { dir });
    await rm(path.join(dir, names.at(-1)!), { recursive: true });
    const err = await rejection(migrate(url, { dir }));
    expect(err.code).toBe('MISSING');
    expect(err.message).toContain(names.at(-1));
  });

  it('refuses to run after an attempt that never finished', async () => {
    const { url } = await scratchDatabase();
    await migrate(url);
    await query(
      url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES (gen_random_uuid()::text, repeat('0', 64), '20990101000000_half_done', 'boom')`,
    );
    const err = await rejection(migrate(url));
    expect(err.code).toBe('FAILED_BEFORE');
    expect(err.message).toContain('20990101000000_half_done');
    expect(err.message).toContain('rolled-back');
  });

  it('rolls a failing migration back completely, records the attempt, and applies the fixed file later', async () => {
    const { url } = await scratchDatabase();
    const dir = await scratchMigrations();
    await migrate(url, { dir });
    const name = '20990101000000_broken';
    await addMigration(dir, name, 'CREATE TABLE "Scratch" (id INT);\nSELECT 1 / 0;\n');

    const err = await rejection(migrate(url, { dir }));
    expect(err.code).toBe('APPLY_FAILED');
    expect(err.message).toMatch(/division by zero/);
    expect(await query(url, `SELECT to_regclass('"Scratch"') AS t`)).toEqual([{ t: null }]);
    const attempts = await query<{ finished_at: Date | null; rolled_back_at: Date | null; logs: string }>(
      url,
      'SELECT finished_at, rolled_back_at, logs FROM _prisma_migrations WHERE migration_name = $1',
      [name],
    );
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.finished_at).toBeNull();
    expect(attempts[0]!.rolled_back_at).not.toBeNull();
    expect(attempts[0]!.logs).toMatch(/division by zero[\s\S]*22012/);

    await writeFile(path.join(dir, name, 'migration.sql'), 'CREATE TABLE "Scratch" (id INT);\n');
    await expect(migrate(url, { dir })).resolves.toEqual({ applied: [name], latest: name });
    expect(await appliedMigration(url)).toBe(name);
  });

  it('runs a "-- no-transaction" migration statement by statement (CREATE INDEX CONCURRENTLY)', async () => {
    const { url } = await scratchDatabase();
    const dir = await scratchMigrations();
    const name = '20990101000000_concurrent_index';
    await addMigration(
      dir,
      name,
      '-- no-transaction\nCREATE INDEX CONCURRENTLY "Team_email_idx" ON "Team"("email");\n' +
        'CREATE INDEX CONCURRENTLY "Team_description_idx" ON "Team"("description");\n',
    );
    expect((await readMigrations(dir)).find((m) => m.name === name)?.transactional).toBe(false);
    await expect(migrate(url, { dir })).resolves.toEqual({ applied: [...names, name], latest: name });
    const idx = await query<{ indexname: string }>(url, `SELECT indexname FROM pg_indexes WHERE tablename = 'Team' ORDER BY 1`);
    expect(idx.map((r) => r.indexname)).toEqual(['Team_description_idx', 'Team_email_idx', 'Team_name_key', 'Team_pkey']);
  });

  it('lets two instances start at once: both succeed and each migration is applied once', async () => {
    const { url } = await scratchDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(names);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, names.length]);
    expect(a.latest).toBe(names.at(-1));
    expect(b.latest).toBe(names.at(-1));
    const counts = await query<{ migration_name: string; n: number }>(
      url,
      'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1',
    );
    expect(counts).toEqual(names.map((n) => ({ migration_name: n, n: 1 })));
  });

  it('reports status for the health check without changing anything', async () => {
    const { url } = await scratchDatabase();
    expect(await appliedMigration(url)).toBeNull();
    expect(await migrationStatus(url)).toEqual({ latest: null, pending: names, failed: [] });
    await migrate(url);
    expect(await migrationStatus(url)).toEqual({ latest: names.at(-1), pending: [], failed: [] });
  });
});

describe('splitSqlStatements()', () => {
  it('splits on top-level semicolons only', () => {
    const sql = [
      '-- leading comment; not a statement',
      "INSERT INTO t VALUES ('a;b', E'it\\'s;', \"odd;name\");",
      '/* block; /* nested; */ still comment; */',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;',
      'CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;',
      'SELECT $1::int',
    ].join('\n');
    expect(splitSqlStatements(sql)).toEqual([
      "-- leading comment; not a statement\nINSERT INTO t VALUES ('a;b', E'it\\'s;', \"odd;name\")",
      '/* block; /* nested; */ still comment; */\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$',
      'CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$',
      'SELECT $1::int',
    ]);
  });

  it('drops empty and comment-only pieces', () => {
    expect(splitSqlStatements('-- no-transaction\n;;\n  -- just a note\n')).toEqual([]);
  });
});
