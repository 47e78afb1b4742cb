import type { Tx } from '@/lib/db/client';
import { asAt, type ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

export type WaitingListRow = { theme: string; added: number; stillWaiting: number };

/**
 * Referrals out put on a provider's waiting list in the period, and those still on one at the end
 * of the period (or now, if sooner: put on it before then, with no status change since), per need
 * theme of the service. A service with two themes counts under both; the row with theme '' counts
 * every referral once.
 */
export async function waitingLists(db: Tx, f: ReportFilter): Promise<WaitingListRow[]> {
  const at = asAt(f);
  const rows = await db.$queryRaw<{ theme: string | null; added: bigint; still: bigint }[]>`
    WITH marked AS (
      SELECT ws."referralId", ws."serviceId",
             bool_or(ws."startAt" >= ${f.from} AND ws."startAt" < ${f.to}) AS added,
             bool_or(ws."startAt" < ${at} AND (ws."endAt" IS NULL OR ws."endAt" >= ${at})) AS still
      FROM "ReportWaitSpan" ws
      WHERE ws."startAt" < ${f.to} AND (ws."startAt" >= ${f.from} OR ws."endAt" IS NULL OR ws."endAt" >= ${at})
        ${wardCondition('ws."wardId"', f.wardId)}
      GROUP BY ws."referralId", ws."serviceId"
    )
    SELECT t.name AS theme, count(*) FILTER (WHERE m.added) AS added, count(*) FILTER (WHERE m.still) AS still
    FROM marked m JOIN "ServiceTaxonomy" st ON st."serviceId" = m."serviceId" JOIN "TaxonomyTerm" t ON t.id = st."termId"
    GROUP BY t.name
    UNION ALL
    SELECT NULL, count(*) FILTER (WHERE m.added), count(*) FILTER (WHERE m.still) FROM marked m
    ORDER BY 1 NULLS FIRST`;
  return rows.map((r) => ({ theme: r.theme ?? '', added: num(r.added), stillWaiting: num(r.still) }));
}
