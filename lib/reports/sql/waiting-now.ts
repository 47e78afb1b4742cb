import type { Tx } from '@/lib/db/client';
import { londonDateKey } from '@/lib/format/dates';
import { asAt, type ReportFilter } from '../filter';
import { londonDate, num, wardCondition } from './fragments';

export const WAIT_BANDS = [
  { key: '0-6', label: 'Under 1 week (0 to 6 days)', min: 0 },
  { key: '7-13', label: '1 to 2 weeks (7 to 13 days)', min: 7 },
  { key: '14-27', label: '2 to 4 weeks (14 to 27 days)', min: 14 },
  { key: '28-55', label: '4 to 8 weeks (28 to 55 days)', min: 28 },
  { key: '56+', label: '8 weeks or more (56 days or more)', min: 56 },
] as const;

/**
 * Open cases with no first contact at the end of the period (or now, if sooner), by calendar days
 * waited so far (from the London date received to the London date of that day).
 */
export async function waitingNow(db: Tx, f: ReportFilter): Promise<{ band: string; n: number }[]> {
  const at = asAt(f);
  const dayKey = londonDateKey(at < f.to ? at : new Date(f.to.getTime() - 1));
  const rows = await db.$queryRaw<{ band: string; n: bigint }[]>`
    SELECT CASE WHEN d < 7 THEN '0-6' WHEN d < 14 THEN '7-13' WHEN d < 28 THEN '14-27' WHEN d < 56 THEN '28-55' ELSE '56+' END AS band,
           count(*) AS n
    FROM (
      SELECT ${dayKey}::date - ${londonDate('cf."receivedAt"')} AS d
      FROM "ReportCaseFact" cf
      WHERE cf."receivedAt" < ${at}
        AND (cf."closedAt" IS NULL OR cf."closedAt" >= ${at})
        AND (cf."firstContactAt" IS NULL OR cf."firstContactAt" >= ${at})
        ${wardCondition('cf."wardId"', f.wardId)}
    ) w
    GROUP BY 1`;
  return rows.map((r) => ({ band: r.band, n: num(r.n) }));
}
