// The Open Referral UK v3 API at /api/oruk: read-only, open to any site (CORS *), no sign-in.
// Each request: the per-address rate limit, its parameters checked (400 naming the parameter),
// the ETag from a cheap fingerprint (If-None-Match -> 304 before any body is built), then the body.
// The routes in app/api/oruk only call `orukResponse`.
import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { config } from '@/lib/config';
import { clientIp } from '@/lib/auth/request';
import { hit } from '@/lib/auth/rate-limit';
import { db as getDb, type Tx } from '@/lib/db/client';
import { londonDay } from '@/lib/directory/days';
import { resolvePlace } from '@/lib/geo/place';
import { parsePostcode } from '@/lib/geo/postcode';
import { logError } from '@/lib/log/logger';
import openapi from '../standard/schema/openapi.json';
import {
  fingerprint,
  isPublished,
  loadServices,
  noFilters,
  serviceAtLocationIds,
  serviceIds,
  taxonomies,
  taxonomyTerms,
  type Rules,
  type ServiceFilters,
} from './load';
import { mapLocation, mapLocationSummary, mapService, mapServiceSummary, mapTerm, webAddress, type MapContext } from './map';

export const ORUK_VERSION = 'HSDS-UK-3.0';
export const ORUK_PROFILE = 'https://github.com/openreferral/uk-profile';
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;

export type Route =
  | { kind: 'root' }
  | { kind: 'openapi' }
  | { kind: 'services' }
  | { kind: 'service'; id: string }
  | { kind: 'service_at_locations' }
  | { kind: 'service_at_location'; id: string }
  | { kind: 'taxonomies' }
  | { kind: 'taxonomy'; id: string }
  | { kind: 'taxonomy_terms' }
  | { kind: 'taxonomy_term'; id: string };

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Content-Type',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
  'Access-Control-Max-Age': '86400',
};

// A crawler may keep a copy for five minutes, then asks again with If-None-Match.
const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

export function orukBaseUrl(): string {
  return `${config.baseUrl.replace(/\/+$/, '')}/api/oruk`;
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(status === 304 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...CORS, ...headers },
  });
}

function problem(status: number, error: string, message: string, extra: Record<string, unknown> = {}): Response {
  return json({ error, message, ...extra }, status, { 'Cache-Control': 'no-store' });
}

/** The answer to a CORS preflight. */
export function orukOptions(): Response {
  return new Response(null, { status: 204, headers: CORS });
}

// ---------- parameters ----------

const wholeNumber = (min: number, max: number, words: string) =>
  z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number ${words}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `must be a whole number ${words}` })
        .max(max, { error: `must be ${max} or less` }),
    );

const uuid = z.uuid({ error: 'must be a UUID' });

const common = {
  page: wholeNumber(1, 1_000_000, 'from 1').optional(),
  // Asking for more than the cap is answered with the cap, as page sizes usually are.
  per_page: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'from 1')
    .transform((n) => Math.min(n, MAX_PER_PAGE))
    .optional(),
};

const filters = {
  ...common,
  text: z.string().trim().max(200, { error: 'must be 200 characters or fewer' }).optional(),
  search: z.string().trim().max(200, { error: 'must be 200 characters or fewer' }).optional(),
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  modified_after: z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), {
      error: 'must be a date or date and time, like 2026-01-31 or 2026-01-31T09:00:00Z',
    })
    .transform((v) => new Date(v))
    .optional(),
  minimum_age: wholeNumber(0, 150, 'from 0 to 150').optional(),
  maximum_age: wholeNumber(0, 150, 'from 0 to 150').optional(),
  postcode: z.string().trim().min(1, { error: 'must be a UK postcode' }).max(20).optional(),
  proximity: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: 'must be a distance in metres, like 1500' })
    .transform(Number)
    .pipe(z.number().positive({ error: 'must be more than 0 metres' }).max(100_000, { error: 'must be 100000 metres or less' }))
    .optional(),
  full_service: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
};

const listSchema = z.object(filters);
const pageSchema = z.object(common);
type ListParams = z.infer<typeof listSchema>;

class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<T extends z.ZodType>(schema: T, url: URL): z.infer<T> {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in raw)) raw[k] = v;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const parameter = String(issue.path[0] ?? 'query');
    throw new BadParameter(parameter, `${parameter} ${issue.message}`);
  }
  return parsed.data;
}

async function toFilters(db: Tx, p: ListParams): Promise<ServiceFilters> {
  if (p.proximity !== undefined && p.postcode === undefined) {
    throw new BadParameter('proximity', 'proximity needs a postcode to measure from');
  }
  if (p.minimum_age !== undefined && p.maximum_age !== undefined && p.minimum_age > p.maximum_age) {
    throw new BadParameter('maximum_age', 'maximum_age must not be less than minimum_age');
  }
  let place: ServiceFilters['place'] = null;
  if (p.postcode !== undefined) {
    const parsed = parsePostcode(p.postcode);
    if (!parsed.ok) throw new BadParameter('postcode', `postcode ${parsed.error.replace(/^That /, 'that ')}`);
    const found = await resolvePlace(db, p.postcode);
    if (!found.ok) throw new BadParameter('postcode', `postcode: ${found.error}`);
    place = { latitude: found.place.latitude, longitude: found.place.longitude };
  }
  return {
    ...noFilters,
    text: p.text ?? p.search ?? '',
    termId: p.taxonomy_term_id ?? null,
    taxonomyId: p.taxonomy_id ?? null,
    modifiedAfter: p.modified_after ?? null,
    minimumAge: p.minimum_age ?? null,
    maximumAge: p.maximum_age ?? null,
    place,
    proximityMetres: p.proximity ?? null,
  };
}

// ---------- bodies ----------

type Page<T> = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
};

export function pageOf<T>(total: number, page: number, perPage: number, contents: T[]): Page<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export function mapContext(now: Date): MapContext {
  return { now, boroughName: config.borough.name, boroughEmail: config.borough.contactEmail };
}

export function rulesAt(now: Date): Rules {
  return { now, hideAfterMonths: config.freshness.hideAfterMonths };
}

function openapiDocument(): unknown {
  return { ...openapi, servers: [{ url: orukBaseUrl(), description: config.borough.serviceName }] };
}

const isUuid = (id: string) => uuid.safeParse(id).success;

/** The body for a route, or null for an unknown id. */
async function body(db: Tx, route: Route, url: URL, now: Date): Promise<unknown> {
  const rules = rulesAt(now);
  const ctx = mapContext(now);
  switch (route.kind) {
    case 'root':
      return { version: ORUK_VERSION, profile: ORUK_PROFILE, openapi_url: `${orukBaseUrl()}/openapi.json` };
    case 'openapi':
      return openapiDocument();
    case 'services': {
      const p = parse(listSchema, url);
      const f = await toFilters(db, p);
      const page = p.page ?? 1;
      const perPage = p.per_page ?? DEFAULT_PER_PAGE;
      const found = await serviceIds(db, rules, f, page, perPage);
      const services = await loadServices(db, found.ids);
      const full = p.full_service === 'true';
      return pageOf(
        found.total,
        page,
        perPage,
        services.map((s) => (full ? mapService(s, ctx) : mapServiceSummary(s, ctx))),
      );
    }
    case 'service': {
      if (!isUuid(route.id) || !(await isPublished(db, rules, route.id))) return null;
      const [s] = await loadServices(db, [route.id]);
      return s ? mapService(s, ctx) : null;
    }
    case 'service_at_locations': {
      const p = parse(listSchema, url);
      if (p.text || p.search) {
        throw new BadParameter(p.text ? 'text' : 'search', 'text search is offered on /services, not /service_at_locations');
      }
      const f = await toFilters(db, p);
      const page = p.page ?? 1;
      const perPage = p.per_page ?? DEFAULT_PER_PAGE;
      const found = await serviceAtLocationIds(db, rules, f, page, perPage);
      const services = new Map((await loadServices(db, [...new Set(found.rows.map((r) => r.serviceId))])).map((s) => [s.id, s]));
      const contents = found.rows.flatMap((r) => {
        const s = services.get(r.serviceId);
        const sal = s?.locations.find((l) => l.id === r.id);
        if (!s || !sal) return [];
        return [
          {
            id: r.id,
            service_id: r.serviceId,
            location_id: r.locationId,
            location: mapLocationSummary(sal.location),
            service: mapServiceSummary(s, ctx),
          },
        ];
      });
      return pageOf(found.total, page, perPage, contents);
    }
    case 'service_at_location': {
      if (!isUuid(route.id)) return null;
      const sal = await db.serviceAtLocation.findUnique({ where: { id: route.id }, select: { serviceId: true } });
      if (!sal || !(await isPublished(db, rules, sal.serviceId))) return null;
      const [s] = await loadServices(db, [sal.serviceId]);
      const at = s?.locations.find((l) => l.id === route.id);
      if (!s || !at) return null;
      const { service_at_locations: _all, ...service } = mapService(s, ctx);
      return { id: at.id, service_id: s.id, location_id: at.location.id, location: mapLocation(at.location, ctx), service };
    }
    case 'taxonomies': {
      const p = parse(pageSchema, url);
      const page = p.page ?? 1;
      const perPage = p.per_page ?? DEFAULT_PER_PAGE;
      const found = await taxonomies(db, page, perPage);
      return pageOf(found.total, page, perPage, found.rows.map(mapTaxonomy));
    }
    case 'taxonomy': {
      if (!isUuid(route.id)) return null;
      const found = await taxonomies(db, 1, 1, route.id);
      return found.rows[0] ? mapTaxonomy(found.rows[0]) : null;
    }
    case 'taxonomy_terms': {
      const p = parse(pageSchema, url);
      const page = p.page ?? 1;
      const perPage = p.per_page ?? DEFAULT_PER_PAGE;
      const found = await taxonomyTerms(db, page, perPage);
      return pageOf(found.total, page, perPage, found.rows.map(mapTerm));
    }
    case 'taxonomy_term': {
      if (!isUuid(route.id)) return null;
      const found = await taxonomyTerms(db, 1, 1, route.id);
      return found.rows[0] ? mapTerm(found.rows[0]) : null;
    }
  }
}

function mapTaxonomy(t: { id: string; name: string; description: string; uri: string | null; version: string | null }) {
  return Object.fromEntries(
    Object.entries({
      id: t.id,
      name: t.name,
      description: t.description,
      uri: webAddress(t.uri),
      version: t.version ?? undefined,
    }).filter(([, v]) => v !== undefined),
  );
}

function etagFor(print: string, url: URL, now: Date): string {
  const query = [...url.searchParams]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const hash = createHash('sha1')
    .update(`${print}\n${url.pathname}\n${query}\n${londonDay(now)}`)
    .digest('base64url');
  return `"${hash}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

export type OrukOptions = { db?: Tx; now?: Date };

/** Rate limit, then 304 for a copy the client already has; otherwise null and the ETag to send. */
async function gate(db: Tx, request: Request, url: URL, now: Date): Promise<{ done: Response } | { etag: string }> {
  const limit = await hit(db, `oruk:ip:${clientIp(request.headers)}`, config.openData.rateLimitPerMinute, 60, now);
  if (!limit.allowed) {
    return {
      done: json(
        {
          error: 'rate_limited',
          message: `Too many requests: at most ${limit.limit} a minute. Try again in ${limit.retryAfterSeconds} seconds.`,
        },
        429,
        { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'no-store' },
      ),
    };
  }
  const etag = etagFor(await fingerprint(db, rulesAt(now)), url, now);
  if (matches(request.headers.get('if-none-match'), etag)) {
    return { done: json(null, 304, { ETag: etag, 'Cache-Control': CACHE_CONTROL }) };
  }
  return { etag };
}

export type Download = {
  contentType: string;
  filename: string;
  body: (db: Tx, now: Date) => Promise<BodyInit>;
};

/** A whole-directory download (lib/oruk/publish/download.ts), behind the API's limit and ETag. */
export async function orukDownload(request: Request, download: Download, options: OrukOptions = {}): Promise<Response> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const url = new URL(request.url);
  try {
    const gated = await gate(db, request, url, now);
    if ('done' in gated) return gated.done;
    return new Response(await download.body(db, now), {
      status: 200,
      headers: {
        'Content-Type': download.contentType,
        'Content-Disposition': `attachment; filename="${download.filename}"`,
        ETag: gated.etag,
        'Cache-Control': CACHE_CONTROL,
        ...CORS,
      },
    });
  } catch (error) {
    logError(error, { module: 'oruk', path: url.pathname }, 'Open data download failed');
    return problem(503, 'unavailable', 'The directory could not be read just now. Try again shortly.');
  }
}

/** The whole answer to a GET on the API. */
export async function orukResponse(request: Request, route: Route, options: OrukOptions = {}): Promise<Response> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const url = new URL(request.url);
  try {
    const gated = await gate(db, request, url, now);
    if ('done' in gated) return gated.done;
    const etag = gated.etag;
    const result = await body(db, route, url, now);
    if (result === null)
      return problem(404, 'not_found', `There is no published record with the id ${'id' in route ? route.id : ''}`);
    return json(result, 200, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
  } catch (error) {
    if (error instanceof BadParameter) return problem(400, 'bad_parameter', error.message, { parameter: error.parameter });
    logError(error, { module: 'oruk', path: url.pathname }, 'Open Referral UK API request failed');
    return problem(503, 'unavailable', 'The directory could not be read just now. Try again shortly.', {});
  }
}
