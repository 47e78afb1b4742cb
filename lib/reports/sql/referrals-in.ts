import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { londonMonth, num, wardCondition } from './fragments';

/** Cases received in the period, by London calendar month and source. */
export async function referralsIn(db: Tx, f: ReportFilter): Promise<{ month: string; source: string; n: number }[]> {
  const rows = await db.$queryRaw<{ month: string; source: string; n: bigint }[]>`
    SELECT ${londonMonth('cf."receivedAt"')} AS month, cf.source, count(*) AS n
    FROM "ReportCaseFact" cf
    WHERE cf."receivedAt" >= ${f.from} AND cf."receivedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((r) => ({ month: r.month, source: r.source, n: num(r.n) }));
}
