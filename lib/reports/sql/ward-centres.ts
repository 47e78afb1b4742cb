import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, wardCondition } from './fragments';

export type WardCentre = { wardId: string; latitude: number; longitude: number; postcodes: number };

/**
 * Where to put each ward on the map: the mean latitude and longitude of the postcodes in its
 * areas (wards hold no shapes). A postcode with no area belongs to no ward; a ward with no
 * postcodes has no row, so it cannot be placed. One grouped pass over the postcode table, which
 * holds a few thousand rows for a borough.
 */
export async function wardCentres(db: Tx, f: Pick<ReportFilter, 'wardId'>): Promise<WardCentre[]> {
  const rows = await db.$queryRaw<{ wardId: string; latitude: number; longitude: number; postcodes: bigint }[]>`
    SELECT a."wardId", avg(p.latitude) AS latitude, avg(p.longitude) AS longitude, count(*) AS postcodes
    FROM "Postcode" p JOIN "Area" a ON a.id = p."areaId"
    WHERE TRUE ${wardCondition('a."wardId"', f.wardId)}
    GROUP BY a."wardId"`;
  return rows.map((r) => ({
    wardId: r.wardId,
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    postcodes: num(r.postcodes),
  }));
}
