import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/**
 * Need themes chosen in searches that found nothing in the period. A search that chose two themes
 * counts once for each, so these do not add up to the number of searches.
 */
export async function zeroSearchThemes(db: Tx, f: ReportFilter): Promise<{ theme: string; n: number }[]> {
  const rows = await db.$queryRaw<{ theme: string; n: bigint }[]>`
    SELECT t.name AS theme, count(*) AS n
    FROM "SearchLog" s
    CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.filters -> 'needs') = 'array' THEN s.filters -> 'needs' ELSE '[]'::jsonb END) AS need(code)
    JOIN "TaxonomyTerm" t ON t.code = need.code
    WHERE s."resultCount" = 0 AND s."createdAt" >= ${f.from} AND s."createdAt" < ${f.to}
      ${wardCondition('s."wardId"', f.wardId)}
    GROUP BY t.name ORDER BY 2 DESC, 1`;
  return rows.map((r) => ({ theme: r.theme, n: num(r.n) }));
}
