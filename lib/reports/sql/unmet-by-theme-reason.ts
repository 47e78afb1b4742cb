import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

export type UnmetByThemeReasonRow = { termId: string; theme: string; reason: string; n: number };

/** Recorded unmet need in the period, by need theme and reason. The ward is the item's own, or its area's. */
export async function unmetByThemeReason(db: Tx, f: ReportFilter): Promise<UnmetByThemeReasonRow[]> {
  const rows = await db.$queryRaw<{ termId: string; theme: string; reason: string; n: bigint }[]>`
    SELECT t.id AS "termId", t.name AS theme, u.reason::text AS reason, count(*) AS n
    FROM "UnmetNeed" u
    JOIN "TaxonomyTerm" t ON t.id = u."termId"
    LEFT JOIN "Area" a ON a.id = u."areaId"
    WHERE u."recordedAt" >= ${f.from} AND u."recordedAt" < ${f.to}
      ${wardCondition('coalesce(u."wardId", a."wardId")', f.wardId)}
    GROUP BY t.id, t.name, u.reason`;
  return rows.map((r) => ({ ...r, n: num(r.n) }));
}
