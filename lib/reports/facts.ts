// The reports' summary data (materialised views ReportCaseFact and ReportWaitSpan, see
// prisma/migrations/20261123010000_reports). Rebuilt from the records by a background job and,
// when a page finds them older than the refresh interval, straight after that page is sent.
import type { Db } from '@/lib/db/client';

/** How old the summary data may get before a report page asks for a rebuild. */
export const REFRESH_INTERVAL_MS = 15 * 60 * 1000;

// pg_try_advisory_xact_lock key, so two instances never rebuild at once.
const LOCK_KEY = 7_265_706_115;

/** When the summary data was last rebuilt; null if never. */
export async function factsRefreshedAt(db: Db): Promise<Date | null> {
  const [state] = await db.$queryRaw<{ populated: boolean }[]>`
    SELECT ispopulated AS populated FROM pg_matviews WHERE schemaname = current_schema() AND matviewname = 'ReportRefresh'`;
  if (!state?.populated) return null;
  const rows = await db.$queryRaw<{ at: Date | null }[]>`SELECT max("refreshedAt") AS at FROM "ReportRefresh"`;
  return rows[0]?.at ?? null;
}

/**
 * Rebuilds the summary data. Readers keep seeing the previous data until it is done
 * (CONCURRENTLY). If another instance is already rebuilding, returns false at once.
 */
export async function refreshReportFacts(db: Db): Promise<boolean> {
  const done = await db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}::bigint) AS ok`;
      if (!lock?.ok) return false;
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      await tx.$executeRaw`REFRESH MATERIALIZED VIEW CONCURRENTLY "ReportCaseFact"`;
      await tx.$executeRaw`REFRESH MATERIALIZED VIEW CONCURRENTLY "ReportWaitSpan"`;
      await tx.$executeRaw`REFRESH MATERIALIZED VIEW "ReportRefresh"`;
      return true;
    },
    { maxWait: 10_000, timeout: 10 * 60 * 1000 },
  );
  if (done) {
    // A concurrent rebuild leaves the replaced rows behind; clear them so scans stay short.
    await db.$executeRaw`VACUUM (ANALYZE) "ReportCaseFact", "ReportWaitSpan"`.catch(() => {});
  }
  return done;
}

export type FactsState = { refreshedAt: Date | null; stale: boolean };

/** Whether the summary data needs a rebuild (never built, or older than the interval). */
export async function factsState(db: Db, now: Date = new Date()): Promise<FactsState> {
  const refreshedAt = await factsRefreshedAt(db);
  return { refreshedAt, stale: refreshedAt === null || now.getTime() - refreshedAt.getTime() > REFRESH_INTERVAL_MS };
}
