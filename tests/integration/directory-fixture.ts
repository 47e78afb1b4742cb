// A small hand-made directory for the search and service page tests. Places sit around a made-up
// "Eastbrook" centre; each service exists to prove one behaviour.
import { subMonths } from 'date-fns';
import type { PrismaClient } from '@/lib/db/generated/client';

/** Tuesday 24 November 2026, 9am in London. */
export const NOW = new Date('2026-11-24T09:00:00Z');

export const PLACES = {
  // EB1 2AB, the search centre.
  home: { postcode: 'EB1 2AB', latitude: 51.4, longitude: -0.7 },
  near: { postcode: 'EB1 3CD', latitude: 51.405, longitude: -0.71 },
  mid: { postcode: 'EB2 4EF', latitude: 51.43, longitude: -0.65 },
  far: { postcode: 'EB9 9XY', latitude: 51.6, longitude: -0.4 },
} as const;

type Ids = Record<string, string>;

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function buildDirectory(db: PrismaClient) {
  const ward = await db.ward.create({ data: { code: 'E05990001', name: 'Northfield' } });
  const ward2 = await db.ward.create({ data: { code: 'E05990002', name: 'Riverside' } });
  const area = await db.area.create({
    data: { code: 'E01990001', name: 'Eastbrook 001A', wardId: ward.id, population: 1500, imdDecile: 3 },
  });
  const area2 = await db.area.create({
    data: { code: 'E01990002', name: 'Eastbrook 002A', wardId: ward2.id, population: 1600, imdDecile: 8 },
  });
  await db.postcode.createMany({
    data: [
      { postcode: 'EB1 2AB', district: 'EB1', latitude: PLACES.home.latitude, longitude: PLACES.home.longitude, areaId: area.id },
      { postcode: 'EB1 3CD', district: 'EB1', latitude: PLACES.near.latitude, longitude: PLACES.near.longitude, areaId: area.id },
      { postcode: 'EB2 4EF', district: 'EB2', latitude: PLACES.mid.latitude, longitude: PLACES.mid.longitude, areaId: area2.id },
    ],
  });

  const taxonomy = await db.taxonomy.create({ data: { name: 'Eastbrook needs', description: 'Local needs themes' } });
  const term = (code: string, name: string, synonyms: string[], sortOrder: number) =>
    db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code, name, synonyms, sortOrder } });
  const themes = {
    loneliness: await term('loneliness', 'Loneliness and isolation', ['lonely', 'isolated', 'alone'], 1),
    money: await term('money', 'Money and debt', ['money', 'benefits', 'debt advice'], 2),
    physical: await term('physical-activity', 'Physical activity', ['exercise', 'fitness'], 3),
    carers: await term('carers', 'Carers', ['caring', 'carer'], 4),
    conditions: await term('long-term-conditions', 'Long-term conditions', ['diabetes'], 5),
  };

  const orgA = await db.organisation.create({
    data: { name: 'Eastbrook Age Concern', status: 'approved', verified: true, verifiedAt: subMonths(NOW, 2) },
  });
  const orgB = await db.organisation.create({ data: { name: 'Riverside Trust', status: 'approved' } });

  const loc = (name: string, p: { postcode: string; latitude: number; longitude: number }, accessibility: string[] = []) =>
    db.location.create({
      data: {
        name,
        address1: `${name}, 1 High Street`,
        city: 'Eastbrook',
        postcode: p.postcode,
        latitude: p.latitude,
        longitude: p.longitude,
        accessibility,
      },
    });
  const hall = await loc('Northfield Hall', PLACES.home, ['step_free', 'hearing_loop']);
  const park = await loc('Riverside Park', PLACES.near, ['step_free']);
  const church = await loc('St Mark’s Church', PLACES.mid, ['hearing_loop']);
  const farHall = await loc('Far Village Hall', PLACES.far, ['step_free', 'hearing_loop']);

  const ids: Ids = {};
  type Input = {
    key: string;
    name: string;
    description: string;
    org?: 'A' | 'B';
    themes: Array<keyof typeof themes>;
    locations?: Array<{ id: string }>;
    schedules?: Array<Record<string, unknown>>;
    extra?: Record<string, unknown>;
  };
  const service = async (s: Input) => {
    const created = await db.service.create({
      data: {
        organisationId: (s.org === 'B' ? orgB : orgA).id,
        name: s.name,
        description: s.description,
        published: true,
        status: 'active',
        assuredAt: subMonths(NOW, 1),
        deliveryModes: ['in_person'],
        ...s.extra,
        taxonomyTerms: { create: s.themes.map((t) => ({ termId: themes[t].id })) },
        locations: { create: (s.locations ?? []).map((l) => ({ locationId: l.id })) },
        schedules: { create: (s.schedules ?? []) as never },
      },
    });
    ids[s.key] = created.id;
  };

  await service({
    key: 'cafe',
    name: 'Friendship Café',
    description: 'A warm welcome for anyone who would like some company. Tea, cake and conversation every week.',
    themes: ['loneliness'],
    locations: [hall],
    schedules: [{ freq: 'WEEKLY', byDay: ['TU'], opensAt: '10:00', closesAt: '12:00' }],
    extra: { isFree: true, minimumAge: 50, accessMethods: ['self_refer'], capacityStatus: 'open' },
  });
  await service({
    key: 'walk',
    name: 'Walking for Health',
    description: 'Gentle group walks through the parks, led by trained volunteers. Go at your own pace.',
    themes: ['physical'],
    locations: [park],
    schedules: [{ freq: 'WEEKLY', byDay: ['SA'], opensAt: '10:00', closesAt: '11:30' }],
    extra: { isFree: true, minimumAge: 18, accessMethods: ['drop_in'], capacityStatus: 'open' },
  });
  await service({
    key: 'dementia',
    name: 'Dementia Carers Support Group',
    description: 'Peer support for people looking after a husband, wife or parent with memory loss.',
    org: 'B',
    themes: ['carers', 'conditions'],
    locations: [church],
    schedules: [{ freq: 'MONTHLY', byDay: ['2TH'], opensAt: '19:00', closesAt: '21:00' }],
    extra: {
      isFree: false,
      costDescription: '£2 a session',
      minimumAge: 18,
      accessMethods: ['professional_referral'],
      capacityStatus: 'waiting_list',
    },
  });
  await service({
    key: 'debt',
    name: 'Eastbrook Debt Advice Line',
    description: 'Free, confidential help with bills, arrears and benefit claims, by phone or video call.',
    org: 'B',
    themes: ['money'],
    schedules: [{ freq: 'WEEKLY', byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }],
    extra: {
      isFree: true,
      deliveryModes: ['phone', 'online'],
      accessMethods: ['self_refer'],
      capacityStatus: 'open',
      capacitySpaces: 5,
    },
  });
  await service({
    key: 'lunch',
    name: 'Loneliness Lunch Club',
    description: 'A hot two-course lunch and company.',
    themes: ['loneliness'],
    locations: [farHall],
    schedules: [{ freq: 'WEEKLY', interval: 2, byDay: ['WE'], dtstart: date('2026-11-04'), opensAt: '12:00', closesAt: '14:00' }],
    extra: { isFree: false, costDescription: '£4 for lunch', minimumAge: 60, capacityStatus: 'full' },
  });
  await service({
    key: 'yoga',
    name: 'Evening Yoga',
    description: 'Chair-based yoga for beginners. Mats provided.',
    themes: ['physical'],
    locations: [park, hall],
    schedules: [{ freq: 'WEEKLY', byDay: ['MO'], opensAt: '18:30', closesAt: '19:30' }],
    extra: { isFree: false, costDescription: '£3', accessMethods: ['self_refer'], capacityStatus: 'open', capacitySpaces: 0 },
  });
  await service({
    key: 'shed',
    name: "Men's Shed",
    description: 'Woodwork, repairs and a cuppa in a friendly workshop.',
    themes: ['loneliness'],
    locations: [church],
    schedules: [{ freq: 'WEEKLY', byDay: ['TU'], opensAt: '13:00', closesAt: '16:00' }],
    extra: {
      status: 'temporarily_closed',
      isFree: true,
      accessMethods: ['drop_in'],
      alert: 'Closed while the workshop roof is repaired.',
    },
  });
  await service({
    key: 'books',
    name: 'Library Book Club',
    description: 'Read and talk about a book a month.',
    themes: ['loneliness'],
    locations: [hall],
    schedules: [
      { freq: 'ONCE', validFrom: date('2026-12-05'), validTo: date('2026-12-05'), opensAt: '10:00', closesAt: '13:00' },
    ],
    extra: { isFree: true, assuredAt: subMonths(NOW, 8) },
  });
  // Hidden: stale, unpublished, inactive, defunct.
  await service({
    key: 'stale',
    name: 'Lonely Hearts Knitting Circle',
    description: 'Knitting and natter for anyone feeling lonely.',
    themes: ['loneliness'],
    locations: [hall],
    extra: { isFree: true, assuredAt: subMonths(NOW, 13) },
  });
  await service({
    key: 'draft',
    name: 'Lonely No More Garden Club',
    description: 'Gardening together.',
    themes: ['loneliness'],
    locations: [hall],
    extra: { published: false },
  });
  await service({
    key: 'inactive',
    name: 'Lonely Voices Choir',
    description: 'A choir that no longer meets.',
    themes: ['loneliness'],
    locations: [hall],
    extra: { status: 'inactive' },
  });
  await service({
    key: 'defunct',
    name: 'Lonely Planet Travel Club',
    description: 'Closed for good.',
    themes: ['loneliness'],
    locations: [hall],
    extra: { status: 'defunct' },
  });
  return { ids, themes, wards: { northfield: ward, riverside: ward2 }, locations: { hall, park, church, farHall } };
}
