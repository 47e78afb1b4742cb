import type { Tx } from '@/lib/db/client';
import { londonDateKey, londonMidnight, shiftDateKey } from '@/lib/format/dates';
import type { ReportFilter } from '../filter';
import { num } from './fragments';

export type Freshness = { listed: number; within6: number; within12: number; never: number };

/**
 * Listed services today (published and running) and how many were checked ("still accurate") in
 * the last 6 and 12 months, counted from today's London date; never checked counted apart.
 */
export async function freshness(db: Tx, f: ReportFilter): Promise<Freshness> {
  const today = londonDateKey(f.now ?? new Date());
  const six = londonMidnight(shiftDateKey(today, { months: -6 }));
  const twelve = londonMidnight(shiftDateKey(today, { months: -12 }));
  const rows = await db.$queryRaw<{ listed: bigint; within6: bigint; within12: bigint; never: bigint }[]>`
    SELECT count(*) AS listed,
           count(*) FILTER (WHERE s."assuredAt" >= ${six}) AS within6,
           count(*) FILTER (WHERE s."assuredAt" >= ${twelve}) AS within12,
           count(*) FILTER (WHERE s."assuredAt" IS NULL) AS never
    FROM "Service" s
    WHERE s.published AND s.status = 'active'
      AND (${f.wardId ?? null}::uuid IS NULL OR EXISTS (
        SELECT 1 FROM "ServiceAtLocation" sal JOIN "Location" l ON l.id = sal."locationId" JOIN "Area" a ON a.id = l."areaId"
        WHERE sal."serviceId" = s.id AND a."wardId" = ${f.wardId ?? null}::uuid))`;
  const r = rows[0];
  return { listed: num(r.listed), within6: num(r.within6), within12: num(r.within12), never: num(r.never) };
}
