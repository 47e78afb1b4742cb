import 'server-only';
import type { Tx } from '@/lib/db/client';
import { Prisma } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num } from './fragments';

/** Referrals out that a provider declined in the period (the date of the decline), by reason. */
export async function declinedByReason(db: Tx, f: ReportFilter): Promise<{ reason: string; n: number }[]> {
  const inWard = f.wardId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Case" c JOIN "Person" p ON p.id = c."personId" JOIN "Area" a ON a.id = p."areaId"
                             WHERE c.id = r."caseId" AND a."wardId" = ${f.wardId}::uuid)`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ reason: string; n: bigint }[]>`
    SELECT coalesce(r."declineReason"::text, 'other') AS reason, count(DISTINCT r.id) AS n
    FROM "ReferralEvent" e
    JOIN "Referral" r ON r.id = e."referralId"
    WHERE e."toStatus" = 'declined' AND e."createdAt" >= ${f.from} AND e."createdAt" < ${f.to}
      ${inWard}
    GROUP BY 1`;
  return rows.map((r) => ({ reason: r.reason, n: num(r.n) }));
}
