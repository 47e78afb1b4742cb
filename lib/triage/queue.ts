import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import { Prisma, type Tx } from '@/lib/db/client';
import type { CaseSource, Rag } from '@/lib/db/generated/client';
import { calendarDaysBetween, londonDateKey, londonMidnight } from '@/lib/format/dates';
import { LIST_PAGE_SIZE, pageOf, type PageOf } from '@/lib/paging/pages';
import { dueDate } from '@/lib/triage/targets';
import { teamWorkerLoads, type WorkerLoad } from '@/lib/cases/workers';
import { attemptsInARowSql } from '@/lib/cases/contact-attempts';
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
  /** Tries to reach the person so far. */
  attempts: number;
};

export const triageSorts = ['priority', 'due', 'oldest'] as const;
export type TriageSort = (typeof triageSorts)[number];
export const triageDueFilters = ['any', 'today', 'over'] as const;
export type TriageDueFilter = (typeof triageDueFilters)[number];
export type TriageRagFilter = Rag | 'none' | null;

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
      /** Those matching the filters (all waiting when there are none). */
      matching: number;
      workers: WorkerLoad[];
    };

export type TriageOptions = {
  now?: Date;
  /** 1-based page of the queue to list, clamped to the last; the counts cover the whole queue. */
  page?: number;
  pageSize?: number;
  targets?: { red: number; amber: number; green: number };
  holidays?: readonly string[];
  /** Default 'priority': red first (then the unrated, held to the red target), then by first contact due. */
  sort?: TriageSort;
  rag?: TriageRagFilter;
  /** First contact due today or over target, or over target only. */
  due?: TriageDueFilter;
};

/**
 * Target in working days for a referral's rating. An unrated referral is held to the red target:
 * until someone has read it, it may be urgent.
 */
export function targetFor(rag: Rag | null, targets: { red: number; amber: number; green: number }): number {
  return targets[rag ?? 'red'];
}

/** Red first, then the unrated (they may be urgent), then the rest. */
const priorityRank = (rag: Rag | null) => (rag === 'red' ? 0 : rag === null ? 1 : 2);

const compare: Record<TriageSort, (a: TriageItem, b: TriageItem) => number> = {
  oldest: (a, b) =>
    a.receivedAt.getTime() - b.receivedAt.getTime() || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  due: (a, b) => a.dueBy.getTime() - b.dueBy.getTime() || compare.oldest(a, b),
  priority: (a, b) => priorityRank(a.rag) - priorityRank(b.rag) || compare.due(a, b),
};

/** Sorts and filters the waiting referrals as the coordinator asked. Pure. */
export function arrangeQueue(
  items: readonly TriageItem[],
  options: { sort?: TriageSort; rag?: TriageRagFilter; due?: TriageDueFilter; today: Date },
): TriageItem[] {
  const todayMs = options.today.getTime();
  return items
    .filter((i) => !options.rag || (options.rag === 'none' ? i.rag === null : i.rag === options.rag))
    .filter((i) => {
      if (options.due === 'over') return i.overTarget;
      if (options.due === 'today') return i.overTarget || i.dueBy.getTime() <= todayMs;
      return true;
    })
    .sort(compare[options.sort ?? 'priority']);
}

/**
 * The coordinator's queue: their team's referrals that are new or rated but not yet assigned,
 * in the order asked (red first by default), a page at a time, with the waiting clock, target,
 * needs and tries to contact; and the team's link workers with their open caseloads and follow-ups due.
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

  // Three statements at once (outside a transaction each takes its own connection): the team, its
  // whole queue (for the order and the counts), and its link workers' loads; then the needs of the
  // page shown.
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
        attempts: number;
      }>
    >`
      SELECT c.id, c.reference, c."receivedAt", c.source::text AS source, c.rag::text AS rag, c.status::text AS status,
             ${attemptsInARowSql(Prisma.sql`c.id`)} AS attempts
      FROM "Case" c
      WHERE c."teamId" = ${teamId}::uuid AND c."closedAt" IS NULL
        AND (c.status = 'received' OR (c.status = 'triaged' AND c."assignedWorkerId" IS NULL))`,
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
      needs: [],
      attempts: Number(c.attempts),
    };
  });

  const arranged = arrangeQueue(all, {
    sort: options.sort,
    rag: options.rag,
    due: options.due,
    today: londonMidnight(londonDateKey(now)),
  });
  const paging = pageOf(arranged.length, options.page ?? 1, size);
  const items = arranged.slice(paging.offset, paging.offset + paging.size);
  const needs = items.length
    ? await db.$queryRaw<Array<{ caseId: string; name: string }>>`
        SELECT n."caseId", t.name
        FROM "CaseNeed" n JOIN "TaxonomyTerm" t ON t.id = n."termId"
        WHERE n."caseId" = ANY(${items.map((i) => i.id)}::uuid[])
        ORDER BY t."sortOrder" ASC, t.name ASC`
    : [];
  for (const item of items) item.needs = needs.filter((n) => n.caseId === item.id).map((n) => n.name);

  return {
    kind: 'team',
    teamName: team.name,
    items,
    paging,
    waiting: all.length,
    overTarget: all.filter((item) => item.overTarget).length,
    matching: arranged.length,
    workers,
  };
}
