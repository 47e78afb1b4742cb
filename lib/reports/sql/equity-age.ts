import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

export const AGE_BANDS = ['Under 18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'] as const;

/**
 * Cases received in the period by the person's age band when the case was received: from the
 * date of birth when known, otherwise the age band recorded; '' when neither is.
 */
export async function equityAge(db: Tx, f: ReportFilter): Promise<{ band: string; n: number }[]> {
  const rows = await db.$queryRaw<{ band: string; n: bigint }[]>`
    SELECT cf."ageBand" AS band, count(*) AS n
    FROM "ReportCaseFact" cf
    WHERE cf."receivedAt" >= ${f.from} AND cf."receivedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}
    GROUP BY 1`;
  return rows.map((r) => ({ band: r.band, n: num(r.n) }));
}
