import { env } from '../config';

/**
 * Where the app's database is: DATABASE_URL when set, otherwise the embedded PostgreSQL
 * (started here, data under .data/postgres) with database `name` created on first use.
 */
export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this call started it; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
}

export async function resolveDatabase(
  name = 'community_connect',
  opts: { log?: (msg: string) => void; supervise?: { notice: (msg: string) => void } } = {},
): Promise<ResolvedDatabase> {
  const fromEnv = env().DATABASE_URL;
  if (fromEnv) return { url: fromEnv, embedded: false, stop: async () => {} };

  const { startEmbeddedPostgres, ensureDatabase } = await import('./embedded');
  const server = await startEmbeddedPostgres({ log: opts.log, supervise: opts.supervise });
  try {
    await ensureDatabase(server.adminUrl('postgres'), name);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { url: server.adminUrl(name), embedded: true, stop: () => server.stop() };
}
