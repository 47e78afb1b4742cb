// Finding a person's case, open or closed, among the cases the user's team holds: by name,
// reference, postcode or date of birth (a returning person's earlier case can then be reopened).
// The list names people, so each one shown is recorded (`case.search_listed`).
import 'server-only';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit, recordPeopleListed } from '@/lib/audit/record';
import { Prisma, type Tx } from '@/lib/db/client';
import type { CaseOutcome, CaseStatus } from '@/lib/db/generated/enums';
import { isDateKey } from '@/lib/forms';
import { normalisePostcode } from '@/lib/geo/postcode';
import { referenceMatches } from '@/lib/references';

const sql = Prisma.sql;
export const FIND_LIMIT = 50;

export type FindQuery = { q: string; dob: string };

export type FoundCase = {
  id: string;
  personId: string;
  reference: string;
  personName: string;
  dateOfBirth: Date | null;
  ageBand: string | null;
  postcode: string | null;
  status: CaseStatus;
  receivedAt: Date;
  closedAt: Date | null;
  outcome: CaseOutcome | null;
  workerName: string | null;
};

export type FindResult =
  | { kind: 'empty' }
  | { kind: 'invalid'; field: 'q' | 'dob'; message: string }
  | { kind: 'found'; cases: FoundCase[]; more: boolean };

/** Reads the search from the page's address. */
export function parseFindQuery(query: Record<string, string | string[] | undefined>): FindQuery {
  const one = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).trim() : '');
  return { q: one('q').slice(0, 100), dob: one('dob') };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Cases of the user's team matching the search, newest first, with the people listed recorded. */
export async function findCases(tx: Tx, user: SessionUser, query: FindQuery, now: Date = new Date()): Promise<FindResult> {
  if (!user.teamId || (user.role !== 'link_worker' && user.role !== 'coordinator')) return { kind: 'empty' };
  if (!query.q && !query.dob) return { kind: 'empty' };
  if (query.q && query.q.length < 2) return { kind: 'invalid', field: 'q', message: 'Enter at least 2 characters' };
  if (query.dob && !isDateKey(query.dob))
    return { kind: 'invalid', field: 'dob', message: 'Enter a real date of birth, for example 27 March 1958' };

  const where: Prisma.Sql[] = [sql`c."teamId" = ${user.teamId}::uuid`, sql`p."anonymisedAt" IS NULL`];
  if (query.q) {
    const postcode = normalisePostcode(query.q);
    where.push(
      postcode
        ? sql`p.postcode = ${postcode}`
        : sql`(${referenceMatches(sql`c.reference`, query.q)} OR p.name ILIKE ${`%${escapeLike(query.q)}%`})`,
    );
  }
  if (query.dob) where.push(sql`p."dateOfBirth" = ${query.dob}::date`);
  const rows = await tx.$queryRaw<FoundCase[]>`
    SELECT c.id, c."personId", c.reference, p.name AS "personName", p."dateOfBirth", p."ageBand", p.postcode,
           c.status::text AS status, c."receivedAt", c."closedAt", c.outcome::text AS outcome, w.name AS "workerName"
    FROM "Case" c
    JOIN "Person" p ON p.id = c."personId"
    LEFT JOIN "User" w ON w.id = c."assignedWorkerId"
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY c."receivedAt" DESC, c.reference ASC
    LIMIT ${FIND_LIMIT + 1}`;
  const cases = rows.slice(0, FIND_LIMIT);
  await recordAudit(tx, {
    actor: user,
    action: 'case.searched',
    entityType: 'case',
    detail: { by: [query.q ? 'words' : null, query.dob ? 'date_of_birth' : null].filter(Boolean), results: cases.length },
    at: now,
  });
  await recordPeopleListed(
    tx,
    user,
    'case.search_listed',
    cases.map((c) => ({ personId: c.personId, entityType: 'case', entityId: c.id })),
    now,
  );
  return { kind: 'found', cases, more: rows.length > FIND_LIMIT };
}
