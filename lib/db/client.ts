import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { config, env } from '../config';
import { PrismaClient, Prisma } from './generated/client';

export { Prisma };
export type Db = PrismaClient;
/** A client or an open transaction: domain functions take this so callers choose the boundary. */
export type Tx = PrismaClient | Prisma.TransactionClient;

export function createDb(url: string = requireDatabaseUrl()): PrismaClient {
  // JIT compilation costs more than it saves on the short, parameterised queries this app runs.
  // The pool's size is DATABASE_POOL_SIZE (10 by default, node-postgres's own default).
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, options: '-c jit=off', max: config.databasePoolSize }),
  });
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
