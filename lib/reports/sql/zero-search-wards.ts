import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/** Searches that found nothing in the period per ward searched from; wardId null when no place was given or known. */
export async function zeroSearchWards(
  db: Tx,
  f: ReportFilter,
): Promise<{ wardId: string | null; ward: string | null; n: number }[]> {
  const rows = await db.$queryRaw<{ wardId: string | null; ward: string | null; n: bigint }[]>`
    SELECT s."wardId", w.name AS ward, count(*) AS n
    FROM "SearchLog" s LEFT JOIN "Ward" w ON w.id = s."wardId"
    WHERE s."resultCount" = 0 AND s."createdAt" >= ${f.from} AND s."createdAt" < ${f.to}
      ${wardCondition('s."wardId"', f.wardId)}
    GROUP BY s."wardId", w.name ORDER BY w.name NULLS LAST`;
  return rows.map((r) => ({ ...r, n: num(r.n) }));
}
