import type { Tx } from '@/lib/db/client';
import { asAt, type ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

/**
 * Engagement. An assigned case is counted once, on the day it closes or the day it reaches 90 days
 * from assignment, whichever comes first; it counts here if that moment falls in the period (and
 * has come). It engaged if it had at least one conversation after triage, up to that moment.
 */
export async function engagement(db: Tx, f: ReportFilter): Promise<{ counted: number; engaged: number }> {
  const at = asAt(f);
  const rows = await db.$queryRaw<{ counted: bigint; engaged: bigint }[]>`
    SELECT count(*) AS counted, count(*) FILTER (WHERE d."firstAfterTriageAt" <= d.counted_at) AS engaged
    FROM (
      SELECT cf."firstAfterTriageAt",
             least(coalesce(cf."closedAt", 'infinity'::timestamp), cf."assignedAt" + interval '90 days') AS counted_at
      FROM "ReportCaseFact" cf
      WHERE cf."assignedAt" IS NOT NULL AND cf."assignedAt" < ${f.to}
        ${wardCondition('cf."wardId"', f.wardId)}
    ) d
    WHERE d.counted_at >= ${f.from} AND d.counted_at < ${f.to} AND d.counted_at <= ${at}`;
  return { counted: num(rows[0].counted), engaged: num(rows[0].engaged) };
}
