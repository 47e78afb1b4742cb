import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { config, env } from '../config';
import { logError } from '../log/logger';
import { PrismaClient, Prisma } from './generated/client';

export { Prisma };
export type Db = PrismaClient;
/** A client or an open transaction: domain functions take this so callers choose the boundary. */
export type Tx = PrismaClient | Prisma.TransactionClient;

// A burst (fifty people pressing "send" at once) queues for a connection rather than failing:
// Prisma's default wait of 2 s turned most of such a burst into errors on a fresh server.
// Long jobs (imports, reports, sweeps) pass their own limits.
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

export function createDb(url: string = requireDatabaseUrl()): PrismaClient {
  // JIT compilation costs more than it saves on the short, parameterised queries this app runs.
  // The pool's size is DATABASE_POOL_SIZE (10 by default, node-postgres's own default).
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, options: '-c jit=off', max: config.databasePoolSize }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

/**
 * Opens the pool's connections before the first visitor needs them (each costs a PostgreSQL
 * process start and authentication), so a burst right after a start is not also a connection
 * storm. Failures are the caller's to log: the server still starts without a database.
 */
export async function warmPool(client: PrismaClient, connections: number = config.databasePoolSize): Promise<void> {
  await Promise.all(Array.from({ length: connections }, () => client.$queryRaw`SELECT 1`));
}

/** The server's start-up call: warms this process's pool, and only logs when it cannot. */
export async function warmUpDatabase(): Promise<void> {
  if (!env().DATABASE_URL || process.env.NEXT_PHASE === 'phase-production-build') return;
  await warmPool(db()).catch((error: unknown) =>
    logError(error, { module: 'db' }, 'Could not open database connections at start'),
  );
}

function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set (npm start and npm test set it, starting an embedded PostgreSQL when needed)');
  return url;
}

// One client per process; kept on globalThis so Next's dev reloads do not open new pools.
const holder = globalThis as unknown as { __db?: PrismaClient };

export function db(): PrismaClient {
  holder.__db ??= createDb();
  return holder.__db;
}
