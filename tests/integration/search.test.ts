import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { searchServices, type SearchQuery } from '@/lib/directory/search';
import { runSearch } from '@/lib/directory/directory';
import { parseSearchParams } from '@/lib/directory/search-params';
import { londonDay } from '@/lib/directory/days';
import { hasSessionOn } from '@/lib/directory/recurrence';
import type { ScheduleLike } from '@/lib/directory/schedule';
import { haversineMetres } from '@/lib/geo/distance';
import { LocalGeocoder } from '@/lib/geo/geocoder';
import { buildDirectory, NOW, PLACES } from './directory-fixture';

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

const base: SearchQuery = {
  q: '',
  needs: [],
  origin: null,
  radiusMiles: null,
  age: null,
  free: false,
  days: [],
  times: [],
  access: [],
  modes: [],
  selfRefer: false,
  hasSpace: false,
  openToday: false,
  sort: 'name',
  page: 1,
  pageSize: 20,
  now: NOW,
  hideAfterMonths: 12,
};

const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
async function find(q: Partial<SearchQuery>) {
  const page = await searchServices(db, { ...base, ...(q.q && !q.sort ? { sort: 'relevance' as const } : {}), ...q });
  return { ...page, keys: page.rows.map((r) => keyOf(r.id)) };
}

describe('what is listed', () => {
  it('lists published, current listings, temporarily closed ones included, A to Z', async () => {
    const { keys, total } = await find({});
    expect(keys).toEqual(['dementia', 'debt', 'yoga', 'cafe', 'books', 'lunch', 'shed', 'walk']);
    expect(total).toBe(8);
  });

  it('hides listings not checked for longer than the limit', async () => {
    expect((await find({ q: 'knitting' })).keys).toEqual([]);
    expect((await find({ q: 'knitting', hideAfterMonths: 24 })).keys).toEqual(['stale']);
  });

  it('never shows unpublished, inactive or defunct listings', async () => {
    const { keys } = await find({ q: 'lonely' });
    for (const hidden of ['draft', 'inactive', 'defunct', 'stale']) expect(keys).not.toContain(hidden);
  });
});

describe('words', () => {
  it('stems English words: "walks" finds "Walking"', async () => {
    expect((await find({ q: 'walks' })).keys).toEqual(['walk']);
    expect((await find({ q: 'walking groups' })).keys).toEqual(['walk']);
  });

  it('ignores accents: "cafe" finds "Café"', async () => {
    expect((await find({ q: 'cafe' })).keys).toEqual(['cafe']);
  });

  it('forgives typos in names and themes', async () => {
    const lonliness = (await find({ q: 'lonliness' })).keys;
    expect(lonliness[0]).toBe('lunch');
    expect(lonliness).toEqual(expect.arrayContaining(['cafe', 'shed', 'books']));
    expect((await find({ q: 'dementa' })).keys).toEqual(['dementia']);
    // Only a synonym of the theme ("diabetes") is close to this misspelling.
    expect((await find({ q: 'diabetis' })).keys).toEqual(['dementia']);
    expect((await find({ q: 'lovely' })).keys).toEqual([]);
  });

  it('expands the words residents use to needs themes', async () => {
    expect((await find({ q: 'lonely' })).keys.sort()).toEqual(['books', 'cafe', 'lunch', 'shed']);
    expect((await find({ q: 'money' })).keys).toEqual(['debt']);
    expect((await find({ q: 'exercise' })).keys.sort()).toEqual(['walk', 'yoga']);
  });

  it('ranks a match in the name above one in the description', async () => {
    const { keys } = await find({ q: 'support' });
    expect(keys[0]).toBe('dementia');
    const lunch = await find({ q: 'lunch' });
    expect(lunch.keys[0]).toBe('lunch');
  });

  it('finds by the organisation name', async () => {
    expect((await find({ q: 'riverside trust' })).keys.sort()).toEqual(['debt', 'dementia']);
  });

  it('treats quotes, operators and odd characters as words, never as SQL', async () => {
    expect((await find({ q: `"tea, cake" -walk` })).keys).toEqual(['cafe']);
    expect((await find({ q: `'); DROP TABLE "Service"; --` })).total).toBe(0);
    expect((await find({})).total).toBe(8);
  });

  it('finds nothing for nonsense', async () => {
    expect((await find({ q: 'xylophone quartet' })).total).toBe(0);
  });
});

describe('filters', () => {
  it('needs (any of the themes chosen)', async () => {
    expect((await find({ needs: ['money'] })).keys).toEqual(['debt']);
    expect((await find({ needs: ['money', 'carers'] })).keys).toEqual(['dementia', 'debt']);
  });

  it('age within the range', async () => {
    const keys = (await find({ age: 30 })).keys;
    expect(keys).toEqual(expect.arrayContaining(['walk', 'dementia', 'debt', 'yoga', 'shed', 'books']));
    expect(keys).not.toContain('cafe');
    expect(keys).not.toContain('lunch');
    expect((await find({ age: 16 })).keys).not.toContain('walk');
    expect((await find({ age: 70 })).keys).toEqual(expect.arrayContaining(['cafe', 'lunch']));
  });

  it('free only', async () => {
    expect((await find({ free: true })).keys).toEqual(['debt', 'cafe', 'books', 'shed', 'walk']);
  });

  it('days of the week, from weekly, monthly and one-off schedules', async () => {
    expect((await find({ days: ['TU'] })).keys).toEqual(['debt', 'cafe', 'shed']);
    expect((await find({ days: ['TH'] })).keys).toEqual(['dementia', 'debt']);
    expect((await find({ days: ['SA'] })).keys).toEqual(['books', 'walk']);
    expect((await find({ days: ['SU'] })).keys).toEqual([]);
  });

  it('time of day', async () => {
    expect((await find({ times: ['evening'] })).keys).toEqual(['dementia', 'yoga']);
    expect((await find({ times: ['morning'] })).keys).toEqual(['debt', 'cafe', 'books', 'walk']);
    // 10am to 1pm spends an hour in the afternoon, so the book club counts for both.
    expect((await find({ times: ['afternoon'] })).keys).toEqual(['debt', 'books', 'lunch', 'shed']);
  });

  it('day and time must be the same session', async () => {
    // The debt line is Tuesday daytime and the yoga is Monday evening: neither is a Tuesday evening.
    expect((await find({ days: ['TU'], times: ['evening'] })).keys).toEqual([]);
    expect((await find({ days: ['MO'], times: ['evening'] })).keys).toEqual(['yoga']);
  });

  it('accessibility features at a location', async () => {
    expect((await find({ access: ['hearing_loop'] })).keys).toEqual(['dementia', 'yoga', 'cafe', 'books', 'lunch', 'shed']);
    expect((await find({ access: ['step_free', 'hearing_loop'] })).keys).toEqual(['yoga', 'cafe', 'books', 'lunch']);
  });

  it('in person, online or by phone', async () => {
    expect((await find({ modes: ['online'] })).keys).toEqual(['debt']);
    expect((await find({ modes: ['in_person'] })).keys).not.toContain('debt');
  });

  it('I can refer myself (self-referral or drop in)', async () => {
    expect((await find({ selfRefer: true })).keys).toEqual(['debt', 'yoga', 'cafe', 'shed', 'walk']);
  });

  it('has space now: open, not full, not out of spaces, not closed', async () => {
    expect((await find({ hasSpace: true })).keys).toEqual(['debt', 'cafe', 'books', 'walk']);
  });

  it('open today (Tuesday 24 November 2026)', async () => {
    expect((await find({ openToday: true })).keys).toEqual(['debt', 'cafe']);
  });

  it('open today agrees with the schedule rules on every day for two months', async () => {
    const schedules = await db.schedule.findMany({ include: { service: { select: { status: true } } } });
    const byService = new Map<string, ScheduleLike[]>();
    for (const s of schedules) {
      if (s.service.status !== 'active') continue;
      byService.set(s.serviceId, [...(byService.get(s.serviceId) ?? []), s as ScheduleLike]);
    }
    for (let i = 0; i < 60; i++) {
      const now = new Date(NOW.getTime() + i * 86_400_000);
      const sql = (await find({ openToday: true, now, hideAfterMonths: 120 })).rows.map((r) => r.id).sort();
      const js = [...byService.entries()]
        .filter(([, list]) => hasSessionOn(list, londonDay(now)))
        .map(([id]) => id)
        .sort();
      expect(sql, now.toISOString()).toEqual(js);
    }
  });
});

describe('place and distance', () => {
  const origin = { latitude: PLACES.home.latitude, longitude: PLACES.home.longitude };

  it('puts the nearest first, with distances that match haversine within 1%', async () => {
    const { rows, keys } = await find({ origin, sort: 'distance' });
    const located = rows.filter((r) => r.distanceMetres !== null);
    for (let i = 1; i < located.length; i++)
      expect(located[i].distanceMetres!).toBeGreaterThanOrEqual(located[i - 1].distanceMetres!);
    for (const r of located) {
      const expected = haversineMetres(origin.latitude, origin.longitude, r.latitude!, r.longitude!);
      if (expected < 1) expect(r.distanceMetres!).toBeLessThan(1);
      else expect(Math.abs(r.distanceMetres! - expected) / expected).toBeLessThan(0.01);
    }
    expect(keys.slice(0, 3).sort()).toEqual(['books', 'cafe', 'yoga']);
    // Services with no place come last.
    expect(keys.at(-1)).toBe('debt');
  });

  it('measures to the nearest of several locations', async () => {
    const { rows } = await find({ origin, sort: 'distance' });
    const yoga = rows.find((r) => r.id === ids.yoga)!;
    expect(yoga.distanceMetres).toBeLessThan(1);
  });

  it('keeps to the radius, but still lists phone and online services with no place', async () => {
    const within2 = (await find({ origin, radiusMiles: 2, sort: 'distance' })).keys;
    expect(within2).toEqual(expect.arrayContaining(['cafe', 'yoga', 'books', 'walk', 'debt']));
    expect(within2).not.toContain('dementia');
    expect(within2).not.toContain('lunch');
    const within5 = (await find({ origin, radiusMiles: 5 })).keys;
    expect(within5).toContain('dementia');
    expect(within5).not.toContain('lunch');
    expect((await find({ origin, radiusMiles: 2, modes: ['in_person'] })).keys).not.toContain('debt');
  });

  it('measures to the nearest location that has the accessibility asked for', async () => {
    const near = await find({ origin, radiusMiles: 5, access: ['hearing_loop'], sort: 'distance' });
    expect(near.keys.sort()).toEqual(['books', 'cafe', 'dementia', 'shed', 'yoga']);
    const anyDistance = await find({ origin, access: ['step_free', 'hearing_loop'], sort: 'distance' });
    expect(anyDistance.keys).toEqual(['yoga', 'cafe', 'books', 'lunch']);
    // Evening Yoga meets at the park (step-free only) and the hall (both): the hall is the one measured.
    const yoga = anyDistance.rows.find((r) => r.id === ids.yoga)!;
    expect(yoga.latitude).toBeCloseTo(PLACES.home.latitude, 6);
  });

  it('combines needs, words and a place', async () => {
    expect((await find({ origin, radiusMiles: 5, needs: ['loneliness'], q: 'tea', sort: 'distance' })).keys).toEqual(['cafe']);
    expect((await find({ origin, radiusMiles: 5, needs: ['money'], sort: 'distance' })).keys).toEqual(['debt']);
  });

  it('orders by relevance or by recent update when asked', async () => {
    const rel = await find({ origin, q: 'lonely', sort: 'relevance' });
    expect(rel.rows[0].rank).toBeGreaterThanOrEqual(rel.rows.at(-1)!.rank);
    await db.service.update({
      where: { id: ids.walk },
      data: { description: 'Gentle group walks through the parks, led by trained volunteers. Go at your own pace!' },
    });
    expect((await find({ sort: 'updated' })).keys[0]).toBe('walk');
  });
});

describe('pages', () => {
  it('gives 20 a page with the total, and an empty page past the end', async () => {
    const first = await find({ pageSize: 3 });
    expect(first.rows).toHaveLength(3);
    expect(first.total).toBe(8);
    const third = await find({ pageSize: 3, page: 3 });
    expect(third.keys).toEqual(['shed', 'walk']);
    const beyond = await find({ pageSize: 3, page: 9 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(8);
  });
});

describe('the whole search from the URL', () => {
  const run = (query: string) => {
    const { params, errors } = parseSearchParams(new URLSearchParams(query));
    return runSearch(db, params, errors, { now: NOW, geocoder: new LocalGeocoder(db) });
  };

  it('searches near a postcode, nearest first, with miles', async () => {
    const out = await run('q=lonely&place=eb12ab&radius=5&free=1&day=tuesday');
    expect(out.errors).toEqual({});
    expect(out.place?.label).toBe('EB1 2AB');
    expect(out.results.map((r) => keyOf(r.id))).toEqual(['cafe', 'shed']);
    expect(out.results[0].distanceMiles).toBeLessThan(0.01);
    expect(out.results[0].nextSession?.start.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(out.results[0].when).toBe('Every Tuesday, 10am to midday');
    expect(out.results[0].needs).toEqual([{ code: 'loneliness', name: 'Loneliness and isolation' }]);
    expect(out.results[1].status).toBe('temporarily_closed');
    expect(out.results[1].nextSession).toBeNull();
  });

  it('marks listings past the warning age', async () => {
    const out = await run('q=book');
    expect(out.results.map((r) => [keyOf(r.id), r.stale])).toEqual([['books', true]]);
  });

  it('searches near a district or a ward', async () => {
    const district = await run('place=EB2&sort=distance');
    expect(district.place).toMatchObject({ kind: 'district', label: 'EB2' });
    expect(keyOf(district.results[0].id)).toBe('dementia');
    const ward = await run('place=riverside&radius=1');
    expect(ward.place).toMatchObject({ kind: 'ward', label: 'Riverside' });
    expect(ward.results.map((r) => keyOf(r.id))).toEqual(['dementia', 'shed', 'debt']);
  });

  it('falls back to the district for an unknown postcode, and says so', async () => {
    const out = await run('place=EB1 9ZZ');
    expect(out.place).toMatchObject({ kind: 'district', label: 'EB1' });
    expect(out.placeNotice).toMatch(/could not find the postcode EB1 9ZZ/);
  });

  it('stops with a field error for a place it cannot find, and for bad values', async () => {
    const out = await run('place=not a place!&age=old&day=someday&radius=3');
    expect(out.blocked).toBe(true);
    expect(out.errors.place).toBe("That doesn't look like a UK postcode. Enter a postcode, like EB1 1AL, or the name of a ward");
    expect(out.errors.age).toBe('Enter an age in years, like 67');
    expect(out.errors.days).toBe('Choose days from the list');
    expect(out.errors.radius).toBe('Choose a distance from the list');
  });

  it('logs a search that finds nothing, with the ward and district but never the postcode', async () => {
    await db.searchLog.deleteMany();
    const out = await run('q=xylophone+lessons+near+EB1+2AB&place=EB1+2AB&radius=1&free=1');
    expect(out.total).toBe(0);
    const logs = await db.searchLog.findMany();
    expect(logs).toHaveLength(1);
    const log = logs[0];
    expect(log.resultCount).toBe(0);
    expect(log.district).toBe('EB1');
    const ward = await db.ward.findUnique({ where: { code: 'E05990001' } });
    expect(log.wardId).toBe(ward!.id);
    expect(log.terms).toBe('xylophone lessons near EB1');
    expect(log.filters).toEqual({ radius: 1, free: true });
    // Nothing but the ids (random, and may hold "2ab" by chance) is left out of the check.
    const { id: _id, wardId: _wardId, ...logged } = log;
    expect(JSON.stringify(logged)).not.toMatch(/2AB/i);
    // Loosening suggestions only offer searches that find something.
    for (const s of out.suggestions) expect(s.count).toBeGreaterThan(0);
  });

  it('logs at most so many searches an hour from one address, and so many a day for the same words', async () => {
    const saved = { ...process.env };
    process.env.SEARCH_LOG_PER_ADDRESS_PER_HOUR = '3';
    process.env.SEARCH_LOG_PER_WORDS_PER_DAY = '2';
    try {
      await db.searchLog.deleteMany();
      await db.rateLimitBucket.deleteMany();
      const search = (q: string, ip: string, at: Date) => {
        const { params, errors } = parseSearchParams(new URLSearchParams({ q }));
        return runSearch(db, params, errors, { now: at, clientIp: ip, suggest: false });
      };
      // One address rotating its words: three an hour are counted, the rest are not.
      for (let i = 0; i < 6; i++) await search(`zither ${'abcdef'[i]}`, '198.51.100.7', NOW);
      expect(await db.searchLog.count()).toBe(3);
      // Many addresses repeating the same words: twice a day.
      await db.searchLog.deleteMany();
      for (let i = 0; i < 5; i++) await search('theremin', `203.0.113.${i}`, NOW);
      expect(await db.searchLog.count({ where: { terms: 'theremin' } })).toBe(2);
      await search('theremin', '203.0.113.99', new Date(NOW.getTime() + 24 * 60 * 60 * 1000));
      expect(await db.searchLog.count({ where: { terms: 'theremin' } })).toBe(3);
    } finally {
      for (const key of ['SEARCH_LOG_PER_ADDRESS_PER_HOUR', 'SEARCH_LOG_PER_WORDS_PER_DAY'])
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
    }
  });

  it('does not log searches that find something', async () => {
    await db.searchLog.deleteMany();
    await run('q=lonely');
    expect(await db.searchLog.count()).toBe(0);
  });

  it('suggests loosening the filters when nothing matches', async () => {
    const out = await run('q=walking&place=EB1 2AB&radius=1&day=sunday');
    expect(out.total).toBe(0);
    expect(out.suggestions.map((s) => s.text)).toContain('Remove all filters');
  });
});

// Last in the file: it adds listings the counts above do not expect.
describe('open today for rules the editor does not write', () => {
  it('agrees with the schedule rules, which follow RFC 5545', async () => {
    const org = await db.organisation.findFirstOrThrow();
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const rules: Array<Record<string, unknown>> = [
      // Saturday the 13th: weekdays and a day of the month narrow each other (13 February 2027).
      { freq: 'MONTHLY', byDay: ['SA'], byMonthDay: 13 },
      // The second to last day of the month.
      { freq: 'MONTHLY', byDay: [], byMonthDay: -2 },
      // Valid from before its DTSTART: the series starts at DTSTART.
      { freq: 'WEEKLY', byDay: ['TH'], validFrom: date('2026-11-01'), dtstart: date('2026-12-10') },
      // Every other month on the 1st, counted from the start date.
      { freq: 'MONTHLY', interval: 2, byDay: [], byMonthDay: 1, dtstart: date('2026-10-01') },
    ];
    const created: string[] = [];
    for (const [i, r] of rules.entries()) {
      const s = await db.service.create({
        data: {
          organisationId: org.id,
          name: `Odd rule ${i}`,
          description: 'A rule from elsewhere.',
          published: true,
          status: 'active',
          assuredAt: NOW,
          deliveryModes: ['in_person'],
          schedules: { create: [{ opensAt: '10:00', closesAt: '11:00', ...r } as never] },
        },
      });
      created.push(s.id);
    }
    const schedules = await db.schedule.findMany({ where: { serviceId: { in: created } } });
    const days: string[] = [];
    for (let i = 0; i < 100; i++) {
      const now = new Date(NOW.getTime() + i * 86_400_000);
      const sql = (await find({ openToday: true, now, hideAfterMonths: 120 })).rows
        .map((r) => r.id)
        .filter((id) => created.includes(id))
        .sort();
      const js = schedules
        .filter((s) => hasSessionOn([s as ScheduleLike], londonDay(now)))
        .map((s) => s.serviceId)
        .sort();
      expect(sql, now.toISOString()).toEqual(js);
      if (sql.includes(created[0])) days.push(now.toISOString().slice(0, 10));
    }
    expect(days).toEqual(['2027-02-13']);
  });
});
