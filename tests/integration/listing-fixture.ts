// A small world for listing tests: needs themes, a postcode, an approved group with a provider,
// a group waiting for approval, and a coordinator.
import type { SessionUser } from '@/lib/auth/types';
import type { PrismaClient } from '@/lib/db/generated/client';
import { blankListing, parseListing, type ListingInput, type ListingValues } from '@/lib/listings/schema';

export const NOW = new Date('2026-11-24T10:00:00Z');

let counter = 0;
const unique = (s: string) => `${s}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export async function listingWorld(db: PrismaClient) {
  const tag = unique('w');
  let taxonomy = await db.taxonomy.findFirst({ where: { name: 'Test needs' } });
  taxonomy ??= await db.taxonomy.create({ data: { name: 'Test needs', description: 'Needs themes for tests' } });
  const term = async (code: string, name: string, sortOrder: number) =>
    (await db.taxonomyTerm.findUnique({ where: { code } })) ??
    db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code, name, sortOrder } });
  const needs = {
    loneliness: await term('loneliness', 'Loneliness and isolation', 1),
    physical: await term('physical-activity', 'Physical activity', 2),
    carers: await term('carers', 'Carers', 3),
  };
  if (!(await db.postcode.findUnique({ where: { postcode: 'EB1 2AB' } }))) {
    await db.postcode.create({ data: { postcode: 'EB1 2AB', district: 'EB1', latitude: 51.4, longitude: -0.7 } });
  }

  const org = await db.organisation.create({
    data: { name: `Eastbrook Walkers ${tag}`, status: 'approved', email: `group-${tag}@example.org` },
  });
  const newOrg = await db.organisation.create({ data: { name: `New Group ${tag}`, status: 'pending' } });
  const user = (role: SessionUser['role'], organisationIds: string[] = [], label: string = role) =>
    db.user
      .create({ data: { email: `${label}-${tag}@example.org`.toLowerCase(), name: `${label} ${tag}`, passwordHash: 'x', role } })
      .then(async (u) => {
        for (const organisationId of organisationIds)
          await db.organisationMember.create({ data: { organisationId, userId: u.id, role: 'owner' } });
        return { id: u.id, name: u.name, email: u.email, role: u.role, teamId: null, organisationIds } satisfies SessionUser;
      });
  const provider = await user('provider', [org.id]);
  const newProvider = await db.user
    .create({
      data: { email: `newprovider-${tag}@example.org`, name: `New provider ${tag}`, passwordHash: 'x', role: 'provider' },
    })
    .then(async (u) => {
      await db.organisationMember.create({ data: { organisationId: newOrg.id, userId: u.id, role: 'owner' } });
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        teamId: null,
        organisationIds: [newOrg.id],
      } satisfies SessionUser;
    });
  const coordinator = await user('coordinator');
  const otherProvider = await user('provider', [], 'other');
  return { org, newOrg, provider, newProvider, coordinator, otherProvider, needs };
}

export function values(organisationId: string, overrides: Partial<ListingValues> = {}): ListingValues {
  return {
    ...blankListing(organisationId),
    name: 'Tuesday Walk',
    description: 'A gentle walk round the park, then tea.',
    needs: ['physical-activity'],
    cost: 'free',
    deliveryModes: ['in_person'],
    accessMethods: ['drop_in'],
    email: 'walks@example.org',
    location: {
      name: 'Northfield Park gate',
      address1: '1 Park Road',
      address2: '',
      city: 'Eastbrook',
      postcode: 'eb12ab',
      latitude: '',
      longitude: '',
      accessibility: ['step_free'],
    },
    schedules: [
      {
        kind: 'weekly',
        days: ['TU'],
        interval: '1',
        nth: '',
        weekday: '',
        monthDay: '',
        date: '',
        startsOn: '',
        endsOn: '',
        opensAt: '10:00',
        closesAt: '11:30',
        note: '',
      },
    ],
    ...overrides,
  };
}

export function input(organisationId: string, overrides: Partial<ListingValues> = {}): ListingInput {
  const parsed = parseListing(values(organisationId, overrides));
  if (!parsed.ok) throw new Error(`fixture listing does not parse: ${JSON.stringify(parsed.fieldErrors)}`);
  return parsed.data;
}
