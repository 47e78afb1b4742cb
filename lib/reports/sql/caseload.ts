import type { Tx } from '@/lib/db/client';
import { asAt, type ReportFilter } from '../filter';
import { num, numOrNull, wardCondition } from './fragments';

export type Caseload = {
  /** Link workers holding at least one open case at the end of the period. */
  workers: number;
  median: number | null;
  lowest: number | null;
  highest: number | null;
  openCases: number;
  /** Cases assigned in the period, and the link workers they were assigned to. */
  assignedInPeriod: number;
  workersAssigned: number;
};

/**
 * Open cases per link worker at the end of the period (or now, if sooner): cases assigned to a
 * worker, received and not closed by then. And cases assigned in the period per worker, for a
 * yearly rate. Counts only: no worker is named. A reassigned case counts with its current worker.
 */
export async function caseload(db: Tx, f: ReportFilter): Promise<Caseload> {
  const at = asAt(f);
  const rows = await db.$queryRaw<
    {
      workers: bigint;
      median: number | null;
      lowest: bigint | null;
      highest: bigint | null;
      open_cases: bigint | null;
      assigned: bigint;
      workers_assigned: bigint;
    }[]
  >`
    WITH open_now AS (
      SELECT cf."assignedWorkerId" AS worker, count(*) AS k
      FROM "ReportCaseFact" cf
      WHERE cf."assignedWorkerId" IS NOT NULL AND cf."assignedAt" < ${at} AND cf."receivedAt" < ${at}
        AND (cf."closedAt" IS NULL OR cf."closedAt" >= ${at})
        ${wardCondition('cf."wardId"', f.wardId)}
      GROUP BY 1
    ), assigned AS (
      SELECT count(*) AS n, count(DISTINCT cf."assignedWorkerId") AS workers
      FROM "ReportCaseFact" cf
      WHERE cf."assignedWorkerId" IS NOT NULL AND cf."assignedAt" >= ${f.from} AND cf."assignedAt" < ${f.to}
        ${wardCondition('cf."wardId"', f.wardId)}
    )
    SELECT (SELECT count(*) FROM open_now) AS workers,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY k) FROM open_now) AS median,
           (SELECT min(k) FROM open_now) AS lowest, (SELECT max(k) FROM open_now) AS highest,
           (SELECT sum(k) FROM open_now) AS open_cases,
           assigned.n AS assigned, assigned.workers AS workers_assigned
    FROM assigned`;
  const r = rows[0];
  return {
    workers: num(r.workers),
    median: numOrNull(r.median),
    lowest: numOrNull(r.lowest),
    highest: numOrNull(r.highest),
    openCases: num(r.open_cases),
    assignedInPeriod: num(r.assigned),
    workersAssigned: num(r.workers_assigned),
  };
}
