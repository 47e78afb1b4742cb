import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptListing, setMapping } from '@/lib/oruk/import/feeds';
import { runOrukImport, type OrukSource } from '@/lib/oruk/import';
import { saveListing, setCapacity } from '@/lib/listings/save';
import { sweepFreshness } from '@/lib/freshness';
import type { SessionUser } from '@/lib/auth/types';
import { useFreshDatabase } from '../helpers/db';
import { startFeedServer, type FeedServer } from '../helpers/oruk-feed-server';
import { input, listingWorld } from './listing-fixture';

const t = useFreshDatabase();
const NOW = new Date('2026-11-24T10:00:00Z');
const examples = path.resolve('lib/oruk/standard/examples');
const example = (name: string) => JSON.parse(readFileSync(path.join(examples, name), 'utf8')) as Record<string, unknown>;
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve('tests/fixtures/oruk', name), 'utf8')) as Record<string, unknown>;
const servers: FeedServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function admin(): Promise<SessionUser> {
  const u = await t.db.user.upsert({
    where: { email: 'oruk-admin@example.org' },
    update: {},
    create: { email: 'oruk-admin@example.org', name: 'Feed Admin', passwordHash: 'x', role: 'admin' },
  });
  return { id: u.id, name: u.name, email: u.email, role: 'admin', teamId: null, organisationIds: [] };
}

const run = (source: OrukSource, feedName: string, apply = true, extra: Record<string, unknown> = {}) =>
  runOrukImport(t.db, source, { feedName, apply, now: NOW, backoffMs: 10, ...extra });

// A v3 service in the feed's own words, with the parts the mapping reads.
function v3Service(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    name: `Feed service ${n}`,
    description: `Service number ${n}`,
    status: 'active',
    assured_date: '2026-10-01',
    organization: { id: '10000000-0000-4000-8000-000000000001', name: 'Feed Council Services', description: 'A council' },
    service_at_locations: [
      {
        id: `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        location: {
          id: '30000000-0000-4000-8000-000000000001',
          location_type: 'physical',
          name: 'Feed Hall',
          addresses: [
            {
              id: '40000000-0000-4000-8000-000000000001',
              address_1: '1 Park Road',
              city: 'Eastbrook',
              postal_code: 'eb1 2ab',
              state_province: 'England',
              country: 'GB',
              address_type: 'physical',
            },
          ],
        },
      },
    ],
    schedules: [
      {
        id: `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        freq: 'MONTHLY',
        byday: '2TU',
        dtstart: '2026-07-14',
        opens_at: '09:00Z',
        closes_at: '11:00+01:00',
      },
      {
        id: `60000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        freq: 'WEEKLY',
        interval: 2,
        byday: 'MO',
        dtstart: '2026-01-05',
        opens_at: '10:00+01:00',
        closes_at: '12:00:00',
      },
    ],
    attributes: [
      {
        id: `70000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        taxonomy_term: {
          id: '80000000-0000-4000-8000-000000000001',
          name: 'Walking groups',
          description: 'Led walks',
          taxonomy: 'LGA Services',
        },
      },
    ],
    ...over,
  };
}

describe('Open Referral UK import: the standard’s examples', () => {
  it('imports service_full.json and service_list.json, and importing them again changes nothing', async () => {
    await listingWorld(t.db);
    const full = await run({ kind: 'json', value: example('service_full.json') }, 'Examples');
    expect(full).toMatchObject({ ok: true, applied: true, version: 'v3', read: 1, refused: [] });
    expect(full.counts?.services).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const s = await t.db.service.findFirstOrThrow({
      where: { sourceId: 'ac148810-d857-441c-9679-408f346de14b', sourceFeed: { name: 'Examples' } },
      include: { schedules: true, organisation: true, locations: { include: { location: true } } },
    });
    expect(s).toMatchObject({ name: 'Community Counselling', published: true, minimumAge: 12, maximumAge: 100, isFree: false });
    expect(s.assuredAt).toEqual(new Date('2005-01-01T00:00:00Z'));
    expect(s.organisation).toMatchObject({ name: 'Example Organization Inc.', status: 'approved', companyNumber: '1234567' });
    // valid_from = valid_to: a one-off date.
    expect(s.schedules).toEqual([expect.objectContaining({ freq: 'ONCE', opensAt: '10:00', closesAt: '18:00' })]);
    // Latitude 100 is nowhere in the UK, and "ABC 1234" is no postcode: the place has no position.
    expect(s.locations[0].location).toMatchObject({
      name: 'MyCity Civic Center',
      latitude: null,
      accessibility: ['step_free', 'hearing_loop'],
    });

    const list = await run({ kind: 'json', value: example('service_list.json') }, 'Examples');
    expect(list.counts?.services).toMatchObject({ created: 0, updated: 1 });
    const again = await run({ kind: 'json', value: example('service_list.json') }, 'Examples');
    expect(again.counts?.services).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await t.db.service.count({ where: { sourceId: 'ac148810-d857-441c-9679-408f346de14b' } })).toBe(1);
  });

  it('imports the CSV tables as a zip, then again without duplicates', async () => {
    const dir = path.join(examples, 'csv');
    const zip = zipSync(
      Object.fromEntries(readdirSync(dir).map((f) => [`oruk/${f}`, strToU8(readFileSync(path.join(dir, f), 'utf8'))])),
    );
    const first = await run({ kind: 'zip', data: zip }, 'CSV examples');
    expect(first).toMatchObject({ ok: true, refused: [] });
    expect(first.counts).toMatchObject({ services: { created: 1 }, organisations: { created: 1 }, locations: { created: 1 } });
    const s = await t.db.service.findFirstOrThrow({ where: { sourceFeed: { name: 'CSV examples' } } });
    // The example's phone is written with quotes inside the cell.
    expect(s).toMatchObject({
      name: 'Community Counselling',
      contactName: 'Ann Persona',
      phone: '+44 1234 234567',
      minimumAge: 12,
    });
    const second = await run({ kind: 'zip', data: zip }, 'CSV examples');
    expect(second.counts?.services).toMatchObject({ created: 0, updated: 0, unchanged: 1, vanished: 0 });
    expect(await t.db.service.count({ where: { sourceFeed: { name: 'CSV examples' } } })).toBe(1);
  });

  it('refuses a broken copy, listing each record’s errors, and writes nothing', async () => {
    const broken = { ...example('service_full.json'), id: 'not-a-uuid', status: 'open', minimum_age: 'twelve' };
    delete (broken as Record<string, unknown>).name;
    const before = await t.db.service.count();
    const organisations = await t.db.organisation.count();
    for (const apply of [false, true]) {
      const r = await run({ kind: 'json', value: [example('service_full.json'), broken] }, 'Broken', apply);
      expect(r.ok).toBe(false);
      expect(r.refused).toEqual([
        {
          id: 'not-a-uuid',
          errors: expect.arrayContaining([
            'service is missing the required field "name"',
            'service.id must be a UUID, not "not-a-uuid"',
            'service.status must be one of "active", "inactive", "defunct", "temporarily closed", not "open"',
            'service.minimum_age must be a number, not "twelve"',
          ]),
        },
      ]);
      expect(r.counts).toBeNull();
    }
    expect(await t.db.service.count()).toBe(before);
    expect(await t.db.organisation.count()).toBe(organisations);
    expect(await t.db.orukFeed.count({ where: { name: 'Broken' } })).toBe(0);
  });
});

describe('Open Referral UK import over HTTP', () => {
  it('walks every page, retries a failing page, maps schedules and terms, and marks a vanished listing', async () => {
    const w = await listingWorld(t.db);
    const feed = await startFeedServer({
      services: [v3Service(1), v3Service(2), v3Service(3, { attributes: [] })],
      pageSize: 2,
      failOnce: ['/services?page=2', '/services/00000000-0000-4000-8000-000000000001'],
    });
    servers.push(feed);

    // A dry run counts everything and writes nothing.
    const dry = await run({ kind: 'url', url: feed.url }, 'Feed council', false);
    expect(dry).toMatchObject({ ok: true, applied: false, version: 'v3', read: 3 });
    expect(dry.counts?.services.created).toBe(3);
    expect(dry.unmapped).toEqual([{ vocabulary: 'LGA Services', code: 'Walking groups', label: 'Walking groups', services: 2 }]);
    expect(await t.db.service.count({ where: { sourceFeed: { name: 'Feed council' } } })).toBe(0);
    expect(await t.db.orukTermMapping.count({ where: { code: 'Walking groups' } })).toBe(0);
    // The failing page and service were each asked for twice.
    expect(feed.requests.filter((r) => r === '/services?page=2')).toHaveLength(2);

    const first = await run({ kind: 'url', url: feed.url }, 'Feed council');
    expect(first.counts?.services).toMatchObject({ created: 3 });
    // The unmapped term is in the admin's table; map it, and the next import uses it.
    const mapping = await t.db.orukTermMapping.findFirstOrThrow({ where: { code: 'Walking groups' } });
    expect(mapping.termId).toBeNull();
    expect(
      await t.db.$transaction((tx) => setMapping(tx, { ...w.coordinator, role: 'admin' }, mapping.id, 'physical-activity')),
    ).toBe(true);

    const svc = await t.db.service.findFirstOrThrow({
      where: { sourceId: '00000000-0000-4000-8000-000000000001' },
      include: {
        schedules: { orderBy: { freq: 'asc' } },
        locations: { include: { location: true } },
        taxonomyTerms: { include: { term: true } },
      },
    });
    expect(svc).toMatchObject({ published: true, assuredAt: new Date('2026-10-01T00:00:00Z') });
    // Geocoded from the postcode when the feed gives no position.
    expect(svc.locations[0].location).toMatchObject({ postcode: 'EB1 2AB', latitude: 51.4, longitude: -0.7 });
    expect(svc.schedules.map((s) => [s.freq, s.rrule, s.opensAt, s.closesAt])).toEqual([
      // 09:00 UTC on a July day is 10:00 in London; 11:00+01:00 is 11:00.
      ['WEEKLY', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '09:00', '12:00'],
      ['MONTHLY', 'FREQ=MONTHLY;BYDAY=2TU', '10:00', '11:00'],
    ]);
    expect(svc.taxonomyTerms).toEqual([]);

    // The feed drops service 3: it is unpublished and marked, not deleted; the term mapping now applies.
    feed.setServices([v3Service(1), v3Service(2)]);
    const second = await run({ kind: 'url', url: feed.url }, 'Feed council');
    expect(second.counts?.services).toMatchObject({ created: 0, updated: 2, vanished: 1 });
    expect(second.unmapped).toEqual([]);
    const gone = await t.db.service.findFirstOrThrow({ where: { sourceId: '00000000-0000-4000-8000-000000000003' } });
    expect(gone).toMatchObject({ published: false, sourceMissingSince: NOW });
    const mapped = await t.db.service.findFirstOrThrow({
      where: { sourceId: '00000000-0000-4000-8000-000000000001' },
      include: { taxonomyTerms: { include: { term: true } } },
    });
    expect(mapped.taxonomyTerms.map((x) => x.term.code)).toEqual(['physical-activity']);
    const third = await run({ kind: 'url', url: feed.url }, 'Feed council');
    expect(third.counts?.services).toMatchObject({ updated: 0, unchanged: 2, vanished: 0 });

    // A --limit run reads part of the feed, so it marks nothing as gone.
    feed.setServices([v3Service(1), v3Service(2), v3Service(3, { attributes: [] })]);
    const limited = await run({ kind: 'url', url: feed.url }, 'Feed council', true, { limit: 1 });
    expect(limited).toMatchObject({ ok: true, read: 1 });
    expect(limited.counts?.services.vanished).toBe(0);
  });

  it('stops on a page that keeps failing, writing nothing', async () => {
    const feed = await startFeedServer({ services: [v3Service(11), v3Service(12), v3Service(13)], failOnce: [] });
    servers.push(feed);
    const broken = await runOrukImport(
      t.db,
      { kind: 'url', url: `${feed.url}/nothing-here` },
      {
        feedName: 'Nowhere',
        apply: true,
        backoffMs: 1,
        attempts: 2,
        now: NOW,
      },
    );
    expect(broken.ok).toBe(false);
    expect(broken.failure).toMatch(/HTTP 404/);
    expect(await t.db.orukFeed.count({ where: { name: 'Nowhere' } })).toBe(0);
  });

  it('takes in a v1 feed (Spring-style pages, v1 field names)', async () => {
    await listingWorld(t.db);
    const services = [
      ...(fixture('v1-services.json').content as unknown[]),
      ...(fixture('v1-services-page2.json').content as unknown[]),
    ];
    const feed = await startFeedServer({ services: services as Array<Record<string, unknown>>, version: 'v1', pageSize: 2 });
    servers.push(feed);
    const r = await run({ kind: 'url', url: feed.url }, 'Westbury');
    expect(r).toMatchObject({ ok: true, version: 'v1', read: 3, refused: [] });
    expect(r.counts).toMatchObject({ services: { created: 3 }, organisations: { created: 2 }, locations: { created: 1 } });
    expect(r.warnings).toContainEqual({ id: 'v1-svc-1', message: expect.stringContaining('holiday schedules') });
    const lunch = await t.db.service.findFirstOrThrow({
      where: { sourceId: 'v1-svc-1', sourceFeed: { name: 'Westbury' } },
      include: { schedules: true, taxonomyTerms: { include: { term: true } }, locations: { include: { location: true } } },
    });
    expect(lunch).toMatchObject({
      isFree: false,
      costDescription: '£3 a meal; £3 a meal (Everyone)',
      eligibility: 'Over 60s',
      minimumAge: 60,
      phone: '01632 960001',
      contactName: 'Pat Jones',
      languages: ['English'],
      deliveryModes: ['in_person'],
    });
    expect(lunch.schedules).toEqual([
      expect.objectContaining({ freq: 'WEEKLY', byDay: ['WE'], opensAt: '12:00', closesAt: '14:00' }),
    ]);
    // "Loneliness and isolation" is one of our needs by name; "Meals" is not mapped.
    expect(lunch.taxonomyTerms.map((x) => x.term.code)).toEqual(['loneliness']);
    expect(r.unmapped.map((u) => u.label)).toEqual(expect.arrayContaining(['Meals', 'Money and debt']));
    expect(lunch.locations[0].location).toMatchObject({ latitude: 51.41, accessibility: ['step_free', 'hearing_loop'] });
    const advice = await t.db.service.findFirstOrThrow({ where: { sourceId: 'v1-svc-3' }, include: { schedules: true } });
    expect(advice).toMatchObject({ isFree: true, deliveryModes: ['phone'] });
    expect(advice.schedules[0]).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH' });
  });
});

describe('a feed’s listings belong to the feed', () => {
  it('refuses a local edit, naming the feed, until an admin adopts the listing', async () => {
    const w = await listingWorld(t.db);
    const actor = await admin();
    const r = await run({ kind: 'json', value: v3Service(21) }, 'Owned feed');
    expect(r.ok).toBe(true);
    const s = await t.db.service.findFirstOrThrow({ where: { sourceId: v3Service(21).id as string } });
    const coordinator = w.coordinator;
    const edit = () =>
      t.db.$transaction((tx) =>
        saveListing(tx, coordinator, { ...input(s.organisationId, { name: 'Renamed here' }), serviceId: s.id }, s.version, NOW),
      );
    expect(await edit()).toEqual({ ok: false, reason: 'feed_owned', feed: 'Owned feed' });
    expect(await t.db.$transaction((tx) => setCapacity(tx, coordinator, s.id, 'full', null, NOW))).toEqual({
      ok: false,
      reason: 'feed_owned',
      feed: 'Owned feed',
    });
    expect(await t.db.service.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      name: 'Feed service 21',
      capacityStatus: 'open',
    });
    // The freshness e-mails leave a feed's listings to the feed.
    await t.db.service.update({ where: { id: s.id }, data: { assuredAt: new Date('2020-01-01T00:00:00Z') } });
    await sweepFreshness(t.db, NOW, 1000);
    expect((await t.db.service.findUniqueOrThrow({ where: { id: s.id } })).checkRemindedAt).toBeNull();

    expect(await t.db.$transaction((tx) => adoptListing(tx, actor, s.id, NOW))).toEqual({ ok: true });
    expect(await edit()).toMatchObject({ ok: true });
    expect(await t.db.service.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ name: 'Renamed here' });
    // The feed no longer overwrites it.
    const again = await run({ kind: 'json', value: v3Service(21, { description: 'Changed at the source' }) }, 'Owned feed');
    expect(again.counts?.services).toMatchObject({ adopted: 1, updated: 0 });
    expect(await t.db.service.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ name: 'Renamed here' });
  });

  it('keeps two feeds’ records apart even when they use the same ids', async () => {
    await run({ kind: 'json', value: v3Service(31) }, 'Feed A');
    await run({ kind: 'json', value: v3Service(31, { name: 'Same id, other feed' }) }, 'Feed B');
    const rows = await t.db.service.findMany({ where: { sourceId: v3Service(31).id as string }, orderBy: { name: 'asc' } });
    expect(rows.map((r) => r.name)).toEqual(['Feed service 31', 'Same id, other feed']);
  });
});
