// Pieces of SQL the report queries share. Column names are fixed strings here, never input; every
// value (dates, ward) goes in as a parameter through Prisma's tagged templates.
import 'server-only';
import { Prisma } from '@/lib/db/client';

/** A UTC timestamp column as its Europe/London calendar date. */
export function londonDate(column: string): Prisma.Sql {
  return Prisma.raw(`((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date`);
}

/** A UTC timestamp column as its Europe/London month, "YYYY-MM". */
export function londonMonth(column: string): Prisma.Sql {
  return Prisma.raw(`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM')`);
}

/** `AND <column> = ward` when a ward is chosen, nothing otherwise. */
export function wardCondition(column: string, wardId: string | null | undefined): Prisma.Sql {
  return wardId ? Prisma.sql`AND ${Prisma.raw(column)} = ${wardId}::uuid` : Prisma.empty;
}

/** bigint and numeric come back from PostgreSQL as bigint/Decimal: numbers for the reports. */
export function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  return Number(v);
}

export function numOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return Number(v);
}
