import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { Tx } from '@/lib/db/client';
import { normalisePostcode } from './postcode';

// ONS Postcode Directory column names have changed between editions; accept the usual spellings.
const COLUMNS = {
  postcode: ['pcds', 'pcd', 'pcd2', 'postcode'],
  latitude: ['lat', 'latitude'],
  longitude: ['long', 'lng', 'longitude'],
  lsoa: ['lsoa21cd', 'lsoa21', 'lsoa11cd', 'lsoa11', 'lsoa', 'lsoa_code'],
  terminated: ['doterm'],
} as const;

export type OnspdRow = { postcode: string; district: string; latitude: number; longitude: number; lsoa: string | null };

export type RowResult = { ok: true; row: OnspdRow } | { ok: false; reason: 'terminated' | 'no_location' | 'bad_postcode' };

export type ColumnMap = { postcode: string; latitude: string; longitude: string; lsoa: string | null; terminated: string | null };

export function columnMap(header: string[]): ColumnMap {
  const lower = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const pick = (names: readonly string[]) => names.map((n) => lower.get(n)).find((h) => h !== undefined) ?? null;
  const postcode = pick(COLUMNS.postcode);
  const latitude = pick(COLUMNS.latitude);
  const longitude = pick(COLUMNS.longitude);
  if (!postcode || !latitude || !longitude) {
    throw new Error(
      `The CSV needs postcode, lat and long columns (ONS Postcode Directory names pcds, lat, long); found: ${header.join(', ')}`,
    );
  }
  return { postcode, latitude, longitude, lsoa: pick(COLUMNS.lsoa), terminated: pick(COLUMNS.terminated) };
}

/** One CSV record to a Postcode row, or why it is skipped. */
export function toRow(record: Record<string, string>, cols: ColumnMap, includeTerminated = false): RowResult {
  if (!includeTerminated && cols.terminated && (record[cols.terminated] ?? '').trim() !== '')
    return { ok: false, reason: 'terminated' };
  const postcode = normalisePostcode(record[cols.postcode] ?? '');
  if (!postcode) return { ok: false, reason: 'bad_postcode' };
  const latitude = Number(record[cols.latitude]);
  const longitude = Number(record[cols.longitude]);
  // ONSPD writes 99.999999 / 0.000000 where a postcode has no grid reference.
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || latitude > 90 || (latitude === 0 && longitude === 0)) {
    return { ok: false, reason: 'no_location' };
  }
  const lsoa = cols.lsoa ? (record[cols.lsoa] ?? '').trim() || null : null;
  return { ok: true, row: { postcode, district: postcode.split(' ')[0], latitude, longitude, lsoa } };
}

export type LoadSummary = {
  read: number;
  loaded: number;
  withArea: number;
  skipped: { terminated: number; no_location: number; bad_postcode: number; other_district: number };
};

export type LoadOptions = {
  /** Only these districts ("EB1") or district prefixes ending in * ("EB*"). */
  districts?: string[];
  includeTerminated?: boolean;
  batchSize?: number;
};

/**
 * Streams an ONS Postcode Directory style CSV into the Postcode table (upsert by postcode).
 * Each postcode's LSOA is matched to an Area by its code, so areas should be loaded first.
 */
export async function loadPostcodes(db: Tx, input: Readable, options: LoadOptions = {}): Promise<LoadSummary> {
  const summary: LoadSummary = {
    read: 0,
    loaded: 0,
    withArea: 0,
    skipped: { terminated: 0, no_location: 0, bad_postcode: 0, other_district: 0 },
  };
  const wanted = (options.districts ?? []).map((d) => d.trim().toUpperCase()).filter(Boolean);
  const matchesDistrict = (district: string) =>
    wanted.length === 0 || wanted.some((w) => (w.endsWith('*') ? district.startsWith(w.slice(0, -1)) : district === w));
  const batchSize = options.batchSize ?? 2000;
  let cols: ColumnMap | null = null;
  let batch: OnspdRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const counts = await upsertBatch(db, rows);
    summary.loaded += counts.loaded;
    summary.withArea += counts.withArea;
  };

  const parser = input.pipe(
    parse({ columns: (header: string[]) => ((cols = columnMap(header)), header), skip_empty_lines: true, bom: true, trim: true }),
  );
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    summary.read++;
    const result = toRow(record, cols!, options.includeTerminated);
    if (!result.ok) {
      summary.skipped[result.reason]++;
      continue;
    }
    if (!matchesDistrict(result.row.district)) {
      summary.skipped.other_district++;
      continue;
    }
    batch.push(result.row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

async function upsertBatch(db: Tx, rows: OnspdRow[]): Promise<{ loaded: number; withArea: number }> {
  // A CSV can repeat a postcode (old and new editions concatenated): the last one wins.
  const byPostcode = new Map(rows.map((r) => [r.postcode, r]));
  const unique = [...byPostcode.values()];
  const result = await db.$queryRaw<Array<{ loaded: number; with_area: number }>>`
    WITH input AS (
      SELECT * FROM unnest(
        ${unique.map((r) => r.postcode)}::text[],
        ${unique.map((r) => r.district)}::text[],
        ${unique.map((r) => r.latitude)}::float8[],
        ${unique.map((r) => r.longitude)}::float8[],
        ${unique.map((r) => r.lsoa)}::text[]
      ) AS t(postcode, district, latitude, longitude, lsoa)
    ), upserted AS (
      INSERT INTO "Postcode" (postcode, district, latitude, longitude, "areaId")
      SELECT i.postcode, i.district, i.latitude, i.longitude, a.id
      FROM input i LEFT JOIN "Area" a ON a.code = i.lsoa
      ON CONFLICT (postcode) DO UPDATE
        SET district = EXCLUDED.district, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
            "areaId" = COALESCE(EXCLUDED."areaId", "Postcode"."areaId")
      RETURNING "areaId"
    )
    SELECT count(*)::int AS loaded, count("areaId")::int AS with_area FROM upserted`;
  return { loaded: result[0]?.loaded ?? 0, withArea: result[0]?.with_area ?? 0 };
}
