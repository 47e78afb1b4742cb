import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import type { CaseSource, Rag } from '@/lib/db/generated/client';
import { calendarDaysBetween } from '@/lib/format/dates';
import { LIST_PAGE_SIZE, pageOf, type PageOf } from '@/lib/paging/pages';
import { dueDate } from '@/lib/triage/targets';
import { teamWorkerLoads, type WorkerLoad } from '@/lib/triage/workers';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, workingDaysBetween } from '@/lib/calendar/working-days';

export type { WorkerLoad };

export type TriageItem = {
  id: string;
  reference: string;
  receivedAt: Date;
  source: CaseSource;
  rag: Rag | null;
  /** 'received': not rated yet; 'triaged': rated but nobody assigned. */
  stage: 'received' | 'triaged';
  daysWaiting: number;
  workingDaysWaiting: number;
  targetWorkingDays: number;
  /** The London day first contact is due by, for the rating (red when unrated). */
  dueBy: Date;
  overTarget: boolean;
  /** Needs themes named in the referral, in the taxonomy's order. */
  needs: string[];
};

export type TriageHome =
  | { kind: 'no-team' }
  | {
      kind: 'team';
      teamName: string;
      /** The page of the queue shown. */
      items: TriageItem[];
      paging: PageOf;
      /** All waiting, which may be more than the items shown. */
      waiting: number;
      overTarget: number;
      workers: WorkerLoad[];
    };

export type TriageOptions = {
  now?: Date;
  /** 1-based page of the queue to list, clamped to the last; the counts cover the whole queue. */
  page?: number;
  pageSize?: number;
  targets?: { red: number; amber: number; green: number };
  holidays?: readonly string[];
};

/**
 * Target in working days for a referral's rating. An unrated referral is held to the red target:
 * until someone has read it, it may be urgent.
 */
export function targetFor(rag: Rag | null, targets: { red: number; amber: number; green: number }): number {
  return targets[rag ?? 'red'];
}

/**
 * The coordinator's queue: their team's referrals that are new or rated but not yet assigned,
 * oldest first, a page at a time, with the waiting clock, target and needs; and the team's link
 * workers with their open caseloads and follow-ups due.
 */
export async function triageHome(
  db: Tx,
  user: Pick<SessionUser, 'id' | 'teamId'>,
  options: TriageOptions = {},
): Promise<TriageHome> {
  if (!user.teamId) return { kind: 'no-team' };
  const now = options.now ?? new Date();
  const targets = options.targets ?? config.triageTargetWorkingDays;
  const holidays = options.holidays ?? ENGLAND_AND_WALES_BANK_HOLIDAYS;
  const teamId = user.teamId;

  const size = Math.max(1, Math.floor(options.pageSize ?? LIST_PAGE_SIZE));
  // Within PostgreSQL's int: any page that far out is past the end, so the last page anyway.
  const requested = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), 2_147_483_647);

  // Three statements at once (outside a transaction each takes its own connection): the team, its
  // queue, and its link workers' loads. The queue lists every waiting referral's date and rating
  // (for the counts) but the needs of only the page shown.
  const [team, cases, workers] = await Promise.all([
    db.$queryRaw<Array<{ name: string }>>`SELECT name FROM "Team" WHERE id = ${teamId}::uuid`.then((rows) => rows[0] ?? null),
    db.$queryRaw<
      Array<{
        id: string;
        reference: string;
        receivedAt: Date;
        source: CaseSource;
        rag: Rag | null;
        status: 'received' | 'triaged';
        needs: Array<{ name: string; sortOrder: number }> | null;
      }>
    >`
      WITH queue AS (
        SELECT c.id, c.reference, c."receivedAt", c.source, c.rag, c.status,
               row_number() OVER (ORDER BY c."receivedAt" ASC, c.reference ASC) AS position
        FROM "Case" c
        WHERE c."teamId" = ${teamId}::uuid AND c."closedAt" IS NULL
          AND (c.status = 'received' OR (c.status = 'triaged' AND c."assignedWorkerId" IS NULL))
      ),
      -- Positions before the page, clamped to the last page as pageOf does below.
      shown AS (
        SELECT (least(${requested}::int, greatest(1, ceil(count(*)::numeric / ${size}::int)::int)) - 1) * ${size}::int AS skipped
        FROM queue
      )
      SELECT q.id, q.reference, q."receivedAt", q.source::text AS source, q.rag::text AS rag, q.status::text AS status,
             CASE WHEN q.position > s.skipped AND q.position <= s.skipped + ${size}::int THEN (
               SELECT coalesce(json_agg(json_build_object('name', t.name, 'sortOrder', t."sortOrder")), '[]'::json)
               FROM "CaseNeed" n JOIN "TaxonomyTerm" t ON t.id = n."termId"
               WHERE n."caseId" = q.id
             ) END AS needs
      FROM queue q CROSS JOIN shown s
      ORDER BY q.position`,
    teamWorkerLoads(db, teamId, now),
  ]);
  if (!team) return { kind: 'no-team' };

  const all: TriageItem[] = cases.map((c) => {
    const workingDaysWaiting = workingDaysBetween(c.receivedAt, now, holidays);
    const targetWorkingDays = targetFor(c.rag, targets);
    return {
      id: c.id,
      reference: c.reference,
      receivedAt: c.receivedAt,
      source: c.source,
      rag: c.rag,
      stage: c.status === 'received' ? 'received' : 'triaged',
      daysWaiting: calendarDaysBetween(c.receivedAt, now),
      workingDaysWaiting,
      targetWorkingDays,
      dueBy: dueDate(c.receivedAt, c.rag, targets, holidays),
      overTarget: workingDaysWaiting > targetWorkingDays,
      needs: (c.needs ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name)).map((t) => t.name),
    };
  });

  const paging = pageOf(all.length, requested, size);
  return {
    kind: 'team',
    teamName: team.name,
    items: all.slice(paging.offset, paging.offset + paging.size),
    paging,
    waiting: all.length,
    overTarget: all.filter((item) => item.overTarget).length,
    workers,
  };
}
