import 'server-only';
import type { SessionUser } from '@/lib/auth/types';
import { recordPeopleListed, type AuditActor } from '@/lib/audit/record';
import { Prisma, type Tx } from '@/lib/db/client';
import type { CaseStatus, Rag } from '@/lib/db/generated/client';
import { calendarDaysBetween, londonToday } from '@/lib/format/dates';
import { isUuid } from '@/lib/forms';
import { referenceMatches } from '@/lib/references';
import { pageOf, requestedPage, type PageOf } from '@/lib/paging/pages';
import { attemptsInARowSql } from './contact-attempts';

const sql = Prisma.sql;

/** A LIKE pattern that matches the text literally (backslash is PostgreSQL's default escape). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export type CaseloadItem = {
  id: string;
  /** The person the case is about (for the audit of who saw their name listed). */
  personId: string;
  reference: string;
  personName: string;
  status: CaseStatus;
  rag: Rag | null;
  receivedAt: Date;
  firstContactAt: Date | null;
  /** From the latest conversation that has not been corrected; a calendar date (UTC midnight). */
  nextFollowUpOn: Date | null;
  followUp: 'overdue' | 'today' | 'later' | 'none';
  daysWaiting: number;
  workerName: string | null;
  /** Tries to reach the person since the latest conversation (or reopening). */
  attempts: number;
};

export const caseloadStatuses = ['all', 'waiting', 'active'] as const;
export const caseloadFollowUps = ['any', 'due', 'week', 'none'] as const;

export type CaseloadFilters = {
  /** Mine (assigned to me) or the whole team's open cases. */
  scope?: 'mine' | 'team';
  /** In the team's caseload: one worker's cases. */
  worker?: string | null;
  /** Waiting for first contact, or contacted (active). */
  status?: (typeof caseloadStatuses)[number];
  /** Follow-ups due today or overdue, due within a week (or overdue), or none set. */
  followUp?: (typeof caseloadFollowUps)[number];
  rag?: Rag | null;
  /** A name or a case reference. */
  q?: string;
  /** The page of "other open cases" (the rest are short and shown in full). */
  page?: number;
};

/**
 * Reads the caseload filters from the page's URL; anything unknown falls back to the default. A
 * coordinator's caseload is their team's unless they ask for their own. The older `show=due` and
 * `show=waiting` addresses still work.
 */
export function parseCaseloadFilters(
  query: Record<string, string | string[] | undefined>,
  role: SessionUser['role'] = 'link_worker',
): Required<CaseloadFilters> {
  const one = (k: string) => {
    const v = query[k];
    return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
  };
  const scope =
    one('scope') === 'team' || one('scope') === 'mine'
      ? (one('scope') as 'team' | 'mine')
      : role === 'coordinator'
        ? 'team'
        : 'mine';
  const pick = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
    (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  const status = pick(one('status') || (one('show') === 'waiting' ? 'waiting' : ''), caseloadStatuses, 'all');
  const followUp = pick(one('followUp') || (one('show') === 'due' ? 'due' : ''), caseloadFollowUps, 'any');
  const rag = ['red', 'amber', 'green'].includes(one('rag')) ? (one('rag') as Rag) : null;
  const worker = scope === 'team' && isUuid(one('worker')) ? one('worker') : null;
  return { scope, worker, status, followUp, rag, q: one('q').trim().slice(0, 100), page: requestedPage(query.page) };
}

export type Caseload = {
  /** Follow-ups due today or overdue, most overdue first. */
  due: CaseloadItem[];
  /** No first contact yet, longest waiting first. */
  awaitingFirstContact: CaseloadItem[];
  /** Everything else, next follow-up first: one page of them. */
  others: CaseloadItem[];
  othersPage: PageOf;
  total: number;
};

/** Whose cases a caseload with these filters shows: the team's only for someone in a team. */
export function caseloadScope(user: Partial<Pick<SessionUser, 'teamId'>>, filters: CaseloadFilters): 'mine' | 'team' {
  return filters.scope === 'team' && user.teamId ? 'team' : 'mine';
}

/**
 * A link worker's open cases, ordered the way the day's work goes: by default only cases assigned
 * to them; with `scope: 'team'`, every assigned open case of their team (or one worker's).
 */
export async function myCaseload(
  db: Tx,
  user: Pick<SessionUser, 'id'> & Partial<Pick<SessionUser, 'teamId'>>,
  now: Date = new Date(),
  filters: CaseloadFilters = {},
): Promise<Caseload> {
  const today = londonToday(now);
  const scope = caseloadScope(user, filters);
  const q = filters.q?.trim();
  // One statement: the open cases with the person's name, the worker's name, the next follow-up
  // (kept on the case from its latest conversation in force) and the tries to reach them.
  const where: Prisma.Sql[] = [
    scope === 'team'
      ? sql`c."teamId" = ${user.teamId!}::uuid AND c."assignedWorkerId" IS NOT NULL`
      : sql`c."assignedWorkerId" = ${user.id}::uuid`,
    sql`c.status <> 'closed' AND c."closedAt" IS NULL`,
  ];
  if (scope === 'team' && filters.worker) where.push(sql`c."assignedWorkerId" = ${filters.worker}::uuid`);
  if (filters.rag) where.push(sql`c.rag = ${filters.rag}::"Rag"`);
  if (filters.status === 'waiting') where.push(sql`c."firstContactAt" IS NULL`);
  if (filters.status === 'active') where.push(sql`c."firstContactAt" IS NOT NULL`);
  if (filters.followUp === 'due') where.push(sql`c."nextFollowUpOn" <= ${today}::date`);
  if (filters.followUp === 'week') where.push(sql`c."nextFollowUpOn" <= ${today}::date + 7`);
  if (filters.followUp === 'none') where.push(sql`c."nextFollowUpOn" IS NULL`);
  if (q) where.push(sql`(${referenceMatches(sql`c.reference`, q)} OR p.name ILIKE ${`%${escapeLike(q)}%`})`);
  const cases = await db.$queryRaw<
    Array<{
      id: string;
      reference: string;
      status: CaseStatus;
      rag: Rag | null;
      receivedAt: Date;
      firstContactAt: Date | null;
      personId: string;
      personName: string;
      workerName: string | null;
      nextFollowUpOn: Date | null;
      attempts: number;
    }>
  >`
    SELECT c.id, c."personId", c.reference, c.status::text AS status, c.rag::text AS rag, c."receivedAt", c."firstContactAt",
           p.name AS "personName", w.name AS "workerName", c."nextFollowUpOn", ${attemptsInARowSql(sql`c.id`)} AS attempts
    FROM "Case" c
    JOIN "Person" p ON p.id = c."personId"
    LEFT JOIN "User" w ON w.id = c."assignedWorkerId"
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY c."receivedAt" ASC, c.reference ASC`;

  const items: CaseloadItem[] = cases.map((c) => {
    const next = c.nextFollowUpOn;
    const followUp: CaseloadItem['followUp'] =
      next === null
        ? 'none'
        : next.getTime() < today.getTime()
          ? 'overdue'
          : next.getTime() === today.getTime()
            ? 'today'
            : 'later';
    return {
      id: c.id,
      personId: c.personId,
      reference: c.reference,
      personName: c.personName,
      status: c.status,
      rag: c.rag,
      receivedAt: c.receivedAt,
      firstContactAt: c.firstContactAt,
      nextFollowUpOn: next,
      followUp,
      daysWaiting: calendarDaysBetween(c.receivedAt, now),
      workerName: c.workerName,
      attempts: Number(c.attempts),
    };
  });

  const byFollowUp = (a: CaseloadItem, b: CaseloadItem) =>
    (a.nextFollowUpOn?.getTime() ?? Infinity) - (b.nextFollowUpOn?.getTime() ?? Infinity) ||
    a.receivedAt.getTime() - b.receivedAt.getTime();

  const due = items.filter((i) => i.followUp === 'overdue' || i.followUp === 'today').sort(byFollowUp);
  const awaitingFirstContact = items.filter((i) => !due.includes(i) && i.firstContactAt === null);
  const allOthers = items.filter((i) => !due.includes(i) && i.firstContactAt !== null).sort(byFollowUp);
  const othersPage = pageOf(allOthers.length, filters.page ?? 1);
  return {
    due,
    awaitingFirstContact,
    others: allOthers.slice(othersPage.offset, othersPage.offset + othersPage.size),
    othersPage,
    total: items.length,
  };
}

export type WorkerCaseload = {
  id: string;
  name: string;
  active: boolean;
  openCases: number;
  waiting: number;
  followUpsDue: number;
  /** Cases they hold that were open at some time in the last 12 months (the standard is 200 to 250 a year). */
  lastYear: number;
};

/**
 * Each link worker's caseload in the team (and anyone else holding open cases, such as a leaver
 * whose account is off), by name: open, waiting, follow-ups due, and cases in the last 12 months.
 */
export async function teamCaseloads(db: Tx, teamId: string, now: Date = new Date()): Promise<WorkerCaseload[]> {
  const today = londonToday(now);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const rows = await db.$queryRaw<
    Array<{ id: string; name: string; active: boolean; open: number; waiting: number; due: number; year: number }>
  >`
    SELECT u.id, u.name, u.active,
           count(c.id) FILTER (WHERE c."closedAt" IS NULL AND c.status <> 'closed')::int AS open,
           count(c.id) FILTER (WHERE c."closedAt" IS NULL AND c.status <> 'closed' AND c."firstContactAt" IS NULL)::int AS waiting,
           count(c.id) FILTER (WHERE c."closedAt" IS NULL AND c.status <> 'closed' AND c."nextFollowUpOn" <= ${today}::date)::int AS due,
           count(c.id) FILTER (WHERE c."closedAt" IS NULL OR c."closedAt" >= ${yearAgo})::int AS year
    FROM "User" u
    LEFT JOIN "Case" c ON c."assignedWorkerId" = u.id AND c."teamId" = ${teamId}::uuid
    WHERE u."teamId" = ${teamId}::uuid OR c.id IS NOT NULL
    GROUP BY u.id, u.name, u.active, u.role
    HAVING (u.role = 'link_worker' AND u.active AND u."teamId" = ${teamId}::uuid)
        OR count(c.id) FILTER (WHERE c."closedAt" IS NULL AND c.status <> 'closed') > 0
    ORDER BY u.name ASC, u.id ASC`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    active: r.active,
    openCases: Number(r.open),
    waiting: Number(r.waiting),
    followUpsDue: Number(r.due),
    lastYear: Number(r.year),
  }));
}

/** Records, per person, that the caseload page showed these names (the lines on the page only). */
export async function recordCaseloadShown(tx: Tx, actor: AuditActor, caseload: Caseload, at: Date = new Date()): Promise<void> {
  const shown = [...caseload.due, ...caseload.awaitingFirstContact, ...caseload.others];
  await recordPeopleListed(
    tx,
    actor,
    'caseload.listed',
    shown.map((i) => ({ personId: i.personId, entityType: 'case', entityId: i.id })),
    at,
  );
}
