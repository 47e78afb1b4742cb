import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num } from './fragments';

export type ServicesByThemeRow = { termId: string; theme: string; open: number; waitingList: number; full: number };

/**
 * Listed services today (published and running) per need theme, by capacity. A service with two
 * themes counts under both. With a ward chosen, services with a place in that ward.
 */
export async function servicesByTheme(db: Tx, f: ReportFilter): Promise<ServicesByThemeRow[]> {
  const rows = await db.$queryRaw<{ termId: string; theme: string; open: bigint; waiting: bigint; full: bigint }[]>`
    WITH listed AS (
      SELECT s.id, s."capacityStatus"
      FROM "Service" s
      WHERE s.published AND s.status = 'active'
        AND (${f.wardId ?? null}::uuid IS NULL OR EXISTS (
          SELECT 1 FROM "ServiceAtLocation" sal JOIN "Location" l ON l.id = sal."locationId" JOIN "Area" a ON a.id = l."areaId"
          WHERE sal."serviceId" = s.id AND a."wardId" = ${f.wardId ?? null}::uuid))
    )
    SELECT t.id AS "termId", t.name AS theme,
           count(listed.id) FILTER (WHERE listed."capacityStatus" = 'open') AS open,
           count(listed.id) FILTER (WHERE listed."capacityStatus" = 'waiting_list') AS waiting,
           count(listed.id) FILTER (WHERE listed."capacityStatus" = 'full') AS full
    FROM "TaxonomyTerm" t
    LEFT JOIN "ServiceTaxonomy" st ON st."termId" = t.id
    LEFT JOIN listed ON listed.id = st."serviceId"
    GROUP BY t.id, t.name, t."sortOrder"
    ORDER BY t."sortOrder", t.name`;
  return rows.map((r) => ({
    termId: r.termId,
    theme: r.theme,
    open: num(r.open),
    waitingList: num(r.waiting),
    full: num(r.full),
  }));
}
