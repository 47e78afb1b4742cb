// The open data's queries. Which listings: the public search's own rule (lib/directory/listed.ts:
// published, running, checked recently enough) and, stricter than search, only groups a
// coordinator approved — open data is copied on, out of our hands (docs/decisions/0022).
// A page costs the same few queries whatever its size: the ids, then each nested table once.
import 'server-only';
import { Prisma, type Tx } from '@/lib/db/client';
import { inSearchSql } from '@/lib/directory/listed';
import { searchServices, type SearchQuery } from '@/lib/directory/search';
import { metresToMiles } from '@/lib/geo/distance';
import type { SourceService, SourceTerm } from './map';

const sql = Prisma.sql;

export type ServiceFilters = {
  text: string;
  termId: string | null;
  taxonomyId: string | null;
  modifiedAfter: Date | null;
  minimumAge: number | null;
  maximumAge: number | null;
  place: { latitude: number; longitude: number } | null;
  proximityMetres: number | null;
};

export const noFilters: ServiceFilters = {
  text: '',
  termId: null,
  taxonomyId: null,
  modifiedAfter: null,
  minimumAge: null,
  maximumAge: null,
  place: null,
  proximityMetres: null,
};

export type Rules = { now: Date; hideAfterMonths: number };

/** Conditions on service `s` and organisation `o`: listed, and what the request asked for. */
function conditions(rules: Rules, f: ServiceFilters, withListed = true): Prisma.Sql[] {
  const out = withListed ? inSearchSql(rules.now, rules.hideAfterMonths) : [];
  out.push(sql`o."status" = 'approved'`);
  if (f.termId) {
    out.push(sql`EXISTS (SELECT 1 FROM "ServiceTaxonomy" st WHERE st."serviceId" = s."id" AND st."termId" = ${f.termId}::uuid)`);
  }
  if (f.taxonomyId) {
    out.push(sql`EXISTS (SELECT 1 FROM "ServiceTaxonomy" st JOIN "TaxonomyTerm" t ON t."id" = st."termId"
      WHERE st."serviceId" = s."id" AND t."taxonomyId" = ${f.taxonomyId}::uuid)`);
  }
  if (f.modifiedAfter) out.push(sql`s."updatedAt" >= ${f.modifiedAfter}`);
  // The standard's words: a minimum age of at least this, a maximum age of at most this.
  if (f.minimumAge !== null) out.push(sql`s."minimumAge" >= ${f.minimumAge}::int`);
  if (f.maximumAge !== null) out.push(sql`s."maximumAge" <= ${f.maximumAge}::int`);
  return out;
}

export type IdPage = { total: number; ids: string[] };

/**
 * One page of service ids. Words or a place go through the directory's own search (relevance, or
 * distance from the place); otherwise the listing is ordered by id, so paging is stable and cheap.
 */
export async function serviceIds(db: Tx, rules: Rules, f: ServiceFilters, page: number, perPage: number): Promise<IdPage> {
  if (f.text || f.place) {
    const q: SearchQuery = {
      q: f.text,
      needs: [],
      origin: f.place,
      radiusMiles: f.place && f.proximityMetres !== null ? metresToMiles(f.proximityMetres) : null,
      age: null,
      free: false,
      days: [],
      times: [],
      access: [],
      modes: [],
      selfRefer: false,
      hasSpace: false,
      openToday: false,
      sort: f.text ? 'relevance' : 'distance',
      page,
      pageSize: perPage,
      now: rules.now,
      hideAfterMonths: rules.hideAfterMonths,
      extra: conditions(rules, f, false),
    };
    const found = await searchServices(db, q);
    return { total: found.total, ids: found.rows.map((r) => r.id) };
  }
  const where = Prisma.join(conditions(rules, f), ' AND ');
  const [count, rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Service" s JOIN "Organisation" o ON o."id" = s."organisationId" WHERE ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT s."id" FROM "Service" s JOIN "Organisation" o ON o."id" = s."organisationId"
      WHERE ${where} ORDER BY s."id" LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
  ]);
  return { total: Number(count[0]?.n ?? 0), ids: rows.map((r) => r.id) };
}

/** Is this service in the open data? */
export async function isPublished(db: Tx, rules: Rules, id: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Service" s JOIN "Organisation" o ON o."id" = s."organisationId"
    WHERE s."id" = ${id}::uuid AND ${Prisma.join(conditions(rules, noFilters), ' AND ')}`;
  return rows.length > 0;
}

const serviceSelect = {
  id: true,
  name: true,
  description: true,
  url: true,
  email: true,
  phone: true,
  contactName: true,
  status: true,
  minimumAge: true,
  maximumAge: true,
  isFree: true,
  costDescription: true,
  languages: true,
  alert: true,
  assuredAt: true,
  assurerEmail: true,
  updatedAt: true,
  organisation: {
    select: {
      id: true,
      name: true,
      description: true,
      website: true,
      email: true,
      charityNumber: true,
      companyNumber: true,
    },
  },
  schedules: {
    select: {
      id: true,
      serviceId: true,
      serviceAtLocationId: true,
      freq: true,
      interval: true,
      byDay: true,
      byMonthDay: true,
      rrule: true,
      dtstart: true,
      validFrom: true,
      validTo: true,
      opensAt: true,
      closesAt: true,
      description: true,
      notes: true,
    },
    orderBy: { id: 'asc' },
  },
  locations: {
    select: {
      id: true,
      location: {
        select: {
          id: true,
          name: true,
          description: true,
          address1: true,
          address2: true,
          city: true,
          postcode: true,
          latitude: true,
          longitude: true,
          accessibility: true,
        },
      },
    },
    orderBy: { id: 'asc' },
  },
  taxonomyTerms: {
    select: { term: { select: termSelect() } },
    orderBy: { termId: 'asc' },
  },
} satisfies Prisma.ServiceSelect;

function termSelect() {
  return {
    id: true,
    code: true,
    name: true,
    description: true,
    parentId: true,
    externalUri: true,
    taxonomy: { select: { id: true, name: true } },
  } satisfies Prisma.TaxonomyTermSelect;
}

/** The services with every nested table, in the order of `ids` (ids must already be checked as published). */
export async function loadServices(db: Tx, ids: string[]): Promise<SourceService[]> {
  if (ids.length === 0) return [];
  const rows = await db.service.findMany({ where: { id: { in: ids } }, select: serviceSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { taxonomyTerms, ...rest } = r;
    return [{ ...rest, terms: taxonomyTerms.map((t) => t.term) }];
  });
}

export type SalRow = { id: string; serviceId: string; locationId: string };

/** One page of service-at-location rows: nearest first from a place, otherwise by id. */
export async function serviceAtLocationIds(
  db: Tx,
  rules: Rules,
  f: ServiceFilters,
  page: number,
  perPage: number,
): Promise<{ total: number; rows: SalRow[] }> {
  const where = conditions(rules, f);
  const point = f.place ? sql`ll_to_earth(${f.place.latitude}::float8, ${f.place.longitude}::float8)` : null;
  const distance = point ? sql`earth_distance(${point}, ll_to_earth(l."latitude", l."longitude"))` : null;
  if (point && distance) {
    where.push(sql`l."latitude" IS NOT NULL AND l."longitude" IS NOT NULL`);
    if (f.proximityMetres !== null) {
      // The same index-backed test as the directory search's radius.
      where.push(sql`earth_box(${point}, ${f.proximityMetres}::float8) @> ll_to_earth(l."latitude", l."longitude")`);
      where.push(sql`${distance} <= ${f.proximityMetres}::float8`);
    }
  }
  const from = sql`"ServiceAtLocation" sal
    JOIN "Service" s ON s."id" = sal."serviceId"
    JOIN "Organisation" o ON o."id" = s."organisationId"
    JOIN "Location" l ON l."id" = sal."locationId"`;
  const cond = Prisma.join(where, ' AND ');
  const order = distance ? sql`${distance}, sal."id"` : sql`sal."id"`;
  const [count, rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${from} WHERE ${cond}`,
    db.$queryRaw<SalRow[]>`
      SELECT sal."id", sal."serviceId", sal."locationId" FROM ${from}
      WHERE ${cond} ORDER BY ${order} LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
  ]);
  return { total: Number(count[0]?.n ?? 0), rows };
}

export async function taxonomies(db: Tx, page: number, perPage: number, id?: string) {
  const where = id ? { id } : {};
  const [total, rows] = await Promise.all([
    db.taxonomy.count({ where }),
    db.taxonomy.findMany({ where, orderBy: { id: 'asc' }, skip: (page - 1) * perPage, take: perPage }),
  ]);
  return { total, rows };
}

export async function taxonomyTerms(
  db: Tx,
  page: number,
  perPage: number,
  id?: string,
): Promise<{ total: number; rows: SourceTerm[] }> {
  const where = id ? { id } : {};
  const [total, rows] = await Promise.all([
    db.taxonomyTerm.count({ where }),
    db.taxonomyTerm.findMany({ where, select: termSelect(), orderBy: { id: 'asc' }, skip: (page - 1) * perPage, take: perPage }),
  ]);
  return { total, rows };
}

/**
 * What every response depends on, in one cheap query (no body is built): the published services'
 * count and latest change, the latest change of any group or place, and the themes. With the
 * request and the London date (times carry the day's UTC offset), it makes the ETag.
 */
export async function fingerprint(db: Tx, rules: Rules): Promise<string> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT count(*)::int AS n, max(s."updatedAt") AS s,
      (SELECT max("updatedAt") FROM "Organisation") AS o,
      (SELECT max("updatedAt") FROM "Location") AS l,
      (SELECT count(*)::int FROM "TaxonomyTerm") AS t,
      (SELECT count(*)::int FROM "Taxonomy") AS x
    FROM "Service" s JOIN "Organisation" o ON o."id" = s."organisationId"
    WHERE ${Prisma.join(conditions(rules, noFilters), ' AND ')}`;
  const r = rows[0] ?? {};
  return [r.n, r.s, r.o, r.l, r.t, r.x].map((v) => (v instanceof Date ? v.toISOString() : String(v))).join('|');
}

/** Every published service id, in id order, a batch at a time (the downloads). */
export async function* allServiceIds(db: Tx, rules: Rules, batch = 200): AsyncGenerator<string[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  const where = Prisma.join(conditions(rules, noFilters), ' AND ');
  for (;;) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT s."id" FROM "Service" s JOIN "Organisation" o ON o."id" = s."organisationId"
      WHERE ${where} AND s."id" > ${after}::uuid ORDER BY s."id" LIMIT ${batch}`;
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1]!.id;
    if (rows.length < batch) return;
  }
}
