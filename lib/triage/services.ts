// Services a coordinator can suggest when signposting: those matching a name search, or, with no
// search, those listed under the referral's needs. Only listings in public search and running
// (not temporarily closed), so nobody is sent to a group that has stopped or gone stale; nearest
// the person first when their postcode is known.
import { config } from '@/lib/config';
import { Prisma, type Tx } from '@/lib/db/client';
import { inSearchSql } from '@/lib/directory/listed';
import { geocoderFor } from '@/lib/geo/geocoder';
import { normalisePostcode } from '@/lib/geo/postcode';

const sql = Prisma.sql;

export type SignpostCandidate = {
  id: string;
  name: string;
  organisationName: string;
  capacity: 'open' | 'waiting_list' | 'full';
  /** Metres from the person's postcode to the nearest place it runs; null without either. */
  distanceMetres: number | null;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The conditions every suggestion meets: in search today, and running. */
export function signpostableSql(now: Date): Prisma.Sql {
  return Prisma.join([...inSearchSql(now, config.freshness.hideAfterMonths), sql`s."status" = 'active'`], ' AND ');
}

export async function signpostCandidates(
  tx: Tx,
  options: {
    query?: string;
    needTermIds?: readonly string[];
    limit?: number;
    /** The person's postcode, as a point: nearest first. Without it the order is by need and name. */
    origin?: { latitude: number; longitude: number } | null;
    now?: Date;
  },
): Promise<{ candidates: SignpostCandidate[]; basis: 'search' | 'needs' | 'none' }> {
  const limit = Math.min(Math.max(options.limit ?? 15, 1), 50);
  const query = (options.query ?? '').trim().slice(0, 100);
  const termIds = options.needTermIds ?? [];
  const basis = query ? 'search' : termIds.length ? 'needs' : 'none';
  if (basis === 'none') return { candidates: [], basis };
  const now = options.now ?? new Date();
  const origin = options.origin ?? null;

  const where: Prisma.Sql[] = [signpostableSql(now)];
  if (query) {
    const words = query.split(/\s+/).filter(Boolean).slice(0, 5);
    for (const w of words) {
      const like = `%${escapeLike(w)}%`;
      where.push(sql`(s.name ILIKE ${like} OR o.name ILIKE ${like})`);
    }
  }
  // With needs: services covering more of them first, then those with space.
  const needsMatched = query
    ? sql`0`
    : sql`(SELECT count(*) FROM "ServiceTaxonomy" st WHERE st."serviceId" = s.id AND st."termId" = ANY(${[...termIds]}::uuid[]))`;
  if (!query) where.push(sql`${needsMatched} > 0`);
  const distance = origin
    ? sql`(SELECT min(earth_distance(ll_to_earth(${origin.latitude}::float8, ${origin.longitude}::float8), ll_to_earth(l.latitude, l.longitude)))
           FROM "ServiceAtLocation" sal JOIN "Location" l ON l.id = sal."locationId"
           WHERE sal."serviceId" = s.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL)`
    : sql`NULL::float8`;
  const order = query ? sql`s.name ASC, s.id ASC` : sql`matched DESC, (s."capacityStatus" = 'open') DESC, s.name ASC, s.id ASC`;

  const rows = await tx.$queryRaw<
    Array<{
      id: string;
      name: string;
      organisationName: string;
      capacity: SignpostCandidate['capacity'];
      distance: number | null;
    }>
  >`
    SELECT s.id, s.name, o.name AS "organisationName", s."capacityStatus"::text AS capacity, ${distance} AS distance, ${needsMatched} AS matched
    FROM "Service" s
    JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${origin ? sql`distance ASC NULLS LAST, ` : sql``}${order}
    LIMIT ${limit}`;
  return {
    candidates: rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisationName: r.organisationName,
      capacity: r.capacity,
      distanceMetres: r.distance === null ? null : Number(r.distance),
    })),
    basis,
  };
}

/** Where the person lives, as a point to measure from: their postcode looked up; null without one. */
export async function originOf(tx: Tx, postcode: string | null): Promise<{ latitude: number; longitude: number } | null> {
  const normalised = postcode ? normalisePostcode(postcode) : null;
  if (!normalised) return null;
  const place = await geocoderFor(tx).postcode(normalised);
  return place ? { latitude: place.latitude, longitude: place.longitude } : null;
}
