import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/types';
import type { Db } from '@/lib/db/client';
import { adminHome } from '@/lib/ops/overview';
import { myCaseload } from '@/lib/cases/caseload';
import { providerHome } from '@/lib/providers/home';
import { needThemes } from '@/lib/directory/need-themes';
import { triageHome } from '@/lib/triage/queue';
import { freshDatabase, type FreshDatabase } from '../helpers/db';

// Wednesday 18 November 2026, midday in London.
const NOW = new Date('2026-11-18T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const dateOnly = (key: string) => new Date(`${key}T00:00:00Z`);

let env: FreshDatabase;
let db: Db;
const ids: Record<string, string> = {};

function asUser(id: string, role: SessionUser['role'], teamId: string | null, organisationIds: string[] = []): SessionUser {
  return { id, name: 'Test', email: `${id}@example.test`, role, teamId, organisationIds };
}

async function user(key: string, role: SessionUser['role'], teamId: string | null, active = true) {
  const u = await db.user.create({
    data: { email: `${key}@example.test`, name: `${key} name`, passwordHash: 'x', role, teamId, active },
  });
  ids[key] = u.id;
  return u;
}

async function kase(
  reference: string,
  data: {
    teamId: string;
    receivedAt: Date;
    status?: 'received' | 'triaged' | 'active' | 'closed';
    rag?: 'red' | 'amber' | 'green';
    assignedWorkerId?: string;
    firstContactAt?: Date;
    closedAt?: Date;
    source?: 'gp' | 'self';
  },
) {
  const person = await db.person.create({ data: { name: `Person ${reference}` } });
  const c = await db.case.create({
    data: {
      reference,
      personId: person.id,
      teamId: data.teamId,
      source: data.source ?? 'gp',
      receivedAt: data.receivedAt,
      status: data.status ?? 'received',
      rag: data.rag ?? null,
      assignedWorkerId: data.assignedWorkerId ?? null,
      firstContactAt: data.firstContactAt ?? null,
      closedAt: data.closedAt ?? null,
    },
  });
  ids[reference] = c.id;
  return c;
}

beforeAll(async () => {
  env = await freshDatabase();
  db = env.db;

  const north = await db.team.create({ data: { name: 'North connectors' } });
  const south = await db.team.create({ data: { name: 'South connectors' } });
  ids.north = north.id;
  ids.south = south.id;

  await user('coordNorth', 'coordinator', north.id);
  await user('coordSouth', 'coordinator', south.id);
  await user('amy', 'link_worker', north.id);
  await user('ben', 'link_worker', north.id);
  await user('cat', 'link_worker', south.id);
  await user('gone', 'link_worker', north.id, false);
  await user('prov', 'provider', null);
  await user('boss', 'commissioner', null);
  await user('root', 'admin', null);

  // North's queue: two new, one rated but unassigned; the rest are assigned or closed.
  await kase('N-NEW-OLD', { teamId: north.id, receivedAt: daysAgo(10) });
  await kase('N-NEW-RECENT', { teamId: north.id, receivedAt: daysAgo(1), source: 'self' });
  await kase('N-RATED', { teamId: north.id, receivedAt: daysAgo(4), status: 'triaged', rag: 'green' });
  await kase('N-AMY-DUE', {
    teamId: north.id,
    receivedAt: daysAgo(30),
    status: 'active',
    assignedWorkerId: ids.amy,
    firstContactAt: daysAgo(25),
  });
  await kase('N-AMY-NEW', {
    teamId: north.id,
    receivedAt: daysAgo(3),
    status: 'triaged',
    rag: 'amber',
    assignedWorkerId: ids.amy,
  });
  await kase('N-AMY-LATER', {
    teamId: north.id,
    receivedAt: daysAgo(40),
    status: 'active',
    assignedWorkerId: ids.amy,
    firstContactAt: daysAgo(35),
  });
  await kase('N-AMY-CLOSED', {
    teamId: north.id,
    receivedAt: daysAgo(90),
    status: 'closed',
    assignedWorkerId: ids.amy,
    firstContactAt: daysAgo(80),
    closedAt: daysAgo(5),
  });
  await kase('N-BEN-1', {
    teamId: north.id,
    receivedAt: daysAgo(20),
    status: 'active',
    assignedWorkerId: ids.ben,
    firstContactAt: daysAgo(18),
  });
  // South's queue must never show in North's.
  await kase('S-NEW', { teamId: south.id, receivedAt: daysAgo(15) });
  await kase('S-CAT-1', {
    teamId: south.id,
    receivedAt: daysAgo(12),
    status: 'active',
    assignedWorkerId: ids.cat,
    firstContactAt: daysAgo(10),
  });

  // Amy's follow-ups: one overdue (and an older conversation that it corrected), one next week.
  const old = await db.conversation.create({
    data: {
      caseId: ids['N-AMY-DUE'],
      workerId: ids.amy,
      occurredAt: daysAgo(25),
      type: 'listen_connect',
      nextFollowUpOn: dateOnly('2026-12-30'),
    },
  });
  await db.conversation.create({
    data: {
      caseId: ids['N-AMY-DUE'],
      workerId: ids.amy,
      occurredAt: daysAgo(25),
      type: 'listen_connect',
      nextFollowUpOn: dateOnly('2026-11-16'),
      supersedesId: old.id,
    },
  });
  await db.conversation.create({
    data: {
      caseId: ids['N-AMY-LATER'],
      workerId: ids.amy,
      occurredAt: daysAgo(35),
      type: 'good_life',
      nextFollowUpOn: dateOnly('2026-11-25'),
    },
  });
});

afterAll(async () => {
  await env?.drop();
});

describe('coordinator triage queue', () => {
  it("shows only the coordinator's own team's unassigned referrals, the unrated first", async () => {
    const home = await triageHome(db, asUser(ids.coordNorth, 'coordinator', ids.north), { now: NOW });
    expect(home.kind).toBe('team');
    if (home.kind !== 'team') return;
    expect(home.teamName).toBe('North connectors');
    // Not rated yet (held to the red target) before rated green, each by first contact due.
    expect(home.items.map((i) => i.reference)).toEqual(['N-NEW-OLD', 'N-NEW-RECENT', 'N-RATED']);
    expect(home.waiting).toBe(3);
    expect(home.items.map((i) => i.stage)).toEqual(['received', 'received', 'triaged']);
  });

  it('counts days waiting and who is over target', async () => {
    const home = await triageHome(db, asUser(ids.coordNorth, 'coordinator', ids.north), {
      now: NOW,
      targets: { red: 2, amber: 5, green: 10 },
      holidays: [],
    });
    if (home.kind !== 'team') throw new Error('expected a team');
    const byRef = Object.fromEntries(home.items.map((i) => [i.reference, i]));
    expect(byRef['N-NEW-OLD'].daysWaiting).toBe(10);
    // 10 calendar days back from Wednesday 18 November is Sunday 8 November: 8 working days.
    expect(byRef['N-NEW-OLD'].workingDaysWaiting).toBe(8);
    // Unrated referrals are held to the red target.
    expect(byRef['N-NEW-OLD'].targetWorkingDays).toBe(2);
    expect(byRef['N-NEW-OLD'].overTarget).toBe(true);
    expect(byRef['N-RATED'].overTarget).toBe(false);
    expect(byRef['N-NEW-RECENT'].overTarget).toBe(false);
    expect(home.overTarget).toBe(1);
  });

  it("lists the team's active link workers with their open caseloads", async () => {
    const home = await triageHome(db, asUser(ids.coordNorth, 'coordinator', ids.north), { now: NOW });
    if (home.kind !== 'team') throw new Error('expected a team');
    expect(home.workers.map((w) => [w.name, w.openCases])).toEqual([
      ['amy name', 3],
      ['ben name', 1],
    ]);
  });

  it("shows the other team's coordinator only their queue", async () => {
    const home = await triageHome(db, asUser(ids.coordSouth, 'coordinator', ids.south), { now: NOW });
    if (home.kind !== 'team') throw new Error('expected a team');
    expect(home.items.map((i) => i.reference)).toEqual(['S-NEW']);
    expect(home.workers.map((w) => w.name)).toEqual(['cat name']);
  });

  it('has nothing to show a coordinator without a team', async () => {
    expect(await triageHome(db, asUser(ids.coordNorth, 'coordinator', null), { now: NOW })).toEqual({ kind: 'no-team' });
  });
});

describe('link worker caseload', () => {
  it('shows only their own open cases: follow-ups due first, then waiting for first contact', async () => {
    const caseload = await myCaseload(db, { id: ids.amy }, NOW);
    expect(caseload.total).toBe(3);
    expect(caseload.due.map((c) => c.reference)).toEqual(['N-AMY-DUE']);
    expect(caseload.due[0].followUp).toBe('overdue');
    // The corrected conversation's date wins over the one it replaced.
    expect(caseload.due[0].nextFollowUpOn?.toISOString().slice(0, 10)).toBe('2026-11-16');
    expect(caseload.due[0].personName).toBe('Person N-AMY-DUE');
    expect(caseload.awaitingFirstContact.map((c) => c.reference)).toEqual(['N-AMY-NEW']);
    expect(caseload.others.map((c) => c.reference)).toEqual(['N-AMY-LATER']);
    expect(caseload.others[0].followUp).toBe('later');
  });

  it("never includes another worker's cases, even in the same team", async () => {
    const amy = await myCaseload(db, { id: ids.amy }, NOW);
    const all = [...amy.due, ...amy.awaitingFirstContact, ...amy.others].map((c) => c.reference);
    expect(all).not.toContain('N-BEN-1');
    expect(all).not.toContain('S-CAT-1');
    expect(all).not.toContain('N-AMY-CLOSED');

    const ben = await myCaseload(db, { id: ids.ben }, NOW);
    expect([...ben.due, ...ben.awaitingFirstContact, ...ben.others].map((c) => c.reference)).toEqual(['N-BEN-1']);
  });

  it('marks a follow-up due today', async () => {
    const caseload = await myCaseload(db, { id: ids.amy }, new Date('2026-11-25T08:00:00Z'));
    expect(caseload.due.map((c) => [c.reference, c.followUp])).toEqual([
      ['N-AMY-DUE', 'overdue'],
      ['N-AMY-LATER', 'today'],
    ]);
  });

  it('is empty for a worker with no cases', async () => {
    const caseload = await myCaseload(db, { id: ids.gone }, NOW);
    expect(caseload).toMatchObject({
      due: [],
      awaitingFirstContact: [],
      others: [],
      total: 0,
      othersPage: { page: 1, totalPages: 1 },
    });
  });
});

describe('provider home', () => {
  it('shows only organisations the provider belongs to, with referrals waiting for an answer', async () => {
    const mine = await db.organisation.create({ data: { name: 'Eastbrook Walkers', status: 'approved' } });
    const other = await db.organisation.create({ data: { name: 'Other Group', status: 'approved' } });
    await db.organisationMember.create({ data: { organisationId: mine.id, userId: ids.prov } });
    const walk = await db.service.create({
      data: {
        organisationId: mine.id,
        name: 'Tuesday walk',
        published: true,
        assuredAt: daysAgo(10),
        capacityStatus: 'open',
        capacitySpaces: 4,
      },
    });
    await db.service.create({ data: { organisationId: mine.id, name: 'Old walk', published: true, assuredAt: daysAgo(400) } });
    await db.service.create({ data: { organisationId: mine.id, name: 'Gone walk', status: 'defunct' } });
    const otherService = await db.service.create({ data: { organisationId: other.id, name: 'Not mine' } });
    for (const [service, status] of [
      [walk.id, 'sent'],
      [walk.id, 'sent'],
      [walk.id, 'accepted'],
      [otherService.id, 'sent'],
    ] as const) {
      await db.referral.create({ data: { caseId: ids['N-AMY-DUE'], serviceId: service, createdById: ids.amy, status } });
    }

    // The session claims both organisations; membership in the database decides.
    const home = await providerHome(db, asUser(ids.prov, 'provider', null, [mine.id, other.id]), NOW);
    expect(home.organisations.map((o) => o.name)).toEqual(['Eastbrook Walkers']);
    const listings = home.organisations[0].listings;
    expect(listings.map((l) => [l.name, l.waitingReferrals, l.needsChecking])).toEqual([
      ['Old walk', 0, true],
      ['Tuesday walk', 2, false],
    ]);
    expect(home.waitingReferrals).toBe(2);
  });

  it('is empty for a provider without organisations', async () => {
    expect(await providerHome(db, asUser(ids.prov, 'provider', null, []), NOW)).toEqual({
      organisations: [],
      waitingReferrals: 0,
    });
  });
});

describe('admin home', () => {
  it('counts accounts by role and reports the last migration', async () => {
    const home = await adminHome(db);
    expect(Object.fromEntries(home.usersByRole.map((r) => [r.role, r.active]))).toEqual({
      provider: 1,
      link_worker: 3,
      coordinator: 2,
      commissioner: 1,
      admin: 1,
    });
    expect(home.inactiveUsers).toBe(1);
    const latest = readdirSync(path.resolve('prisma/migrations'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .at(-1);
    expect(home.lastMigration).toBe(latest);
  });
});

describe('public home needs themes', () => {
  it('lists top-level themes in their order, and nothing when the database is unreachable', async () => {
    const taxonomy = await db.taxonomy.create({ data: { name: 'Local needs', description: '' } });
    await db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code: 'loneliness', name: 'Loneliness and isolation' } });
    const parent = await db.taxonomyTerm.create({
      data: { taxonomyId: taxonomy.id, code: 'carers', name: 'Carers', sortOrder: -1 },
    });
    await db.taxonomyTerm.create({
      data: { taxonomyId: taxonomy.id, code: 'young-carers', name: 'Young carers', parentId: parent.id },
    });
    expect(await needThemes(db)).toEqual([
      { code: 'carers', name: 'Carers' },
      { code: 'loneliness', name: 'Loneliness and isolation' },
    ]);
    expect(
      await needThemes(() => {
        throw new Error('DATABASE_URL is not set');
      }),
    ).toEqual([]);
  });
});
