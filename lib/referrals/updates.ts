// What providers and the system did to a worker's referrals (answers, declines, attendance,
// reminders sent, expiries), so an answer is not lost among fifty cases. A link worker sees those
// on the cases assigned to them, a coordinator those on the team's cases; each person marks each
// one read (or all at once), and the caseload shows how many are unread.
import 'server-only';
import type { SessionUser } from '@/lib/auth/types';
import { recordPeopleListed } from '@/lib/audit/record';
import { Prisma, type Tx } from '@/lib/db/client';
import type { ReferralStatus } from '@/lib/db/generated/enums';
import { pageOf, type PageOf } from '@/lib/paging/pages';

const sql = Prisma.sql;

/** How far back the list looks: older answers were seen on the case long ago, or are on it still. */
export const UPDATES_WINDOW_DAYS = 30;

/** The statuses that are news to the worker: the provider's answers and the system's expiry. */
export const newsStatuses = [
  'accepted',
  'waitlisted',
  'declined',
  'attending',
  'did_not_attend',
  'completed',
  'expired',
] as const satisfies readonly ReferralStatus[];

export type ReferralUpdate = {
  /** "event:<id>" or "reminder:<referral id>:<ms>": what a read mark names. */
  key: string;
  at: Date;
  kind: (typeof newsStatuses)[number] | 'reminder';
  /** The decline reason (a DeclineReason), when declined. */
  reason: string | null;
  /** By whom: the provider (signed in or by the e-mail link), a worker for them, or the system. */
  by: 'provider' | 'answer_link' | 'worker' | 'system';
  caseId: string;
  reference: string;
  personId: string;
  personName: string;
  referralId: string;
  serviceName: string;
  workerName: string | null;
  read: boolean;
};

type Who = Pick<SessionUser, 'id' | 'role' | 'teamId'>;

/** The cases whose updates this person follows: their own, or their team's for a coordinator. */
function scopeOf(user: Who): Prisma.Sql | null {
  if (user.role === 'link_worker') return sql`c."assignedWorkerId" = ${user.id}::uuid`;
  if (user.role === 'coordinator' && user.teamId) return sql`c."teamId" = ${user.teamId}::uuid`;
  return null;
}

/** The updates in scope since the window began, as one statement (read or not). */
function updatesSql(user: Who, scope: Prisma.Sql, since: Date): Prisma.Sql {
  return sql`
    WITH scoped AS (SELECT c.id, c.reference, c."personId", c."assignedWorkerId" FROM "Case" c WHERE ${scope}),
    raw AS (
      SELECT 'event:' || e.id::text AS key, e."createdAt" AS at, e."toStatus"::text AS kind, e.reason,
             CASE WHEN e."actorKind" = 'worker' THEN 'worker' ELSE e."actorKind"::text END AS by, r.id AS "referralId", r."serviceId", s.*
      FROM scoped s
      JOIN "Referral" r ON r."caseId" = s.id
      JOIN "ReferralEvent" e ON e."referralId" = r.id
      WHERE e."createdAt" >= ${since}
        AND e."toStatus" IN (${Prisma.join(newsStatuses.map((x) => sql`${x}::"ReferralStatus"`))})
        AND e."actorId" IS DISTINCT FROM ${user.id}::uuid
      UNION ALL
      SELECT 'reminder:' || r.id::text || ':' || floor(extract(epoch FROM r."reminderSentAt") * 1000)::bigint::text,
             r."reminderSentAt", 'reminder', NULL, 'system', r.id, r."serviceId", s.*
      FROM scoped s
      JOIN "Referral" r ON r."caseId" = s.id
      WHERE r."reminderSentAt" >= ${since}
    )
    SELECT u.key, u.at, u.kind, u.reason, u.by, u.id AS "caseId", u.reference, u."personId", p.name AS "personName",
           u."referralId", sv.name AS "serviceName", w.name AS "workerName", (rd.key IS NOT NULL) AS read
    FROM raw u
    JOIN "Person" p ON p.id = u."personId"
    JOIN "Service" sv ON sv.id = u."serviceId"
    LEFT JOIN "User" w ON w.id = u."assignedWorkerId"
    LEFT JOIN "ReferralUpdateRead" rd ON rd."userId" = ${user.id}::uuid AND rd.key = u.key`;
}

const windowStart = (now: Date) => new Date(now.getTime() - UPDATES_WINDOW_DAYS * 86_400_000);

/** How many updates this person has not marked read (for the caseload's count). */
export async function unreadUpdateCount(tx: Tx, user: Who, now: Date = new Date()): Promise<number> {
  const scope = scopeOf(user);
  if (!scope) return 0;
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (${updatesSql(user, scope, windowStart(now))}) x WHERE NOT x.read`;
  return Number(row?.n ?? 0);
}

export type UpdatesPage = { updates: ReferralUpdate[]; page: PageOf; unread: number };

/**
 * One page of updates, unread first then newest first (`show: 'all'`), or only the unread. The
 * names on the page are recorded as seen.
 */
export async function referralUpdates(
  tx: Tx,
  user: Who,
  options: { show?: 'unread' | 'all'; page?: number; now?: Date } = {},
): Promise<UpdatesPage> {
  const now = options.now ?? new Date();
  const scope = scopeOf(user);
  if (!scope) return { updates: [], page: pageOf(0, 1), unread: 0 };
  const rows = await tx.$queryRaw<ReferralUpdate[]>`
    SELECT * FROM (${updatesSql(user, scope, windowStart(now))}) x
    ORDER BY x.read ASC, x.at DESC, x.key ASC`;
  const unread = rows.filter((r) => !r.read).length;
  const listed = options.show === 'all' ? rows : rows.filter((r) => !r.read);
  const page = pageOf(listed.length, options.page ?? 1);
  const updates = listed.slice(page.offset, page.offset + page.size);
  await recordPeopleListed(
    tx,
    { id: user.id, role: user.role },
    'referral_updates.listed',
    updates.map((u) => ({ personId: u.personId, entityType: 'case', entityId: u.caseId })),
    now,
  );
  return { updates, page, unread };
}

const KEY = /^(event:[0-9a-f-]{36}|reminder:[0-9a-f-]{36}:\d{1,15})$/i;

export function isUpdateKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

/** Marks one update read for this person (again is harmless). */
export async function markUpdateRead(tx: Tx, user: Who, key: string, now: Date = new Date()): Promise<boolean> {
  if (!isUpdateKey(key)) return false;
  await tx.referralUpdateRead.createMany({ data: [{ userId: user.id, key, readAt: now }], skipDuplicates: true });
  return true;
}

/**
 * Marks read every unread update in scope that happened by `upTo` (when the page was drawn), so
 * an answer that arrived since is not marked read unseen.
 */
export async function markAllUpdatesRead(tx: Tx, user: Who, upTo: Date, now: Date = new Date()): Promise<number> {
  const scope = scopeOf(user);
  if (!scope) return 0;
  return tx.$executeRaw`
    INSERT INTO "ReferralUpdateRead" ("userId", key, "readAt")
    SELECT ${user.id}::uuid, x.key, ${now}::timestamp(3)
    FROM (${updatesSql(user, scope, windowStart(now))}) x
    WHERE NOT x.read AND x.at <= ${upTo}::timestamp(3)
    ON CONFLICT DO NOTHING`;
}
