import type { Tx } from '@/lib/db/client';

/** The middle of the borough's listed places, for a map with nothing else to centre on. */
export async function mapCentre(db: Tx): Promise<[number, number] | null> {
  const rows = await db.$queryRaw<Array<{ lat: number | null; lng: number | null }>>`
    SELECT avg(l."latitude")::float8 AS lat, avg(l."longitude")::float8 AS lng
    FROM "Location" l WHERE l."latitude" IS NOT NULL AND l."longitude" IS NOT NULL`;
  const r = rows[0];
  return r && r.lat !== null && r.lng !== null ? [r.lat, r.lng] : null;
}
