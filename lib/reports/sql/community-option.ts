import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/**
 * Cases closed in the period, and how many of them had at least one referral out that reached
 * attending or completed (before the end of the period).
 */
export async function communityOption(db: Tx, f: ReportFilter): Promise<{ closed: number; taken: number }> {
  const rows = await db.$queryRaw<{ closed: bigint; taken: bigint }[]>`
    SELECT count(*) AS closed, count(*) FILTER (WHERE least(cf."attendingAt", cf."completedAt") < ${f.to}) AS taken
    FROM "ReportCaseFact" cf
    WHERE cf."closedAt" >= ${f.from} AND cf."closedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}`;
  return { closed: num(rows[0].closed), taken: num(rows[0].taken) };
}
