// Finding a case by its reference however it was written down: spaced, hyphenated, any case, in
// today's shape ("EB-F9Q6-7JJX", lib/intake/reference.ts) or one given out before ("EB-26-02426").
// Its own capability, so the intake (which makes references) and casework (which finds them) both
// use it without depending on each other.
import { Prisma } from '@/lib/db/generated/client';

/** What two ways of writing one reference share: its letters and digits, upper case ("eb-4k7p 9qx3" -> "EB4K7P9QX3"). */
export function referenceKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * SQL that is true when the reference column matches what someone typed, compared by letters and
 * digits only. The expression is indexed (migration 20261203300000_casework_fixes).
 */
export function referenceMatches(column: Prisma.Sql, typed: string): Prisma.Sql {
  return Prisma.sql`regexp_replace(upper(${column}), '[^A-Z0-9]', '', 'g') = ${referenceKey(typed)}`;
}
