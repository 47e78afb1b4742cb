import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { splitSqlStatements } from './sql-statements';

/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records each one in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so either tool can take over.
 * See docs/decisions/0001-migration-runner.md.
 */

export const MIGRATIONS_TABLE = '_prisma_migrations';

// The key `prisma migrate` itself takes, so this runner and Prisma's CLI also exclude each other.
export const MIGRATION_LOCK_KEY = 72707369;

const NO_TRANSACTION_MARKER = /^-- no-transaction\b/;

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the file's bytes, lower-case hex: what Prisma stores. */
  checksum: string;
  /** False when the file starts with `-- no-transaction` (for CREATE INDEX CONCURRENTLY and the like). */
  transactional: boolean;
}

export interface MigrateOptions {
  log?: (msg: string) => void;
  /** Folder of migrations; defaults to defaultMigrationsDir(). */
  dir?: string;
  /** How long to wait for another process's migration to finish. */
  lockTimeoutMs?: number;
}

export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** The newest migration now applied, or null when there are none. */
  latest: string | null;
}

export type MigrationErrorCode = 'CHANGED' | 'MISSING' | 'FAILED_BEFORE' | 'APPLY_FAILED' | 'LOCK_TIMEOUT' | 'BAD_FOLDER';

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** prisma/migrations under the current directory, or MIGRATIONS_DIR when set. */
export function defaultMigrationsDir(): string {
  return path.resolve(process.cwd(), process.env.MIGRATIONS_DIR || path.join('prisma', 'migrations'));
}

export function checksumOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads every migration folder, sorted by name (the timestamp prefix), as Prisma does. */
export async function readMigrations(dir: string = defaultMigrationsDir()): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new MigrationError('BAD_FOLDER', `Cannot read the migrations folder ${dir}: ${(err as Error).message}`, { cause: err });
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, name, 'migration.sql'));
    } catch (err) {
      throw new MigrationError('BAD_FOLDER', `Migration folder ${name} has no readable migration.sql`, { cause: err });
    }
    const sql = bytes.toString('utf8');
    files.push({
      name,
      sql,
      checksum: checksumOf(bytes),
      transactional: !NO_TRANSACTION_MARKER.test(sql.replace(/^\uFEFF/, '')),
    });
  }
  return files;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  logs: string | null;
}

// Prisma also accepts a file whose only change is CRLF line endings (a Windows checkout).
function sameChecksum(file: MigrationFile, recorded: string): boolean {
  return file.checksum === recorded || checksumOf(file.sql.replace(/\r\n/g, '\n')) === recorded;
}

export async function migrate(url: string, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const files = await readMigrations(opts.dir);
  const client = new pg.Client({ connectionString: url, application_name: 'migrate' });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  client.on('error', () => {});
  await client.connect();
  try {
    await acquireLock(client, opts.lockTimeoutMs ?? 5 * 60_000, log);
    try {
      await ensureMigrationsTable(client);
      const rows = await appliedRows(client);
      const done = checkHistory(files, rows);
      const pending = files.filter((f) => !done.has(f.name));
      const applied: string[] = [];
      for (const file of pending) {
        log(`Applying migration ${file.name}`);
        await applyMigration(client, file);
        applied.push(file.name);
      }
      const all = [...done, ...applied].sort();
      if (applied.length === 0) log('No pending migrations');
      return { applied, latest: all.at(-1) ?? null };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function acquireLock(client: pg.Client, timeoutMs: number, log: (msg: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [MIGRATION_LOCK_KEY]);
    if (rows[0]?.ok) return;
    if (!told) {
      log('Another process is migrating this database; waiting for it to finish');
      told = true;
    }
    if (Date.now() >= deadline) {
      throw new MigrationError(
        'LOCK_TIMEOUT',
        `Gave up after ${Math.round(timeoutMs / 1000)} s waiting for another process's migration of this database (advisory lock ${MIGRATION_LOCK_KEY})`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The same definition Prisma's schema engine creates.
async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
      "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum"            VARCHAR(64) NOT NULL,
      "finished_at"         TIMESTAMPTZ,
      "migration_name"      VARCHAR(255) NOT NULL,
      "logs"                TEXT,
      "rolled_back_at"      TIMESTAMPTZ,
      "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
}

async function appliedRows(client: pg.Client): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, started_at, logs
       FROM "${MIGRATIONS_TABLE}" ORDER BY started_at, migration_name`,
  );
  return rows;
}

/** Returns the names already applied, or throws when the history and the folder disagree. */
function checkHistory(files: MigrationFile[], rows: MigrationRow[]): Set<string> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const done = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        'FAILED_BEFORE',
        `Migration ${row.migration_name} started at ${row.started_at.toISOString()} and never finished, so the database may be partly migrated.` +
          (row.logs ? ` It failed with: ${row.logs.split('\n')[0]}.` : '') +
          ` Repair the database by hand, then mark the attempt as rolled back (\`prisma migrate resolve --rolled-back ${row.migration_name}\`, or` +
          ` UPDATE "${MIGRATIONS_TABLE}" SET rolled_back_at = now() WHERE id = '${row.id}') and run again.`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        'MISSING',
        `Migration ${row.migration_name} is recorded as applied but its folder is missing from prisma/migrations. ` +
          'Restore it (migrations are never deleted once applied) or use the build that contains it.',
      );
    }
    if (!sameChecksum(file, row.checksum)) {
      throw new MigrationError(
        'CHANGED',
        `Migration ${row.migration_name} was edited after it was applied (checksum ${row.checksum} recorded, ${file.checksum} on disk). ` +
          'Put the applied file back and write the change as a new migration.',
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

function describeError(err: unknown): string {
  const e = err as { message?: string; code?: string; position?: string; detail?: string; where?: string };
  const parts = [e.message ?? String(err)];
  if (e.code) parts.push(`Database error code: ${e.code}`);
  if (e.position) parts.push(`Position: ${e.position}`);
  if (e.detail) parts.push(`Detail: ${e.detail}`);
  if (e.where) parts.push(`Where: ${e.where}`);
  return parts.join('\n');
}

async function applyMigration(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  if (file.transactional) {
    // The history row commits with the schema change or not at all, so a crash half-way leaves
    // nothing to clean up; a failure is kept as a rolled-back attempt for the record.
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO "${MIGRATIONS_TABLE}" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, clock_timestamp(), 0)`,
        [id, file.checksum, file.name],
      );
      await client.query(file.sql);
      await client.query(
        `UPDATE "${MIGRATIONS_TABLE}" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      await client
        .query(
          `INSERT INTO "${MIGRATIONS_TABLE}" (id, checksum, migration_name, logs, rolled_back_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, now(), 0)`,
          [id, file.checksum, file.name, describeError(err)],
        )
        .catch(() => {});
      throw new MigrationError('APPLY_FAILED', `Migration ${file.name} failed and was rolled back: ${(err as Error).message}`, {
        cause: err,
      });
    }
    return;
  }

  // Outside a transaction a failure can leave part of the file applied: the unfinished row stays
  // behind and blocks later runs until someone has looked, as `prisma migrate deploy` does.
  await client.query(
    `INSERT INTO "${MIGRATIONS_TABLE}" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, clock_timestamp(), 0)`,
    [id, file.checksum, file.name],
  );
  try {
    for (const statement of splitSqlStatements(file.sql)) await client.query(statement);
  } catch (err) {
    await client.query(`UPDATE "${MIGRATIONS_TABLE}" SET logs = $2 WHERE id = $1`, [id, describeError(err)]).catch(() => {});
    throw new MigrationError(
      'APPLY_FAILED',
      `Migration ${file.name} (no-transaction) failed part-way: ${(err as Error).message}`,
      { cause: err },
    );
  }
  await client.query(`UPDATE "${MIGRATIONS_TABLE}" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [
    id,
  ]);
}

export interface MigrationStatus {
  /** The newest migration applied successfully, or null (none, or no history table). */
  latest: string | null;
  /** Migrations on disk not yet applied. */
  pending: string[];
  /** Attempts that never finished and were not marked rolled back. */
  failed: string[];
}

/** For the health endpoint: what is applied, what is waiting. Read-only, takes no lock. */
export async function migrationStatus(url: string, opts: { dir?: string } = {}): Promise<MigrationStatus> {
  const files = await readMigrations(opts.dir);
  const rows = await withClient(url, async (client) => {
    const { rows: exists } = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
      `"${MIGRATIONS_TABLE}"`,
    ]);
    return exists[0]?.t ? appliedRows(client) : [];
  });
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  return {
    latest: [...done].sort().at(-1) ?? null,
    pending: files.map((f) => f.name).filter((n) => !done.has(n)),
    failed: rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
  };
}

/** The newest migration applied to the database at `url`, or null. */
export async function appliedMigration(url: string): Promise<string | null> {
  return withClient(url, async (client) => {
    const { rows: exists } = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
      `"${MIGRATIONS_TABLE}"`,
    ]);
    if (!exists[0]?.t) return null;
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "${MIGRATIONS_TABLE}"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
        ORDER BY migration_name DESC LIMIT 1`,
    );
    return rows[0]?.migration_name ?? null;
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
