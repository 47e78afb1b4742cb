import type { Tx } from '@/lib/db/client';
import { geocoderFor, type Geocoder, type PlaceMatch } from './geocoder';
import { compact, EXAMPLE_POSTCODE, parsePostcode, postcodeMessages } from './postcode';

export type ResolvedPlace = { ok: true; place: PlaceMatch; notice?: string } | { ok: false; error: string; suggestion?: string };

/**
 * Turns what a person typed into a point: a full postcode, a postcode district ("EB1") or a
 * ward's name. An unknown full postcode falls back to its district and says so.
 */
export async function resolvePlace(db: Tx, input: string, geocoder: Geocoder = geocoderFor(db)): Promise<ResolvedPlace> {
  const text = input.trim();
  const parsed = parsePostcode(text);
  if (parsed.ok && parsed.kind === 'postcode') {
    const hit = await geocoder.postcode(parsed.postcode);
    if (hit) return { ok: true, place: hit };
    const district = await geocoder.district(parsed.district);
    if (district) {
      return {
        ok: true,
        place: district,
        notice: `We could not find the postcode ${parsed.postcode}, so we are showing results near ${parsed.district}.`,
      };
    }
    return { ok: false, error: `We could not find the postcode ${parsed.postcode}. Check it and try again` };
  }
  if (parsed.ok && parsed.kind === 'district') {
    const hit = await geocoder.district(parsed.district);
    if (hit) return { ok: true, place: hit };
    // "EB" style inputs that happen to match a ward's name are still worth trying.
    const ward = await findWard(db, text);
    if (ward) return { ok: true, place: ward };
    return { ok: false, error: `We could not find ${parsed.district}. Enter a full postcode, like ${EXAMPLE_POSTCODE}` };
  }
  const ward = await findWard(db, text);
  if (ward) return { ok: true, place: ward };
  const suggestion = await nearestWardName(db, text);
  if (!parsed.ok && /[0-9]/.test(compact(text))) return { ok: false, error: parsed.error };
  return {
    ok: false,
    error: suggestion
      ? `We could not find a postcode or ward called "${text}". Did you mean ${suggestion}?`
      : `${postcodeMessages.notPostcode}. Enter a postcode, like ${EXAMPLE_POSTCODE}, or the name of a ward`,
    suggestion: suggestion ?? undefined,
  };
}

/** A ward by name (case and accents ignored), centred on its postcodes. */
export async function findWard(db: Tx, name: string): Promise<PlaceMatch | null> {
  const cleaned = name.trim().replace(/\s+ward$/i, '');
  if (cleaned.length < 2 || cleaned.length > 100) return null;
  const rows = await db.$queryRaw<Array<{ id: string; name: string; lat: number | null; lng: number | null }>>`
    SELECT w.id, w.name, avg(p.latitude)::float8 AS lat, avg(p.longitude)::float8 AS lng
    FROM "Ward" w
    LEFT JOIN "Area" a ON a."wardId" = w.id
    LEFT JOIN "Postcode" p ON p."areaId" = a.id
    WHERE lower(w.name) = lower(${cleaned}) OR lower(w.code) = lower(${cleaned})
    GROUP BY w.id, w.name
    LIMIT 1`;
  const w = rows[0];
  if (!w || w.lat == null || w.lng == null) return null;
  return { kind: 'ward', label: w.name, latitude: w.lat, longitude: w.lng, district: null, areaId: null, wardId: w.id };
}

async function nearestWardName(db: Tx, name: string): Promise<string | null> {
  const cleaned = name.trim();
  if (cleaned.length < 3 || cleaned.length > 100) return null;
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT name FROM "Ward" WHERE similarity(name, ${cleaned}) > 0.4 ORDER BY similarity(name, ${cleaned}) DESC LIMIT 1`;
  return rows[0]?.name ?? null;
}
