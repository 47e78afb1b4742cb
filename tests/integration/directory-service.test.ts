import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { freshDatabase } from '../helpers/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { getPublicService, getPublicServices } from '@/lib/directory/service';
import { problemReportInput, REPORT_LIMIT, submitProblemReport } from '@/lib/directory/report';
import { loadPostcodes } from '@/lib/geo/onspd';
import { LocalGeocoder } from '@/lib/geo/geocoder';
import { resolvePlace } from '@/lib/geo/place';
import { buildDirectory, NOW } from './directory-fixture';

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: PrismaClient;
let ids: Record<string, string>;

beforeAll(async () => {
  env = await freshDatabase();
  db = env.db;
  ({ ids } = await buildDirectory(db));
});
afterAll(async () => {
  await env?.drop();
});

describe('service page data', () => {
  it('has the schedule in words and the next three dates', async () => {
    const s = await getPublicService(db, ids.cafe, NOW);
    expect(s).not.toBeNull();
    expect(s!.when.map((w) => w.text)).toEqual(['Every Tuesday, 10am to midday']);
    expect(s!.nextDates.map((o) => o.start.toISOString())).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
      '2026-12-08T10:00:00.000Z',
    ]);
    expect(s!.organisation.verified).toBe(true);
    expect(s!.locations[0].accessibility).toEqual(['step_free', 'hearing_loop']);
    expect(s!.needs.map((n) => n.name)).toEqual(['Loneliness and isolation']);
    expect(s!.stale).toBe(false);
  });

  it('shows monthly wording and flags an old listing', async () => {
    const d = await getPublicService(db, ids.dementia, NOW);
    expect(d!.when[0].text).toBe('Second Thursday of the month, 7pm to 9pm');
    expect(d!.nextDates[0].start.toISOString()).toBe('2026-12-10T19:00:00.000Z');
    const books = await getPublicService(db, ids.books, NOW);
    expect(books!.stale).toBe(true);
    expect(books!.hiddenFromSearch).toBe(false);
    const stale = await getPublicService(db, ids.stale, NOW);
    expect(stale!.hiddenFromSearch).toBe(true);
  });

  it('keeps unpublished listings and bad ids out, but shows closed ones with no dates', async () => {
    expect(await getPublicService(db, ids.draft, NOW)).toBeNull();
    expect(await getPublicService(db, 'not-an-id', NOW)).toBeNull();
    expect(await getPublicService(db, '00000000-0000-4000-8000-000000000000', NOW)).toBeNull();
    const closed = await getPublicService(db, ids.inactive, NOW);
    expect(closed!.status).toBe('inactive');
    const shed = await getPublicService(db, ids.shed, NOW);
    expect(shed!.nextDates).toEqual([]);
  });

  it('loads a shortlist in the order given, leaving out what is not public', async () => {
    const list = await getPublicServices(db, [ids.walk, ids.draft, 'junk', ids.cafe], NOW);
    expect(list.map((s) => s.id)).toEqual([ids.walk, ids.cafe]);
  });
});

describe('report a problem', () => {
  const input = problemReportInput.parse({ kind: 'times', details: 'It is on Wednesdays now', email: '' });

  it('validates with messages that say what to do', () => {
    const bad = problemReportInput.safeParse({ kind: 'nope', details: '  ', email: 'not-an-email' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Select what is wrong with the listing',
        'Tell us what is wrong',
        'Enter an email address in the correct format, like name@example.com',
      ]),
    );
  });

  it('puts the report in the moderation queue', async () => {
    const result = await submitProblemReport(db, ids.cafe, { ...input, email: 'sam@example.com' }, 'ip:203.0.113.1');
    expect(result.ok).toBe(true);
    const saved = await db.listingChangeRequest.findMany({ where: { serviceId: ids.cafe } });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      kind: 'problem_report',
      status: 'pending',
      message: 'It is on Wednesdays now',
      reporterEmail: 'sam@example.com',
    });
    expect(saved[0].proposed).toMatchObject({ problem: 'times' });
    expect(saved[0].organisationId).not.toBeNull();
  });

  it('quietly drops spam that fills in the hidden field', async () => {
    const result = await submitProblemReport(db, ids.walk, { ...input, website: 'http://spam.example' }, 'ip:203.0.113.2');
    expect(result).toEqual({ ok: true, id: null });
    expect(await db.listingChangeRequest.count({ where: { serviceId: ids.walk } })).toBe(0);
  });

  it('limits how many reports one address can send in an hour', async () => {
    const key = 'ip:203.0.113.3';
    for (let i = 0; i < REPORT_LIMIT.perHour; i++) expect((await submitProblemReport(db, ids.yoga, input, key)).ok).toBe(true);
    const refused = await submitProblemReport(db, ids.yoga, input, key);
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((await submitProblemReport(db, ids.yoga, input, 'ip:203.0.113.4')).ok).toBe(true);
    expect(await db.listingChangeRequest.count({ where: { serviceId: ids.yoga } })).toBe(REPORT_LIMIT.perHour + 1);
  });

  it('refuses reports about listings that are not public', async () => {
    expect(await submitProblemReport(db, ids.draft, input, 'ip:203.0.113.5')).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('postcodes', () => {
  it('loads an ONS Postcode Directory extract and links postcodes to areas', async () => {
    const csv = [
      'pcd,pcd2,pcds,dointr,doterm,lat,long,lsoa21',
      'EB3 1AA,EB3  1AA,EB3 1AA,199001,,51.4500,-0.6000,E01990002',
      'EB3 1AB,EB3  1AB,EB3 1AB,199001,,51.4520,-0.6020,E01999999',
      'EB3 1AD,EB3  1AD,EB3 1AD,199001,201001,51.4540,-0.6040,E01990002',
      'EB3 1AE,EB3  1AE,EB3 1AE,199001,,99.999999,0.000000,',
      'RG12 1AA,RG121AA,RG12 1AA,199001,,51.41,-0.75,',
      'EB1 2AB,EB1  2AB,EB1 2AB,199001,,51.4001,-0.7001,E01990001',
    ].join('\n');
    const summary = await loadPostcodes(db, Readable.from([csv]), { districts: ['EB*'] });
    expect(summary).toEqual({
      read: 6,
      loaded: 3,
      withArea: 2,
      skipped: { terminated: 1, no_location: 1, bad_postcode: 0, other_district: 1 },
    });
    const row = await db.postcode.findUnique({ where: { postcode: 'EB3 1AA' }, include: { area: true } });
    expect(row!.area!.code).toBe('E01990002');
    // Loading again changes nothing but refreshes the coordinates.
    expect((await loadPostcodes(db, Readable.from([csv]), { districts: ['EB*'] })).loaded).toBe(3);
    expect(await db.postcode.count({ where: { district: 'EB3' } })).toBe(2);
    expect((await db.postcode.findUnique({ where: { postcode: 'EB1 2AB' } }))!.latitude).toBeCloseTo(51.4001, 6);
  });

  it('finds a postcode, a district centre and a ward', async () => {
    const g = new LocalGeocoder(db);
    expect(await g.postcode('EB9 9ZZ')).toBeNull();
    const district = await g.district('EB3');
    expect(district!.latitude).toBeCloseTo(51.451, 3);
    const ward = await resolvePlace(db, 'Northfield ward', g);
    expect(ward).toMatchObject({ ok: true, place: { kind: 'ward', label: 'Northfield' } });
    const typo = await resolvePlace(db, 'Northfeld', g);
    expect(typo).toMatchObject({ ok: false, suggestion: 'Northfield' });
    const unknownDistrict = await resolvePlace(db, 'EB7', g);
    expect(unknownDistrict).toEqual({ ok: false, error: 'We could not find EB7. Enter a full postcode, like EB1 1AL' });
  });
});
