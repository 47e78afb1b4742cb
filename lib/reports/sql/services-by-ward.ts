import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/**
 * Listed services today (published and running) with at least one place in each ward, with the
 * ward's population. A service meeting in two wards counts in both. The row with wardId null
 * counts services with no place at all (online or by phone).
 */
export async function servicesByWard(
  db: Tx,
  f: ReportFilter,
): Promise<{ wardId: string | null; ward: string | null; population: number; n: number }[]> {
  const rows = await db.$queryRaw<{ wardId: string | null; ward: string | null; population: bigint | null; n: bigint }[]>`
    WITH listed AS (
      SELECT s.id FROM "Service" s WHERE s.published AND s.status = 'active'
    ), placed AS (
      SELECT DISTINCT a."wardId", listed.id
      FROM listed JOIN "ServiceAtLocation" sal ON sal."serviceId" = listed.id
      JOIN "Location" l ON l.id = sal."locationId" JOIN "Area" a ON a.id = l."areaId"
    ), pop AS (
      SELECT "wardId", sum(population) AS population FROM "Area" GROUP BY "wardId"
    ), counted AS (
      SELECT "wardId", count(*) AS n FROM placed GROUP BY "wardId"
    )
    SELECT w.id AS "wardId", w.name AS ward, pop.population, coalesce(counted.n, 0) AS n
    FROM "Ward" w LEFT JOIN pop ON pop."wardId" = w.id LEFT JOIN counted ON counted."wardId" = w.id
    WHERE TRUE ${wardCondition('w.id', f.wardId)}
    UNION ALL
    SELECT NULL, NULL, NULL, count(*) FROM listed
    WHERE ${f.wardId ?? null}::uuid IS NULL AND NOT EXISTS (SELECT 1 FROM "ServiceAtLocation" sal WHERE sal."serviceId" = listed.id)
    ORDER BY 2 NULLS LAST`;
  return rows.map((r) => ({ wardId: r.wardId, ward: r.ward, population: num(r.population), n: num(r.n) }));
}
