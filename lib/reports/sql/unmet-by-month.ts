import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { londonMonth, num, wardCondition } from './fragments';

/** Recorded unmet need in the period per London calendar month ("YYYY-MM"). Months with none are absent. */
export async function unmetByMonth(db: Tx, f: ReportFilter): Promise<{ month: string; n: number }[]> {
  const rows = await db.$queryRaw<{ month: string; n: bigint }[]>`
    SELECT ${londonMonth('u."recordedAt"')} AS month, count(*) AS n
    FROM "UnmetNeed" u LEFT JOIN "Area" a ON a.id = u."areaId"
    WHERE u."recordedAt" >= ${f.from} AND u."recordedAt" < ${f.to}
      ${wardCondition('coalesce(u."wardId", a."wardId")', f.wardId)}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ month: r.month, n: num(r.n) }));
}
