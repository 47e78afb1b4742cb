import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/** Cases closed in the period by closing outcome ('' when none was recorded). */
export async function closingOutcomes(db: Tx, f: ReportFilter): Promise<{ outcome: string; n: number }[]> {
  const rows = await db.$queryRaw<{ outcome: string; n: bigint }[]>`
    SELECT cf.outcome, count(*) AS n
    FROM "ReportCaseFact" cf
    WHERE cf."closedAt" >= ${f.from} AND cf."closedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}
    GROUP BY 1`;
  return rows.map((r) => ({ outcome: r.outcome, n: num(r.n) }));
}
