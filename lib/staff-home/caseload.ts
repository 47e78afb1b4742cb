import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { CaseStatus, Rag } from '@/lib/db/generated/client';
import { calendarDaysBetween, londonToday } from '@/lib/format/dates';

export type CaseloadItem = {
  id: string;
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
};

export const caseloadShows = ['all', 'due', 'waiting'] as const;

/** Reads the caseload filters from the page's URL; anything unknown falls back to the default. */
export function parseCaseloadFilters(query: Record<string, string | string[] | undefined>): Required<CaseloadFilters> {
  const one = (k: string) => {
    const v = query[k];
    return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
  };
  const scope = one('scope') === 'team' ? 'team' : 'mine';
  const show = (caseloadShows as readonly string[]).includes(one('show')) ? (one('show') as CaseloadFilters['show'] & string) : 'all';
  const rag = ['red', 'amber', 'green'].includes(one('rag')) ? (one('rag') as Rag) : null;
  return { scope, show, rag, q: one('q').trim().slice(0, 100) };
}

export type Caseload = {
  /** Follow-ups due today or overdue, most overdue first. */
  due: CaseloadItem[];
  /** No first contact yet, longest waiting first. */
  awaitingFirstContact: CaseloadItem[];
  /** Everything else, next follow-up first. */
  others: CaseloadItem[];
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
  const cases = await db.case.findMany({
    where: {
      ...(scope === 'team' ? { teamId: user.teamId!, assignedWorkerId: { not: null } } : { assignedWorkerId: user.id }),
      status: { not: 'closed' },
      closedAt: null,
      ...(filters.rag ? { rag: filters.rag } : {}),
      ...(q ? { OR: [{ reference: { equals: q, mode: 'insensitive' as const } }, { person: { name: { contains: q, mode: 'insensitive' as const } } }] } : {}),
    },
    orderBy: [{ receivedAt: 'asc' }, { reference: 'asc' }],
    select: {
      id: true,
      reference: true,
      status: true,
      rag: true,
      receivedAt: true,
      firstContactAt: true,
      person: { select: { name: true } },
      assignedWorker: { select: { name: true } },
      conversations: {
        where: { supersededBy: { is: null } },
        orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
        take: 1,
        select: { nextFollowUpOn: true },
      },
    },
  });

  const items: CaseloadItem[] = cases.map((c) => {
    const next = c.conversations[0]?.nextFollowUpOn ?? null;
    const followUp: CaseloadItem['followUp'] =
      next === null ? 'none' : next.getTime() < today.getTime() ? 'overdue' : next.getTime() === today.getTime() ? 'today' : 'later';
    return {
      id: c.id,
      reference: c.reference,
      personName: c.person.name,
      status: c.status,
      rag: c.rag,
      receivedAt: c.receivedAt,
      firstContactAt: c.firstContactAt,
      nextFollowUpOn: next,
      followUp,
      daysWaiting: calendarDaysBetween(c.receivedAt, now),
      workerName: c.assignedWorker?.name ?? null,
    };
  });

  const byFollowUp = (a: CaseloadItem, b: CaseloadItem) =>
    (a.nextFollowUpOn?.getTime() ?? Infinity) - (b.nextFollowUpOn?.getTime() ?? Infinity) || a.receivedAt.getTime() - b.receivedAt.getTime();

  const show = filters.show ?? 'all';
  const due = show === 'waiting' ? [] : items.filter((i) => i.followUp === 'overdue' || i.followUp === 'today').sort(byFollowUp);
  const awaitingFirstContact = show === 'due' ? [] : items.filter((i) => !due.includes(i) && i.firstContactAt === null);
  const others = show === 'all' ? items.filter((i) => !due.includes(i) && i.firstContactAt !== null).sort(byFollowUp) : [];
  return { due, awaitingFirstContact, others, total: due.length + awaitingFirstContact.length + others.length };
}
