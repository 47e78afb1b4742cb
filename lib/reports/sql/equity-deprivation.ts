import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

export type DeprivationRow = {
  quintile: number | null;
  population: number;
  received: number;
  closed: number;
  communityOption: number;
};

/**
 * Per IMD quintile of the person's area (quintile = decile halved, rounded up; 1 = most deprived):
 * the population of the areas, cases received in the period, cases closed in the period, and of
 * those how many took a community option (a referral out reached attending or completed).
 * quintile null: cases whose person has no known area.
 */
export async function equityDeprivation(db: Tx, f: ReportFilter): Promise<DeprivationRow[]> {
  const rows = await db.$queryRaw<
    { quintile: number | null; population: bigint | null; received: bigint; closed: bigint; taken: bigint }[]
  >`
    WITH pop AS (
      SELECT ((a."imdDecile" + 1) / 2) AS quintile, sum(a.population) AS population
      FROM "Area" a WHERE TRUE ${wardCondition('a."wardId"', f.wardId)}
      GROUP BY 1
    ), counted AS (
      SELECT cf.quintile,
             count(*) FILTER (WHERE cf."receivedAt" >= ${f.from} AND cf."receivedAt" < ${f.to}) AS received,
             count(*) FILTER (WHERE cf."closedAt" >= ${f.from} AND cf."closedAt" < ${f.to}) AS closed,
             count(*) FILTER (WHERE cf."closedAt" >= ${f.from} AND cf."closedAt" < ${f.to} AND least(cf."attendingAt", cf."completedAt") < ${f.to}) AS taken
      FROM "ReportCaseFact" cf
      WHERE ((cf."receivedAt" >= ${f.from} AND cf."receivedAt" < ${f.to}) OR (cf."closedAt" >= ${f.from} AND cf."closedAt" < ${f.to}))
        ${wardCondition('cf."wardId"', f.wardId)}
      GROUP BY cf.quintile
    )
    SELECT coalesce(pop.quintile, counted.quintile) AS quintile, pop.population,
           coalesce(counted.received, 0) AS received, coalesce(counted.closed, 0) AS closed, coalesce(counted.taken, 0) AS taken
    FROM pop FULL JOIN counted ON counted.quintile = pop.quintile
    ORDER BY 1 NULLS LAST`;
  return rows.map((r) => ({
    quintile: r.quintile === null ? null : Number(r.quintile),
    population: num(r.population),
    received: num(r.received),
    closed: num(r.closed),
    communityOption: num(r.taken),
  }));
}
