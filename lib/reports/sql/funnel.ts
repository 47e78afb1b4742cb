import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

export type FunnelCounts = {
  received: number;
  triaged: number;
  firstContact: number;
  referredOut: number;
  accepted: number;
  attending: number;
  completed: number;
  closed: number;
};

/**
 * The cases received in the period, and how many of them reached each stage before the end of the
 * period: triaged, a first conversation, a referral out sent, a referral accepted (or taken
 * straight from a waiting list to attending), attending, completed, and the case closed.
 */
export async function funnel(db: Tx, f: ReportFilter): Promise<FunnelCounts> {
  const rows = await db.$queryRaw<Record<keyof FunnelCounts, bigint>[]>`
    SELECT count(*) AS received,
           count(*) FILTER (WHERE cf."triagedAt" < ${f.to}) AS triaged,
           count(*) FILTER (WHERE cf."firstContactAt" < ${f.to}) AS "firstContact",
           count(*) FILTER (WHERE cf."sentAt" < ${f.to}) AS "referredOut",
           count(*) FILTER (WHERE cf."acceptedAt" < ${f.to}) AS accepted,
           count(*) FILTER (WHERE cf."attendingAt" < ${f.to}) AS attending,
           count(*) FILTER (WHERE cf."completedAt" < ${f.to}) AS completed,
           count(*) FILTER (WHERE cf."closedAt" < ${f.to}) AS closed
    FROM "ReportCaseFact" cf
    WHERE cf."receivedAt" >= ${f.from} AND cf."receivedAt" < ${f.to}
      ${wardCondition('cf."wardId"', f.wardId)}`;
  const r = rows[0];
  return {
    received: num(r.received),
    triaged: num(r.triaged),
    firstContact: num(r.firstContact),
    referredOut: num(r.referredOut),
    accepted: num(r.accepted),
    attending: num(r.attending),
    completed: num(r.completed),
    closed: num(r.closed),
  };
}
