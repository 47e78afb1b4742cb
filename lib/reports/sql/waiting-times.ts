import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { londonDate, londonMonth, num, numOrNull, wardCondition } from './fragments';

export type WaitStats = { month: string | null; n: number; median: number | null; p90: number | null };

/**
 * Days from received to first contact (the first conversation), in Europe/London calendar days,
 * over cases whose first contact falls in the period: per month of first contact, and overall
 * (month null). Median and 90th percentile interpolate between neighbouring values
 * (percentile_cont, as a spreadsheet's PERCENTILE.INC does).
 */
export async function waitingTimes(db: Tx, f: ReportFilter): Promise<WaitStats[]> {
  const rows = await db.$queryRaw<{ month: string | null; n: bigint; median: number | null; p90: number | null }[]>`
    WITH waits AS (
      SELECT ${londonMonth('cf."firstContactAt"')} AS month,
             ${londonDate('cf."firstContactAt"')} - ${londonDate('cf."receivedAt"')} AS days
      FROM "ReportCaseFact" cf
      WHERE cf."firstContactAt" >= ${f.from} AND cf."firstContactAt" < ${f.to}
        ${wardCondition('cf."wardId"', f.wardId)}
    )
    SELECT month, count(*) AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
    FROM waits
    GROUP BY ROLLUP (month)
    ORDER BY month NULLS FIRST`;
  return rows.map((r) => ({ month: r.month, n: num(r.n), median: numOrNull(r.median), p90: numOrNull(r.p90) }));
}
