import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, numOrNull, wardCondition } from './fragments';

export const CONTACT_BANDS = [
  { key: '0', label: 'None' },
  { key: '1', label: '1' },
  { key: '2-5', label: '2 to 5' },
  { key: '6-12', label: '6 to 12' },
  { key: '13+', label: '13 or more' },
] as const;

/** Conversations (corrections counted once) per case closed in the period: the median and how many cases fall in each band. */
export async function contactsPerCase(
  db: Tx,
  f: ReportFilter,
): Promise<{ n: number; median: number | null; bands: Record<string, number> }> {
  const rows = await db.$queryRaw<
    { n: bigint; median: number | null; b0: bigint; b1: bigint; b2: bigint; b6: bigint; b13: bigint }[]
  >`
    SELECT count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY cf.conversations) AS median,
           count(*) FILTER (WHERE cf.conversations = 0) AS b0, count(*) FILTER (WHERE cf.conversations = 1) AS b1,
           count(*) FILTER (WHERE cf.conversations BETWEEN 2 AND 5) AS b2, count(*) FILTER (WHERE cf.conversations BETWEEN 6 AND 12) AS b6,
           count(*) FILTER (WHERE cf.conversations >= 13) AS b13
    FROM "ReportCaseFact" cf
    WHERE cf."closedAt" >= ${f.from} AND cf."closedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}`;
  const r = rows[0];
  return {
    n: num(r.n),
    median: numOrNull(r.median),
    bands: { '0': num(r.b0), '1': num(r.b1), '2-5': num(r.b2), '6-12': num(r.b6), '13+': num(r.b13) },
  };
}
