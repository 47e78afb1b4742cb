import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/**
 * The words most often searched for with no result in the period (lower case, spaces tidied),
 * most frequent first, only those searched at least `minimum` times (free text from the public is
 * not published when it is rare); `withWords` counts every zero-result search that had words.
 */
export async function zeroSearchTerms(
  db: Tx,
  f: ReportFilter,
  options: { limit?: number; minimum?: number } = {},
): Promise<{ top: { terms: string; n: number }[]; withWords: number }> {
  const limit = options.limit ?? 20;
  const minimum = options.minimum ?? 5;
  const rows = await db.$queryRaw<{ terms: string | null; n: bigint }[]>`
    WITH words AS (
      SELECT regexp_replace(lower(trim(s.terms)), '\\s+', ' ', 'g') AS terms, count(*) AS n
      FROM "SearchLog" s
      WHERE s."resultCount" = 0 AND s."createdAt" >= ${f.from} AND s."createdAt" < ${f.to}
        AND trim(s.terms) <> ''
        ${wardCondition('s."wardId"', f.wardId)}
      GROUP BY 1
    )
    (SELECT terms, n FROM words WHERE n >= ${minimum} ORDER BY n DESC, terms LIMIT ${limit})
    UNION ALL
    SELECT NULL, coalesce(sum(n), 0)::bigint FROM words`;
  const total = rows.find((r) => r.terms === null);
  return {
    top: rows.filter((r) => r.terms !== null).map((r) => ({ terms: r.terms as string, n: num(r.n) })),
    withWords: num(total?.n),
  };
}
