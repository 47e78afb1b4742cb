import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/**
 * Cases triaged in the period, and how many of them were closed (before the end of the period)
 * with the outcome "signposted at first contact".
 */
export async function resolvedAtFirstContact(db: Tx, f: ReportFilter): Promise<{ triaged: number; resolved: number }> {
  const rows = await db.$queryRaw<{ triaged: bigint; resolved: bigint }[]>`
    SELECT count(*) AS triaged,
           count(*) FILTER (WHERE cf.outcome = 'signposted_first_contact' AND cf."closedAt" < ${f.to}) AS resolved
    FROM "ReportCaseFact" cf
    WHERE cf."triagedAt" >= ${f.from} AND cf."triagedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}`;
  return { triaged: num(rows[0].triaged), resolved: num(rows[0].resolved) };
}
