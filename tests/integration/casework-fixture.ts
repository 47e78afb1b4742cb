// Two teams, their workers and coordinators, two provider groups with a service each, a
// commissioner and an admin, a small taxonomy and an area, and one person with a case. Each call
// makes its own rows (tagged), so tests in one file do not share them.
import { randomBytes } from 'node:crypto';
import type { SessionUser } from '@/lib/auth/types';
import type { Db } from '@/lib/db/client';

export function asSession(
  u: { id: string; name: string; email: string; role: SessionUser['role']; teamId: string | null },
  organisationIds: string[] = [],
): SessionUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role, teamId: u.teamId, organisationIds };
}

export async function caseworkWorld(db: Db) {
  const tag = randomBytes(4).toString('hex');
  const teamA = await db.team.create({ data: { name: `Connectors ${tag}`, email: `team-${tag}@example.gov.uk` } });
  const teamB = await db.team.create({ data: { name: `PCN team ${tag}` } });
  const user = (key: string, role: SessionUser['role'], teamId: string | null) =>
    db.user.create({ data: { email: `${key}-${tag}@example.test`, name: `${key} ${tag}`, passwordHash: 'x', role, teamId } });
  const workerRow = await user('worker', 'link_worker', teamA.id);
  const worker2Row = await user('worker2', 'link_worker', teamA.id);
  const coordinatorRow = await user('coordinator', 'coordinator', teamA.id);
  const otherWorkerRow = await user('other', 'link_worker', teamB.id);
  const commissionerRow = await user('commissioner', 'commissioner', null);
  const adminRow = await user('admin', 'admin', null);
  const provider1Row = await user('provider1', 'provider', null);
  const provider2Row = await user('provider2', 'provider', null);

  const org1 = await db.organisation.create({
    data: { name: `Age Well ${tag}`, email: `agewell-${tag}@example.org`, status: 'approved' },
  });
  const org2 = await db.organisation.create({
    data: { name: `Men's Shed ${tag}`, email: `shed-${tag}@example.org`, status: 'approved' },
  });
  await db.organisationMember.create({ data: { organisationId: org1.id, userId: provider1Row.id } });
  await db.organisationMember.create({ data: { organisationId: org2.id, userId: provider2Row.id } });
  const service1 = await db.service.create({
    data: { organisationId: org1.id, name: `Lunch club ${tag}`, email: `lunch-${tag}@example.org`, published: true },
  });
  const service2 = await db.service.create({ data: { organisationId: org2.id, name: `Woodwork ${tag}`, published: true } });

  const taxonomy = await db.taxonomy.create({ data: { name: `Needs ${tag}`, description: 'Local needs' } });
  const loneliness = await db.taxonomyTerm.create({
    data: { taxonomyId: taxonomy.id, code: `lonely-${tag}`, name: 'Loneliness and isolation' },
  });
  const money = await db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code: `money-${tag}`, name: 'Money and debt' } });

  const ward = await db.ward.create({ data: { code: `W${tag}`, name: `Riverside ${tag}` } });
  const area = await db.area.create({
    data: { code: `E0${tag}`, name: `Riverside 001A ${tag}`, wardId: ward.id, population: 1500, imdDecile: 3 },
  });
  const postcode = `EB${(parseInt(tag.slice(0, 2), 16) % 9) + 1} ${parseInt(tag.slice(2, 3), 16) % 10}AB`;
  await db.postcode.upsert({
    where: { postcode },
    create: { postcode, district: postcode.split(' ')[0], latitude: 51.4, longitude: -0.7, areaId: area.id },
    update: { areaId: area.id },
  });

  const person = await db.person.create({
    data: {
      name: 'Margaret Hughes',
      phone: '07700 900456',
      email: `margaret-${tag}@example.com`,
      preferredContact: 'phone',
      postcode,
      areaId: area.id,
      ageBand: '75-84',
    },
  });
  const receivedAt = new Date('2026-11-02T09:00:00Z');
  const kase = await db.case.create({
    data: {
      reference: `EB-${tag}`,
      personId: person.id,
      teamId: teamA.id,
      source: 'gp',
      whatMatters: 'Getting out of the house',
      receivedAt,
      status: 'triaged',
      rag: 'amber',
      triagedAt: new Date('2026-11-03T10:00:00Z'),
      assignedWorkerId: workerRow.id,
      assignedAt: new Date('2026-11-03T10:05:00Z'),
    },
  });
  await db.caseNeed.create({ data: { caseId: kase.id, termId: loneliness.id } });
  await db.consent.create({ data: { personId: person.id, scope: 'contact', givenAt: receivedAt } });

  return {
    tag,
    teamA,
    teamB,
    worker: asSession(workerRow),
    worker2: asSession(worker2Row),
    coordinator: asSession(coordinatorRow),
    otherWorker: asSession(otherWorkerRow),
    commissioner: asSession(commissionerRow),
    admin: asSession(adminRow),
    provider1: asSession(provider1Row, [org1.id]),
    provider2: asSession(provider2Row, [org2.id]),
    org1,
    org2,
    service1,
    service2,
    loneliness,
    money,
    ward,
    area,
    postcode,
    person,
    kase,
    /** A share agreement for the person (any provider unless an organisation is given). */
    async agreeToShare(fields: string[], organisationId: string | null = null, givenAt = new Date('2026-11-05T09:00:00Z')) {
      return db.consent.create({ data: { personId: person.id, scope: 'share_with_provider', fields, organisationId, givenAt } });
    },
  };
}

export type CaseworkWorld = Awaited<ReturnType<typeof caseworkWorld>>;

/** A conversation input as the form would give it after parsing. */
export function conversation(
  overrides: Partial<import('@/lib/cases/conversations').ConversationInput> = {},
): import('@/lib/cases/conversations').ConversationInput {
  return {
    occurredOn: '2026-11-10',
    type: 'listen_connect',
    whatMatters: 'Seeing people again',
    strengths: 'Good neighbours',
    needs: [],
    goals: 'Join a group',
    actions: 'Look at lunch clubs',
    nextFollowUpOn: '2026-11-17',
    ...overrides,
  };
}
