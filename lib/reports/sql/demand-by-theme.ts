import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/** Cases received in the period with each need theme recorded against the case. A case with two themes counts under both. */
export async function demandByTheme(db: Tx, f: ReportFilter): Promise<{ termId: string; n: number }[]> {
  const rows = await db.$queryRaw<{ termId: string; n: bigint }[]>`
    SELECT need."termId", count(*) AS n
    FROM "ReportCaseFact" cf CROSS JOIN LATERAL unnest(cf."needTermIds") AS need("termId")
    WHERE cf."receivedAt" >= ${f.from} AND cf."receivedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}
    GROUP BY need."termId"`;
  return rows.map((r) => ({ termId: r.termId, n: num(r.n) }));
}
