import type { Tx } from '@/lib/db/client';
import { logError } from '@/lib/log/logger';

export type Health =
  | { status: 'ok'; database: 'ok'; migration: string | null; time: string }
  | { status: 'error'; database: 'unavailable'; time: string };

/**
 * The name of the latest migration applied (as the migration runner records it, the same way Prisma
 * does). Names start with a timestamp, so the greatest name is the newest.
 */
export async function latestMigration(db: Tx): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ migration_name: string }>>`
    SELECT migration_name
    FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
    ORDER BY migration_name DESC
    LIMIT 1`;
  return rows[0]?.migration_name ?? null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether the database answers, and which migration it is on. Takes the client or a function that
 * makes it, so a missing DATABASE_URL reports "unavailable" instead of throwing.
 */
export async function checkHealth(
  database: Tx | (() => Tx),
  { timeoutMs = 3000, now = () => new Date() }: { timeoutMs?: number; now?: () => Date } = {},
): Promise<Health> {
  try {
    const db = typeof database === 'function' ? database() : database;
    const migration = await withTimeout(latestMigration(db), timeoutMs);
    return { status: 'ok', database: 'ok', migration, time: now().toISOString() };
  } catch (err) {
    logError(err, { check: 'health' }, 'Health check failed');
    return { status: 'error', database: 'unavailable', time: now().toISOString() };
  }
}
