// A database client of the reports' own: every session read-only, without JIT (its compile time
// costs more than it saves on queries of this size) and with enough memory to sort and hash in
// memory. Its pool lets a report's queries run side by side.
import 'server-only';
import { env } from '@/lib/config';
import { createDb, type Db } from '@/lib/db/client';

const SESSION_OPTIONS = '-c jit=off -c work_mem=32MB -c default_transaction_read_only=on';

/** The same database URL with the reports' session settings added. */
export function reportsDatabaseUrl(url: string): string {
  const u = new URL(url);
  const existing = u.searchParams.get('options');
  u.searchParams.set('options', existing ? `${existing} ${SESSION_OPTIONS}` : SESSION_OPTIONS);
  return u.toString();
}

const holder = globalThis as unknown as { __reportsDb?: Db };

/** The reports' client (one per process, like db()). Never used to write: its sessions refuse writes. */
export function reportsDb(): Db {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  holder.__reportsDb ??= createDb(reportsDatabaseUrl(url));
  return holder.__reportsDb;
}
