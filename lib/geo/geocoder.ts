import { env, envFrom, type EnvSource } from '@/lib/config';
import type { Tx } from '@/lib/db/client';

/** A place a search can be centred on. */
export type PlaceMatch = {
  kind: 'postcode' | 'district' | 'ward';
  /** What to show back to the person: "EB1 2AB", "EB1", "Northfield". */
  label: string;
  latitude: number;
  longitude: number;
  district: string | null;
  areaId: string | null;
  wardId: string | null;
};

/** Postcode look-up. Implementations never throw for "not found": they return null. */
export interface Geocoder {
  readonly name: string;
  /** A normalised full postcode ("EB1 2AB"). */
  postcode(postcode: string): Promise<PlaceMatch | null>;
  /** An outward code ("EB1"): the centre of its postcodes. */
  district(district: string): Promise<PlaceMatch | null>;
}

/** The local Postcode table (ONS Postcode Directory extract, or the demo seed's postcodes). */
export class LocalGeocoder implements Geocoder {
  readonly name = 'local';
  constructor(private readonly db: Tx) {}

  async postcode(postcode: string): Promise<PlaceMatch | null> {
    const row = await this.db.postcode.findUnique({
      where: { postcode },
      select: {
        postcode: true,
        district: true,
        latitude: true,
        longitude: true,
        areaId: true,
        area: { select: { wardId: true } },
      },
    });
    if (!row) return null;
    return {
      kind: 'postcode',
      label: row.postcode,
      latitude: row.latitude,
      longitude: row.longitude,
      district: row.district,
      areaId: row.areaId,
      wardId: row.area?.wardId ?? null,
    };
  }

  async district(district: string): Promise<PlaceMatch | null> {
    const agg = await this.db.postcode.aggregate({
      where: { district },
      _avg: { latitude: true, longitude: true },
      _count: { _all: true },
    });
    if (!agg._count._all || agg._avg.latitude == null || agg._avg.longitude == null) return null;
    return {
      kind: 'district',
      label: district,
      latitude: agg._avg.latitude,
      longitude: agg._avg.longitude,
      district,
      areaId: null,
      wardId: null,
    };
  }
}

type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/**
 * postcodes.io (ONS data, Open Government Licence). The person's search is sent to it, so the
 * privacy notice must say so. Wards come from our own areas via the LSOA code.
 */
export class PostcodesIoGeocoder implements Geocoder {
  readonly name = 'postcodes.io';
  constructor(
    private readonly db: Tx,
    private readonly baseUrl = env().POSTCODES_IO_URL,
    private readonly fetcher: FetchLike = fetch as unknown as FetchLike,
    private readonly timeoutMs = 3000,
  ) {}

  private async get(path: string): Promise<Record<string, unknown> | null> {
    try {
      const res = await this.fetcher(`${this.baseUrl}${path}`, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!res.ok) return null;
      const body = (await res.json()) as { result?: Record<string, unknown> | null };
      return body.result ?? null;
    } catch {
      // Down or slow: the search carries on without a place rather than failing.
      return null;
    }
  }

  async postcode(postcode: string): Promise<PlaceMatch | null> {
    const r = await this.get(`/postcodes/${encodeURIComponent(postcode.replace(' ', ''))}`);
    if (!r || typeof r.latitude !== 'number' || typeof r.longitude !== 'number') return null;
    const codes = (r.codes ?? {}) as Record<string, unknown>;
    const lsoa = typeof codes.lsoa === 'string' ? codes.lsoa : typeof codes.lsoa21 === 'string' ? codes.lsoa21 : null;
    const area = lsoa ? await this.db.area.findUnique({ where: { code: lsoa }, select: { id: true, wardId: true } }) : null;
    return {
      kind: 'postcode',
      label: postcode,
      latitude: r.latitude,
      longitude: r.longitude,
      district: typeof r.outcode === 'string' ? r.outcode : postcode.split(' ')[0],
      areaId: area?.id ?? null,
      wardId: area?.wardId ?? null,
    };
  }

  async district(district: string): Promise<PlaceMatch | null> {
    const r = await this.get(`/outcodes/${encodeURIComponent(district)}`);
    if (!r || typeof r.latitude !== 'number' || typeof r.longitude !== 'number') return null;
    return {
      kind: 'district',
      label: district,
      latitude: r.latitude,
      longitude: r.longitude,
      district,
      areaId: null,
      wardId: null,
    };
  }
}

/** Asks each geocoder in turn: the local table first, so known postcodes never leave the server. */
export class ChainGeocoder implements Geocoder {
  readonly name: string;
  constructor(private readonly geocoders: Geocoder[]) {
    this.name = geocoders.map((g) => g.name).join('+');
  }
  async postcode(postcode: string) {
    for (const g of this.geocoders) {
      const hit = await g.postcode(postcode);
      if (hit) return hit;
    }
    return null;
  }
  async district(district: string) {
    for (const g of this.geocoders) {
      const hit = await g.district(district);
      if (hit) return hit;
    }
    return null;
  }
}

export type PostcodeLookup = 'local' | 'postcodes.io';

export function postcodeLookupSetting(source: EnvSource = process.env): PostcodeLookup {
  return envFrom(source).POSTCODE_LOOKUP;
}

/** The geocoder chosen by POSTCODE_LOOKUP (default local). */
export function geocoderFor(db: Tx, lookup: PostcodeLookup = postcodeLookupSetting()): Geocoder {
  const local = new LocalGeocoder(db);
  return lookup === 'postcodes.io' ? new ChainGeocoder([local, new PostcodesIoGeocoder(db)]) : local;
}
