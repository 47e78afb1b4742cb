import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/** Cases received in the period by the person's recorded ethnic group ('' when not recorded, 'declined' when they chose not to say). */
export async function equityEthnicity(db: Tx, f: ReportFilter): Promise<{ ethnicity: string; n: number }[]> {
  const rows = await db.$queryRaw<{ ethnicity: string; n: bigint }[]>`
    SELECT cf.ethnicity, count(*) AS n
    FROM "ReportCaseFact" cf
    WHERE cf."receivedAt" >= ${f.from} AND cf."receivedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}
    GROUP BY 1`;
  return rows.map((r) => ({ ethnicity: r.ethnicity, n: num(r.n) }));
}
