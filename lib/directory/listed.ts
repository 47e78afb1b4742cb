// What "in search" means, in one place: a listing the public search shows today. The search and the
// signposting suggestions both use it, so a listing that leaves search leaves both.
import { subMonths } from 'date-fns';
import { Prisma } from '@/lib/db/client';

/**
 * Conditions on a service `s` and its organisation `o`: published, running (or temporarily closed,
 * which search shows with a note), checked within `hideAfterMonths`, and the group not rejected.
 */
export function inSearchSql(now: Date, hideAfterMonths: number): Prisma.Sql[] {
  return [
    Prisma.sql`s."published"`,
    Prisma.sql`s."status" IN ('active', 'temporarily_closed')`,
    Prisma.sql`coalesce(s."assuredAt", s."createdAt") >= ${subMonths(now, hideAfterMonths)}`,
    Prisma.sql`o."status" <> 'rejected'`,
  ];
}
