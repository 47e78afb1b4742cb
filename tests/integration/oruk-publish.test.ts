/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies, read field by field; their shape is what validateOruk checks */
// The Open Referral UK API over the whole demo borough: every endpoint and every published service
// is checked against the standard's schemas (closed: no field the standard does not define, beyond
// the two HSDS 3.0 additions docs/decisions/0022 explains), and the HTTP behaviour around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { seedDemo } from '@/prisma/seed/demo';
import { EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { orukDownload, orukOptions, orukResponse, type Route } from '@/lib/oruk/publish/api';
import { runOrukImport } from '@/lib/oruk/import';
import { csvZip, servicesJson, CSV_TABLES } from '@/lib/oruk/publish/download';
import { HSDS_ADDITIONS } from '@/lib/oruk/publish/map';
import { validateOruk, type OrukKind } from '@/lib/oruk/validate';

const NOW = new Date('2026-11-23T10:30:00Z');
const BASE = 'http://localhost:3000/api/oruk';

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: PrismaClient;
let hidden: { unpublished: string; pendingGroup: string };
let address = 0;

type Got = { status: number; headers: Headers; body: any };

/** A GET from its own address (the rate limit is per address) unless one is given. */
async function get(path: string, route: Route, headers: Record<string, string> = {}): Promise<Got> {
  const request = new Request(`${BASE}${path}`, {
    headers: { 'x-forwarded-for': `198.51.100.${(address++ % 250) + 1}`, ...headers },
  });
  const res = await orukResponse(request, route, { db, now: NOW });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

function expectValid(kind: OrukKind, value: unknown) {
  expect(validateOruk(kind, value, { closed: true, allow: HSDS_ADDITIONS, maxErrors: 5 })).toEqual([]);
}

/** The published services, by the rule written out here independently of the API's code. */
async function publishedIds(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Service" s JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE s.published AND s.status IN ('active', 'temporarily_closed') AND o.status = 'approved'
      AND coalesce(s."assuredAt", s."createdAt") >= ${NOW}::timestamptz - interval '12 months'
    ORDER BY s.id`;
  return rows.map((r) => r.id);
}

async function walk(query: string, route: Route = { kind: 'services' }): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const got = await get(`${query}&page=${page}`, route);
    expect(got.status).toBe(200);
    out.push(got.body);
    if (got.body.last_page) return out;
    expect(page).toBeLessThan(100);
  }
}

beforeAll(async () => {
  env = await freshDatabase();
  db = env.db;
  await seedDemo(db, { now: NOW });
  // A listing not yet published, and a published one from a group no coordinator has approved.
  const approved = await db.organisation.findFirstOrThrow({ where: { status: 'approved' } });
  const pending = await db.organisation.create({ data: { name: 'Unapproved Group', status: 'pending' } });
  const fresh = { assuredAt: new Date(NOW.getTime() - 86_400_000), status: 'active' as const };
  hidden = {
    unpublished: (
      await db.service.create({ data: { organisationId: approved.id, name: 'Not yet published', published: false, ...fresh } })
    ).id,
    pendingGroup: (
      await db.service.create({
        data: { organisationId: pending.id, name: 'From an unapproved group', published: true, ...fresh },
      })
    ).id,
  };
}, 240_000);

afterAll(async () => {
  await env?.drop();
});

describe('the Open Referral UK API over the demo borough', () => {
  it('answers the root with the version, profile and the OpenAPI address, and serves that document', async () => {
    const root = await get('/', { kind: 'root' });
    expect(root.status).toBe(200);
    expectValid('root', root.body);
    expect(root.body).toMatchObject({ version: 'HSDS-UK-3.0', openapi_url: `${BASE}/openapi.json` });
    const api = await get('/openapi.json', { kind: 'openapi' });
    expect(api.body.servers).toEqual([expect.objectContaining({ url: BASE })]);
    expect(Object.keys(api.body.paths)).toContain('/services');
  });

  it('lists every published service, full, valid, once each, in a stable id order', async () => {
    const expected = await publishedIds();
    expect(expected.length).toBeGreaterThan(300);
    const pages = await walk('/services?full_service=true&per_page=100');
    const ids: string[] = [];
    for (const p of pages) {
      expectValid('service_page_full', p);
      expect(p.total_items).toBe(expected.length);
      ids.push(...p.contents.map((s: { id: string }) => s.id));
    }
    expect(ids).toEqual(expected);
    expect(pages[0].first_page).toBe(true);
    expect(pages.at(-1).last_page).toBe(true);
    expect(pages[0].total_pages).toBe(Math.ceil(expected.length / 100));
  }, 120_000);

  it('gives each published service in full at /services/{id}, valid against the standard', async () => {
    const ids = await publishedIds();
    let withSchedules = 0;
    let withAccessibility = 0;
    for (const id of ids) {
      const got = await get(`/services/${id}`, { kind: 'service', id });
      expect(got.status).toBe(200);
      expectValid('service', got.body);
      expect(got.body.id).toBe(id);
      if (got.body.schedules.length) withSchedules++;
      if (got.body.service_at_locations.some((l: any) => l.location.accessibility.length)) withAccessibility++;
    }
    // The walk covered the nested records, not only empty lists.
    expect(withSchedules).toBeGreaterThan(ids.length / 2);
    expect(withAccessibility).toBeGreaterThan(10);
  }, 300_000);

  it('gives the one-to-one fields without full_service, a capped page size and a default of 50', async () => {
    const got = await get('/services?per_page=1000', { kind: 'services' });
    expectValid('service_page', got.body);
    expect(got.body.size).toBe(100);
    expect(got.body.contents[0].schedules).toBeUndefined();
    const plain = await get('/services', { kind: 'services' });
    expect(plain.body.size).toBe(50);
  });

  it('lists services at locations, and near a postcode only those within the distance', async () => {
    for (const p of await walk('/service_at_locations?per_page=100', { kind: 'service_at_locations' })) {
      expectValid('service_at_location_page', p);
    }
    const place = await db.postcode.findUniqueOrThrow({ where: { postcode: EXAMPLE_POSTCODE } });
    const near = await get(`/service_at_locations?postcode=${encodeURIComponent(EXAMPLE_POSTCODE)}&proximity=1500`, {
      kind: 'service_at_locations',
    });
    expectValid('service_at_location_page', near.body);
    expect(near.body.total_items).toBeGreaterThan(0);
    const metres = (lat: number, lng: number) => {
      const rad = Math.PI / 180;
      const a =
        Math.sin(((lat - place.latitude) * rad) / 2) ** 2 +
        Math.cos(lat * rad) * Math.cos(place.latitude * rad) * Math.sin(((lng - place.longitude) * rad) / 2) ** 2;
      return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    };
    const distances = near.body.contents.map((c: any) => metres(c.location.latitude, c.location.longitude));
    for (const d of distances) expect(d).toBeLessThanOrEqual(1510);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const one = near.body.contents[0];
    const single = await get(`/service_at_locations/${one.id}`, { kind: 'service_at_location', id: one.id });
    expectValid('service_at_location', single.body);
  }, 120_000);

  it('finds services by words and near a postcode with the directory search', async () => {
    const words = await get('/services?text=food&full_service=true', { kind: 'services' });
    expectValid('service_page_full', words.body);
    expect(words.body.total_items).toBeGreaterThan(0);
    expect(words.body.total_items).toBeLessThan((await publishedIds()).length);
    const near = await get(`/services?postcode=${encodeURIComponent(EXAMPLE_POSTCODE)}&proximity=1000&full_service=true`, {
      kind: 'services',
    });
    expectValid('service_page_full', near.body);
    expect(near.body.total_items).toBeGreaterThan(0);
    expect(near.body.total_items).toBeLessThan((await publishedIds()).length);
  });

  it('filters by theme, taxonomy, change date and ages', async () => {
    const term = await db.taxonomyTerm.findFirstOrThrow({ where: { services: { some: { service: { published: true } } } } });
    const byTerm = await get(`/services?taxonomy_term_id=${term.id}&full_service=true`, { kind: 'services' });
    expect(byTerm.body.total_items).toBeGreaterThan(0);
    for (const s of byTerm.body.contents) expect(s.attributes.map((a: any) => a.taxonomy_term_id)).toContain(term.id);
    const byTaxonomy = await get(`/services?taxonomy_id=${term.taxonomyId}&per_page=1`, { kind: 'services' });
    expect(byTaxonomy.body.total_items).toBeGreaterThanOrEqual(byTerm.body.total_items);
    const future = await get('/services?modified_after=2099-01-01', { kind: 'services' });
    expect(future.body).toMatchObject({ total_items: 0, empty: true, size: 0, contents: [] });
    const adults = await get('/services?minimum_age=18&per_page=100', { kind: 'services' });
    for (const s of adults.body.contents) expect(s.minimum_age).toBeGreaterThanOrEqual(18);
  });

  it('lists taxonomies and terms, and each by id, valid against the standard', async () => {
    const tax = await get('/taxonomies', { kind: 'taxonomies' });
    expectValid('taxonomy_page', tax.body);
    expect(tax.body.total_items).toBeGreaterThan(0);
    for (const t of tax.body.contents) {
      const one = await get(`/taxonomies/${t.id}`, { kind: 'taxonomy', id: t.id });
      expectValid('taxonomy', one.body);
    }
    for (const p of await walk('/taxonomy_terms?per_page=100', { kind: 'taxonomy_terms' })) {
      expectValid('taxonomy_term_page', p);
      for (const t of p.contents) {
        const one = await get(`/taxonomy_terms/${t.id}`, { kind: 'taxonomy_term', id: t.id });
        expect(one.status).toBe(200);
        expectValid('taxonomy_term', one.body);
      }
    }
  }, 120_000);

  it.each([
    ['/services?per_page=lots', 'per_page'],
    ['/services?page=0', 'page'],
    ['/services?taxonomy_term_id=housing', 'taxonomy_term_id'],
    ['/services?modified_after=yesterday', 'modified_after'],
    ['/services?minimum_age=-1', 'minimum_age'],
    ['/services?proximity=1000', 'proximity'],
    ['/services?postcode=nowhere&proximity=1000', 'postcode'],
    ['/services?postcode=EB1%201AL&proximity=far', 'proximity'],
    ['/services?full_service=yes', 'full_service'],
  ])('answers %s with 400 naming %s', async (path, parameter) => {
    const got = await get(path, { kind: 'services' });
    expect(got.status).toBe(400);
    expect(got.body).toMatchObject({ error: 'bad_parameter', parameter });
    expect(got.body.message).toContain(parameter);
    expect(got.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers an unknown, malformed or unpublished id with 404 JSON', async () => {
    for (const id of ['7d3c0b5e-0000-4000-8000-000000000000', 'not-an-id', hidden.unpublished, hidden.pendingGroup]) {
      const got = await get(`/services/${id}`, { kind: 'service', id });
      expect(got.status).toBe(404);
      expect(got.body.error).toBe('not_found');
      expect(got.headers.get('content-type')).toContain('application/json');
    }
    const term = await get('/taxonomy_terms/not-an-id', { kind: 'taxonomy_term', id: 'not-an-id' });
    expect(term.status).toBe(404);
  });

  it('leaves out unpublished listings, unapproved groups, and anything about people', async () => {
    const pages = await walk('/services?full_service=true&per_page=100');
    const text = JSON.stringify(pages);
    expect(text).not.toContain(hidden.unpublished);
    expect(text).not.toContain(hidden.pendingGroup);
    expect(text).not.toContain('Unapproved Group');
    // No resident's name and no staff member's address that is not already a listing's public one.
    const people = await db.person.findMany({ select: { name: true }, take: 200 });
    for (const p of people) expect(text).not.toContain(`"${p.name}"`);
    const users = await db.user.findMany({ select: { email: true } });
    const publicEmails = new Set(
      (await db.service.findMany({ select: { email: true, organisation: { select: { email: true } } } }))
        .flatMap((s) => [s.email, s.organisation.email])
        .filter((e): e is string => Boolean(e))
        .map((e) => e.toLowerCase()),
    );
    for (const u of users) if (!publicEmails.has(u.email.toLowerCase())) expect(text).not.toContain(u.email);
  }, 120_000);

  it('sends an ETag and answers a repeat with 304 until something changes', async () => {
    const first = await get('/services?per_page=10', { kind: 'services' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const again = await get('/services?per_page=10', { kind: 'services' }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const otherQuery = await get('/services?per_page=11', { kind: 'services' }, { 'if-none-match': etag });
    expect(otherQuery.status).toBe(200);
    const [id] = await publishedIds();
    await db.service.update({ where: { id }, data: { name: 'Renamed for the ETag test' } });
    const changed = await get('/services?per_page=10', { kind: 'services' }, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('is open to any site: CORS on answers and a preflight', async () => {
    const got = await get('/services?per_page=1', { kind: 'services' });
    expect(got.headers.get('access-control-allow-origin')).toBe('*');
    const pre = orukOptions();
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('answers 429 with Retry-After once an address passes the limit', async () => {
    const before = process.env.ORUK_RATE_LIMIT_PER_MINUTE;
    process.env.ORUK_RATE_LIMIT_PER_MINUTE = '3';
    try {
      const from = { 'x-forwarded-for': '203.0.113.77' };
      for (let i = 0; i < 3; i++) expect((await get('/', { kind: 'root' }, from)).status).toBe(200);
      const over = await get('/', { kind: 'root' }, from);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(over.body.error).toBe('rate_limited');
      expect((await get('/', { kind: 'root' }, { 'x-forwarded-for': '203.0.113.78' })).status).toBe(200);
    } finally {
      if (before === undefined) delete process.env.ORUK_RATE_LIMIT_PER_MINUTE;
      else process.env.ORUK_RATE_LIMIT_PER_MINUTE = before;
    }
  });

  it('downloads every published service as one JSON array, each valid', async () => {
    const res = await orukDownload(
      new Request('http://localhost:3000/data/services.json', { headers: { 'x-forwarded-for': '192.0.2.10' } }),
      { contentType: 'application/json', filename: 'services.json', body: async (d, now) => await collect(servicesJson(d, now)) },
      { db, now: NOW },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('services.json');
    const services = JSON.parse(await res.text()) as Array<{ id: string }>;
    expect(services.map((s) => s.id)).toEqual(await publishedIds());
    for (const s of services) expectValid('service', s);
  }, 120_000);

  it('downloads the CSV tables in a zip, with the profile’s files and columns', async () => {
    const files = unzip(await csvZip(db, NOW));
    expect(Object.keys(files).sort()).toEqual(Object.keys(CSV_TABLES).sort());
    for (const [name, text] of Object.entries(files)) {
      const example = readFileSync(`lib/oruk/standard/examples/csv/${name}`, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]!
        .replace(/[^\x20-\x7e]/g, ''); // some example files end their header line with a doubled carriage return
      expect(text.split('\r\n')[0], name).toBe(example);
    }
    const services = parse(files['services.csv']!, { columns: true }) as Array<{ id: string; status: string }>;
    expect(services.map((s) => s.id)).toEqual(await publishedIds());
    const schedules = parse(files['schedule.csv']!, { columns: true }) as Array<{ service_id: string; opens_at: string }>;
    expect(schedules.length).toBeGreaterThan(100);
    for (const s of schedules) if (s.opens_at) expect(s.opens_at).toMatch(/^\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    const phones = parse(files['phones.csv']!, { columns: true }) as Array<{ contact_id: string }>;
    const contacts = new Set((parse(files['contacts.csv']!, { columns: true }) as Array<{ id: string }>).map((c) => c.id));
    for (const p of phones) expect(contacts.has(p.contact_id)).toBe(true);
  }, 120_000);
});

describe('what we publish, a directory running this service can take in', () => {
  let other: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    other = await freshDatabase();
  });
  afterAll(async () => {
    await other.drop();
  });

  it('imports our JSON download and our CSV zip into an empty directory, every service, nothing refused', async () => {
    const published = await publishedIds();
    const json = JSON.parse(await collect(servicesJson(db, NOW))) as unknown;
    const fromJson = await runOrukImport(
      other.db,
      { kind: 'json', value: json },
      { feedName: 'Eastbrook JSON', apply: true, now: NOW },
    );
    expect(fromJson.refused).toEqual([]);
    expect(fromJson).toMatchObject({ ok: true, applied: true, read: published.length });
    const fromZip = await runOrukImport(
      other.db,
      { kind: 'zip', data: new Uint8Array(await csvZip(db, NOW)) },
      { feedName: 'Eastbrook CSV', apply: true, now: NOW },
    );
    expect(fromZip.refused).toEqual([]);
    expect(fromZip).toMatchObject({ ok: true, applied: true, read: published.length });
    // Each feed keeps its own copy (records are kept by feed and the feed's id).
    expect(await other.db.service.count({ where: { sourceId: { in: published } } })).toBe(2 * published.length);
  }, 240_000);
});

async function collect(parts: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const p of parts) out += p;
  return out;
}

function unzip(buf: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(buf))).map(([name, data]) => [name, strFromU8(data)]));
}
