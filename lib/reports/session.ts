import type { Db, Tx } from '@/lib/db/client';

/**
 * Runs report queries in one read-only transaction with settings that suit them: no JIT (its
 * compile time costs more than it saves on queries of this size) and enough memory to sort and
 * hash in memory. Reports never write.
 */
export async function withReportTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
      return fn(tx);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
