import { createHash } from 'node:crypto';
import { config } from '@/lib/config';
import { hit } from '@/lib/auth/rate-limit';
import type { Tx } from '@/lib/db/client';
import { metresToMiles } from '@/lib/geo/distance';
import { geocoderFor, type Geocoder, type PlaceMatch } from '@/lib/geo/geocoder';
import { resolvePlace } from '@/lib/geo/place';
import { districtOf } from '@/lib/geo/postcode';
import { monthsBetween } from './format';
import { isCurrent, nextOccurrences, type Occurrence } from './recurrence';
import type { ScheduleLike } from './schedule';
import { describeSchedule } from './schedule-words';
import { searchServices, type SearchQuery, type SearchSort } from './search';
import { effectiveSort, emptySearch, filterCount, filtersForLog, type SearchErrors, type SearchParams } from './search-params';
import { DAY_CODES, PAGE_SIZE } from './vocab';

export type ResultCard = {
  id: string;
  name: string;
  organisation: { id: string; name: string; verified: boolean };
  summary: string;
  needs: Array<{ code: string; name: string }>;
  distanceMiles: number | null;
  nextSession: Occurrence | null;
  when: string | null;
  isFree: boolean;
  costDescription: string | null;
  capacityStatus: 'open' | 'waiting_list' | 'full';
  capacitySpaces: number | null;
  status: 'active' | 'temporarily_closed' | 'inactive' | 'defunct';
  deliveryModes: string[];
  accessMethods: string[];
  lastChecked: Date;
  stale: boolean;
  location: { id: string; latitude: number; longitude: number; address: string; postcode: string } | null;
};

export type Suggestion = { text: string; params: Partial<SearchParams>; count: number };

export type SearchOutcome = {
  params: SearchParams;
  errors: SearchErrors;
  place: PlaceMatch | null;
  placeNotice: string | null;
  sort: SearchSort;
  total: number;
  page: number;
  totalPages: number;
  results: ResultCard[];
  suggestions: Suggestion[];
  /** True when the search did not run (a field needs fixing first). */
  blocked: boolean;
};

export type RunOptions = {
  now?: Date;
  geocoder?: Geocoder;
  log?: boolean;
  suggest?: boolean;
  /** The searcher's address (lib/auth/request.ts), for the search log's per-address limit. */
  clientIp?: string;
};

/** Shortens a description to about `max` characters, on a word boundary. */
export function shorten(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).replace(/[,.;:\s]+$/, '')}…`;
}

/** Full postcodes, e-mail addresses and phone numbers typed as search words are not kept. */
export function anonymiseTerms(q: string): string {
  return q
    .replace(/[^\s@]+@[^\s@]+/g, '[email]')
    .replace(
      /\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*([0-9][A-Za-z]{2})\b/g,
      (_m, outward: string) => districtOf(outward) ?? '[postcode]',
    )
    .replace(/\+?\d[\d\s-]{6,}\d/g, '[number]')
    .trim()
    .slice(0, 200);
}

export function toSearchQuery(params: SearchParams, place: PlaceMatch | null, now: Date, pageSize = PAGE_SIZE): SearchQuery {
  return {
    q: params.q,
    needs: params.needs,
    origin: place ? { latitude: place.latitude, longitude: place.longitude } : null,
    radiusMiles: place ? params.radius : null,
    age: params.age,
    free: params.free,
    days: params.days.map((d) => DAY_CODES[d]),
    times: params.times,
    access: params.access,
    modes: params.modes,
    selfRefer: params.selfRefer,
    hasSpace: params.hasSpace,
    openToday: params.openToday,
    sort: effectiveSort(params, place !== null),
    page: params.page,
    pageSize,
    now,
    hideAfterMonths: config.freshness.hideAfterMonths,
  };
}

/** Runs a parsed search: place look-up, the query, the cards, and the anonymous log of a search that found nothing. */
export async function runSearch(
  db: Tx,
  params: SearchParams,
  errors: SearchErrors,
  options: RunOptions = {},
): Promise<SearchOutcome> {
  const now = options.now ?? new Date();
  const outcome: SearchOutcome = {
    params,
    errors: { ...errors },
    place: null,
    placeNotice: null,
    sort: effectiveSort(params, false),
    total: 0,
    page: params.page,
    totalPages: 0,
    results: [],
    suggestions: [],
    blocked: false,
  };
  if (params.place) {
    const resolved = await resolvePlace(db, params.place, options.geocoder ?? geocoderFor(db));
    if (resolved.ok) {
      outcome.place = resolved.place;
      outcome.placeNotice = resolved.notice ?? null;
    } else {
      outcome.errors.place = resolved.error;
    }
  }
  // A place the person typed but we could not find would otherwise widen the search silently.
  if (outcome.errors.place) {
    outcome.blocked = true;
    return outcome;
  }
  const query = toSearchQuery(params, outcome.place, now);
  outcome.sort = query.sort;
  const found = await searchServices(db, query);
  outcome.total = found.total;
  outcome.totalPages = Math.ceil(found.total / PAGE_SIZE);
  outcome.results = await loadCards(db, found.rows, now);

  if (found.total === 0 && params.page === 1) {
    if (options.log !== false) await logZeroResults(db, params, outcome.place, { clientIp: options.clientIp, now });
    if (options.suggest !== false) outcome.suggestions = await loosenings(db, params, outcome.place, now);
  }
  return outcome;
}

/**
 * Records an anonymous search that found nothing, for the commissioners' "searches with no results"
 * figures. Throttled so nobody can inflate them: at most so many an hour from one address, and so
 * many a day for the same words (what is over is simply not recorded). True when recorded.
 */
export async function logZeroResults(
  db: Tx,
  params: SearchParams,
  place: PlaceMatch | null,
  { clientIp, now = new Date() }: { clientIp?: string; now?: Date } = {},
): Promise<boolean> {
  const terms = anonymiseTerms(params.q);
  const limits = config.searchLog;
  if (clientIp && !(await hit(db, `search-log:ip:${clientIp}`, limits.perAddressPerHour, 60 * 60, now)).allowed) return false;
  if (terms) {
    const words = createHash('sha256').update(terms.toLowerCase()).digest('base64url');
    if (!(await hit(db, `search-log:words:${words}`, limits.perWordsPerDay, 24 * 60 * 60, now)).allowed) return false;
  }
  await db.searchLog.create({
    data: {
      createdAt: now,
      terms,
      filters: filtersForLog(params) as object,
      wardId: place?.wardId ?? null,
      district: place?.district ?? null,
      resultCount: 0,
    },
  });
  return true;
}

/** Wider searches worth offering when nothing was found, each with how many it would find. */
async function loosenings(db: Tx, params: SearchParams, place: PlaceMatch | null, now: Date): Promise<Suggestion[]> {
  const candidates: Array<{ text: string; params: Partial<SearchParams> }> = [];
  if (place && params.radius !== null && params.radius < 10) {
    candidates.push({ text: 'Search up to 10 miles away', params: { ...params, radius: 10, page: 1 } });
  }
  if (place && params.radius !== null)
    candidates.push({ text: 'Search any distance away', params: { ...params, radius: null, page: 1 } });
  if (filterCount(params) > 0) {
    candidates.push({
      text: 'Remove all filters',
      params: { q: params.q, place: params.place, radius: params.radius, sort: params.sort },
    });
  }
  if (params.q && (filterCount(params) > 0 || params.place)) {
    candidates.push({ text: `Search everything for “${params.q}”`, params: { q: params.q } });
  }
  if (params.q) {
    candidates.push({ text: 'Keep the filters but remove the words', params: { ...params, q: '', page: 1 } });
  }
  const out: Suggestion[] = [];
  for (const c of candidates.slice(0, 4)) {
    const full = { ...params, ...emptySearch, ...c.params };
    const usePlace = full.place ? place : null;
    const { total } = await searchServices(db, toSearchQuery(full, usePlace, now, 0));
    if (total > 0) out.push({ ...c, count: total });
  }
  return out;
}

export function isStale(lastChecked: Date, now: Date = new Date()): boolean {
  return monthsBetween(lastChecked, now) >= config.freshness.warnAfterMonths;
}

async function loadCards(
  db: Tx,
  rows: Array<{ id: string; distanceMetres: number | null; locationId: string | null }>,
  now: Date,
): Promise<ResultCard[]> {
  if (rows.length === 0) return [];
  const services = await db.service.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: {
      id: true,
      name: true,
      description: true,
      isFree: true,
      costDescription: true,
      capacityStatus: true,
      capacitySpaces: true,
      status: true,
      deliveryModes: true,
      accessMethods: true,
      assuredAt: true,
      createdAt: true,
      organisation: { select: { id: true, name: true, verified: true } },
      taxonomyTerms: { select: { term: { select: { code: true, name: true, sortOrder: true } } } },
      schedules: true,
      locations: {
        select: {
          location: { select: { id: true, latitude: true, longitude: true, address1: true, city: true, postcode: true } },
        },
      },
    },
  });
  const byId = new Map(services.map((s) => [s.id, s]));
  return rows.flatMap((row) => {
    const s = byId.get(row.id);
    if (!s) return [];
    const schedules = s.schedules as ScheduleLike[];
    const current = schedules.filter((sc) => isCurrent(sc, now));
    const loc = s.locations.map((l) => l.location).find((l) => l.id === row.locationId) ?? null;
    const lastChecked = s.assuredAt ?? s.createdAt;
    const card: ResultCard = {
      id: s.id,
      name: s.name,
      organisation: s.organisation,
      summary: shorten(s.description),
      needs: s.taxonomyTerms
        .map((t) => t.term)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
        .map(({ code, name }) => ({ code, name })),
      distanceMiles: row.distanceMetres === null ? null : metresToMiles(row.distanceMetres),
      nextSession: s.status === 'active' ? (nextOccurrences(current, 1, now)[0] ?? null) : null,
      when: current.length ? current.map((sc) => describeSchedule(sc, now)).join('; ') : null,
      isFree: s.isFree,
      costDescription: s.costDescription,
      capacityStatus: s.capacityStatus,
      capacitySpaces: s.capacitySpaces,
      status: s.status,
      deliveryModes: s.deliveryModes,
      accessMethods: s.accessMethods,
      lastChecked,
      stale: isStale(lastChecked, now),
      location:
        loc && loc.latitude !== null && loc.longitude !== null
          ? {
              id: loc.id,
              latitude: loc.latitude,
              longitude: loc.longitude,
              address: [loc.address1, loc.city].filter(Boolean).join(', '),
              postcode: loc.postcode,
            }
          : null,
    };
    return [card];
  });
}

/** The needs themes people can choose from, in the borough's order. */
export async function listNeeds(db: Tx): Promise<Array<{ code: string; name: string }>> {
  return db.taxonomyTerm.findMany({
    where: { parentId: null },
    select: { code: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });
}
