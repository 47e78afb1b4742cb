// Each link worker's load, for deciding who takes a referral: open cases, and follow-ups due
// (today or overdue; the case keeps the date from its latest conversation in force).
import type { Tx } from '@/lib/db/client';
import { londonToday } from '@/lib/format/dates';

export type WorkerLoad = { id: string; name: string; openCases: number; followUpsDue: number };

/** The team's active link workers, by name, with their open caseloads and follow-ups due on `now`'s London date. */
export async function teamWorkerLoads(tx: Tx, teamId: string, now: Date = new Date()): Promise<WorkerLoad[]> {
  const today = londonToday(now);
  const rows = await tx.$queryRaw<Array<{ id: string; name: string; open: number; due: number }>>`
    SELECT u.id, u.name,
           count(c.id)::int AS open,
           count(c.id) FILTER (WHERE c."nextFollowUpOn" <= ${today}::date)::int AS due
    FROM "User" u
    LEFT JOIN "Case" c
      ON c."assignedWorkerId" = u.id AND c.status <> 'closed' AND c."closedAt" IS NULL
    WHERE u."teamId" = ${teamId}::uuid AND u.role = 'link_worker' AND u.active
    GROUP BY u.id, u.name
    ORDER BY u.name ASC, u.id ASC`;
  return rows.map((r) => ({ id: r.id, name: r.name, openCases: Number(r.open), followUpsDue: Number(r.due) }));
}
