import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

export type UnmetByWardRow = { wardId: string | null; code: string | null; ward: string | null; population: number; n: number };

/**
 * Recorded unmet need in the period per ward, with each ward's population (the sum of its areas'),
 * every ward listed even with none. Items with no known ward come last with wardId null.
 */
export async function unmetByWard(db: Tx, f: ReportFilter): Promise<UnmetByWardRow[]> {
  const rows = await db.$queryRaw<
    { wardId: string | null; code: string | null; ward: string | null; population: bigint | null; n: bigint }[]
  >`
    WITH items AS (
      SELECT coalesce(u."wardId", a."wardId") AS "wardId"
      FROM "UnmetNeed" u LEFT JOIN "Area" a ON a.id = u."areaId"
      WHERE u."recordedAt" >= ${f.from} AND u."recordedAt" < ${f.to}
        ${wardCondition('coalesce(u."wardId", a."wardId")', f.wardId)}
    ), counted AS (
      SELECT "wardId", count(*) AS n FROM items GROUP BY "wardId"
    ), pop AS (
      SELECT "wardId", sum(population) AS population FROM "Area" GROUP BY "wardId"
    )
    SELECT w.id AS "wardId", w.code, w.name AS ward, pop.population, coalesce(counted.n, 0) AS n
    FROM "Ward" w
    LEFT JOIN pop ON pop."wardId" = w.id
    LEFT JOIN counted ON counted."wardId" = w.id
    WHERE TRUE ${wardCondition('w.id', f.wardId)}
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, n FROM counted WHERE "wardId" IS NULL
    ORDER BY 3 NULLS LAST`;
  return rows.map((r) => ({ ...r, population: num(r.population), n: num(r.n) }));
}
