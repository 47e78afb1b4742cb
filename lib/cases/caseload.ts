import 'server-only';
import type { SessionUser } from '@/lib/auth/types';
import { recordPeopleListed, type AuditActor } from '@/lib/audit/record';
import { Prisma, type Tx } from '@/lib/db/client';
import type { CaseStatus, Rag } from '@/lib/db/generated/client';
import { calendarDaysBetween, londonToday } from '@/lib/format/dates';
import { referenceMatches } from '@/lib/references';
import { pageOf, requestedPage, type PageOf } from '@/lib/paging/pages';

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
};

export type CaseloadFilters = {
  /** Mine (assigned to me) or the whole team's open cases. */
  scope?: 'mine' | 'team';
  /** Which part of the list: everything, follow-ups due or overdue, waiting for first contact. */
  show?: 'all' | 'due' | 'waiting';
  rag?: Rag | null;
  /** A name or a case reference. */
  q?: string;
  /** The page of "other open cases" (the rest are short and shown in full). */
  page?: number;
};

export const caseloadShows = ['all', 'due', 'waiting'] as const;

/** Reads the caseload filters from the page's URL; anything unknown falls back to the default. */
export function parseCaseloadFilters(query: Record<string, string | string[] | undefined>): Required<CaseloadFilters> {
  const one = (k: string) => {
    const v = query[k];
    return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
  };
  const scope = one('scope') === 'team' ? 'team' : 'mine';
  const show = (caseloadShows as readonly string[]).includes(one('show'))
    ? (one('show') as CaseloadFilters['show'] & string)
    : 'all';
  const rag = ['red', 'amber', 'green'].includes(one('rag')) ? (one('rag') as Rag) : null;
  return { scope, show, rag, q: one('q').trim().slice(0, 100), page: requestedPage(query.page) };
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
 * to them; with `scope: 'team'`, every assigned open case of their team.
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
  // One statement: the open cases with the person's name, the worker's name and the next follow-up
  // (kept on the case from its latest conversation in force).
  const where: Prisma.Sql[] = [
    scope === 'team'
      ? sql`c."teamId" = ${user.teamId!}::uuid AND c."assignedWorkerId" IS NOT NULL`
      : sql`c."assignedWorkerId" = ${user.id}::uuid`,
    sql`c.status <> 'closed' AND c."closedAt" IS NULL`,
  ];
  if (filters.rag) where.push(sql`c.rag = ${filters.rag}::"Rag"`);
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
    }>
  >`
    SELECT c.id, c."personId", c.reference, c.status::text AS status, c.rag::text AS rag, c."receivedAt", c."firstContactAt",
           p.name AS "personName", w.name AS "workerName", c."nextFollowUpOn"
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
    };
  });

  const byFollowUp = (a: CaseloadItem, b: CaseloadItem) =>
    (a.nextFollowUpOn?.getTime() ?? Infinity) - (b.nextFollowUpOn?.getTime() ?? Infinity) ||
    a.receivedAt.getTime() - b.receivedAt.getTime();

  const show = filters.show ?? 'all';
  const due = show === 'waiting' ? [] : items.filter((i) => i.followUp === 'overdue' || i.followUp === 'today').sort(byFollowUp);
  const awaitingFirstContact = show === 'due' ? [] : items.filter((i) => !due.includes(i) && i.firstContactAt === null);
  const allOthers = show === 'all' ? items.filter((i) => !due.includes(i) && i.firstContactAt !== null).sort(byFollowUp) : [];
  const othersPage = pageOf(allOthers.length, filters.page ?? 1);
  return {
    due,
    awaitingFirstContact,
    others: allOthers.slice(othersPage.offset, othersPage.offset + othersPage.size),
    othersPage,
    total: due.length + awaitingFirstContact.length + allOthers.length,
  };
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
