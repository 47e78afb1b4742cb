import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/types';
import { LIST_PAGE_SIZE } from '@/lib/paging/pages';
import { triageHome, type TriageItem } from '@/lib/triage/queue';
import { auditTriageView, decisionSummary, triageCaseView } from '@/lib/triage/case';
import { assignReferral, raiseSafeguardingConcern, rateReferral, signpostReferral } from '@/lib/triage/decisions';
import { originOf, signpostCandidates } from '@/lib/triage/services';
import { teamWorkerLoads } from '@/lib/cases/workers';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();
// Wednesday 18 November 2026, midday in London.
const NOW = new Date('2026-11-18T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const ids: Record<string, string> = {};
const users: Record<string, SessionUser> = {};

async function user(key: string, role: SessionUser['role'], teamId: string | null, active = true) {
  const u = await t.db.user.create({
    data: { email: `${key}@example.test`, name: `${key} name`, passwordHash: 'x', role, teamId, active },
  });
  ids[key] = u.id;
  users[key] = { id: u.id, name: u.name, email: u.email, role, teamId, organisationIds: [] };
}

/** A new referral waiting in North's queue. */
async function referral(over: { teamId?: string; receivedAt?: Date; needs?: string[] } = {}) {
  const person = await t.db.person.create({ data: { name: 'Margaret Hill', phone: '01632 960 123' } });
  return t.db.case.create({
    data: {
      reference: `EB-${randomBytes(4).toString('hex').toUpperCase()}`,
      personId: person.id,
      teamId: over.teamId ?? ids.north,
      source: 'self',
      whatMatters: 'Getting out more',
      receivedAt: over.receivedAt ?? daysAgo(3),
      needs: over.needs ? { create: over.needs.map((termId) => ({ termId })) } : undefined,
    },
  });
}

beforeAll(async () => {
  const db = t.db;
  const north = await db.team.create({ data: { name: 'North connectors' } });
  const south = await db.team.create({ data: { name: 'South connectors' } });
  ids.north = north.id;
  ids.south = south.id;
  await user('coordA', 'coordinator', north.id);
  await user('coordB', 'coordinator', north.id);
  await user('coordSouth', 'coordinator', south.id);
  await user('amy', 'link_worker', north.id);
  await user('ben', 'link_worker', north.id);
  await user('left', 'link_worker', north.id, false);
  await user('cat', 'link_worker', south.id);
  await user('admin', 'admin', null);

  const taxonomy = await db.taxonomy.create({ data: { name: 'Local needs', description: 'Test' } });
  const lonely = await db.taxonomyTerm.create({
    data: { taxonomyId: taxonomy.id, code: 'loneliness', name: 'Loneliness and isolation', sortOrder: 1 },
  });
  const food = await db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code: 'food', name: 'Food', sortOrder: 2 } });
  ids.lonely = lonely.id;
  ids.food = food.id;
  const org = await db.organisation.create({ data: { name: 'Eastbrook Age Well', status: 'approved' } });
  const walk = await db.service.create({
    data: {
      organisationId: org.id,
      name: 'Tuesday Walking Group',
      published: true,
      taxonomyTerms: { create: [{ termId: lonely.id }] },
    },
  });
  const lunch = await db.service.create({
    data: {
      organisationId: org.id,
      name: 'Friendship Lunch Club',
      published: true,
      taxonomyTerms: { create: [{ termId: lonely.id }, { termId: food.id }] },
    },
  });
  const hidden = await db.service.create({ data: { organisationId: org.id, name: 'Draft Walking Listing', published: false } });
  const closed = await db.service.create({
    data: { organisationId: org.id, name: 'Old Walking Club', published: true, status: 'defunct' },
  });
  ids.walk = walk.id;
  ids.lunch = lunch.id;
  ids.hidden = hidden.id;
  ids.closed = closed.id;

  // Amy: two open cases, one with a follow-up overdue (its correction moved it), one later; Ben: none.
  const p = await db.person.create({ data: { name: 'Someone' } });
  const due = await db.case.create({
    data: {
      reference: 'N-AMY-1',
      personId: p.id,
      teamId: north.id,
      source: 'gp',
      status: 'active',
      assignedWorkerId: ids.amy,
      firstContactAt: daysAgo(20),
    },
  });
  const later = await db.case.create({
    data: {
      reference: 'N-AMY-2',
      personId: p.id,
      teamId: north.id,
      source: 'gp',
      status: 'active',
      assignedWorkerId: ids.amy,
      firstContactAt: daysAgo(10),
    },
  });
  await db.case.create({
    data: {
      reference: 'N-AMY-3',
      personId: p.id,
      teamId: north.id,
      source: 'gp',
      status: 'closed',
      assignedWorkerId: ids.amy,
      closedAt: daysAgo(2),
    },
  });
  const old = await db.conversation.create({
    data: {
      caseId: due.id,
      workerId: ids.amy,
      occurredAt: daysAgo(20),
      type: 'listen_connect',
      nextFollowUpOn: new Date('2026-12-30T00:00:00Z'),
    },
  });
  await db.conversation.create({
    data: {
      caseId: due.id,
      workerId: ids.amy,
      occurredAt: daysAgo(20),
      type: 'listen_connect',
      nextFollowUpOn: new Date('2026-11-18T00:00:00Z'),
      supersedesId: old.id,
    },
  });
  await db.conversation.create({
    data: {
      caseId: later.id,
      workerId: ids.amy,
      occurredAt: daysAgo(10),
      type: 'good_life',
      nextFollowUpOn: new Date('2026-11-25T00:00:00Z'),
    },
  });
});

describe('rating a referral', () => {
  it('sets the rating and reason, marks it triaged and bumps the version', async () => {
    const c = await referral();
    const r = await rateReferral(
      t.db,
      users.coordA,
      { caseId: c.id, version: 1, rag: 'amber', ragReason: 'Isolated since a fall' },
      NOW,
    );
    expect(r).toEqual({ ok: true, caseId: c.id, reference: c.reference, version: 2 });
    const after = await t.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({
      rag: 'amber',
      ragReason: 'Isolated since a fall',
      status: 'triaged',
      triagedById: ids.coordA,
      version: 2,
    });
    expect(after.triagedAt?.toISOString()).toBe(NOW.toISOString());
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: 'case.rated' } });
    expect(audit).toMatchObject({ actorId: ids.coordA, personId: c.personId });

    // A second rating keeps when it was first triaged.
    const later = new Date(NOW.getTime() + 3_600_000);
    const again = await rateReferral(
      t.db,
      users.coordB,
      { caseId: c.id, version: 2, rag: 'red', ragReason: 'No money for food today' },
      later,
    );
    expect(again.ok).toBe(true);
    const final = await t.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(final).toMatchObject({ rag: 'red', ragReason: 'No money for food today', triagedById: ids.coordA, version: 3 });
    expect(final.triagedAt?.toISOString()).toBe(NOW.toISOString());
  });
});

describe('assigning a referral', () => {
  it('needs a rating first', async () => {
    const c = await referral();
    const r = await assignReferral(t.db, users.coordA, { caseId: c.id, version: 1, workerId: ids.amy }, NOW);
    expect(r).toMatchObject({ ok: false, reason: 'invalid', field: 'workerId' });
    expect((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).assignedWorkerId).toBeNull();
  });

  it('gives it to a link worker of the team, and it leaves the queue', async () => {
    const c = await referral();
    await rateReferral(t.db, users.coordA, { caseId: c.id, version: 1, rag: 'green', ragReason: 'Wants a hobby' }, NOW);
    const r = await assignReferral(t.db, users.coordA, { caseId: c.id, version: 2, workerId: ids.ben }, NOW);
    expect(r).toMatchObject({ ok: true, version: 3 });
    const after = await t.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ assignedWorkerId: ids.ben, assignedById: users.coordA.id, status: 'triaged', rag: 'green' });
    expect(after.assignedAt?.toISOString()).toBe(NOW.toISOString());
    expect(await t.db.auditEvent.count({ where: { entityId: c.id, action: 'case.assigned' } })).toBe(1);

    const home = await triageHome(t.db, users.coordA, { now: NOW });
    if (home.kind !== 'team') throw new Error('expected a team');
    expect(home.items.map((i) => i.id)).not.toContain(c.id);
    expect(await decisionSummary(t.db, c.id, ids.north)).toEqual({ reference: c.reference, workerName: 'ben name' });
    expect(await decisionSummary(t.db, c.id, ids.south)).toBeNull();

    // Once assigned, it is no longer triage's to change.
    expect(await rateReferral(t.db, users.coordA, { caseId: c.id, version: 3, rag: 'red', ragReason: 'x' }, NOW)).toEqual({
      ok: false,
      reason: 'not_waiting',
    });
  });

  it('refuses a worker from another team, an inactive worker, or someone who is not a link worker', async () => {
    const c = await referral();
    await rateReferral(t.db, users.coordA, { caseId: c.id, version: 1, rag: 'green', ragReason: 'ok' }, NOW);
    for (const workerId of [ids.cat, ids.left, ids.coordB]) {
      const r = await assignReferral(t.db, users.coordA, { caseId: c.id, version: 2, workerId }, NOW);
      expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(2);
  });
});

describe('resolving at first contact', () => {
  it('records the services suggested and closes the case so it counts', async () => {
    const c = await referral({ needs: [ids.lonely] });
    const r = await signpostReferral(
      t.db,
      users.coordA,
      { caseId: c.id, version: 1, serviceIds: [ids.walk, ids.lunch, ids.walk], note: 'Happy to try both' },
      NOW,
    );
    expect(r).toMatchObject({ ok: true, version: 2 });
    const after = await t.db.case.findUniqueOrThrow({ where: { id: c.id }, include: { signposts: true, conversations: true } });
    expect(after).toMatchObject({
      status: 'closed',
      outcome: 'signposted_first_contact',
      outcomeNote: 'Happy to try both',
      closedById: ids.coordA,
      triagedById: ids.coordA,
    });
    for (const at of [after.firstContactAt, after.closedAt, after.triagedAt]) expect(at?.toISOString()).toBe(NOW.toISOString());
    expect(after.signposts.map((s) => s.serviceId).sort()).toEqual([ids.walk, ids.lunch].sort());
    expect(after.signposts.every((s) => s.createdById === ids.coordA)).toBe(true);
    expect(after.conversations).toHaveLength(1);
    expect(after.conversations[0]).toMatchObject({ workerId: ids.coordA, isClosing: true, type: 'listen_connect' });
    expect(after.conversations[0].actions).toContain('Tuesday Walking Group');
    expect(await t.db.auditEvent.count({ where: { entityId: c.id, action: 'case.signposted' } })).toBe(1);

    const view = await triageCaseView(t.db, c.id, { now: NOW });
    expect(view?.waiting).toBe(false);
    expect(view?.signposts.map((s) => s.serviceName).sort()).toEqual(['Friendship Lunch Club', 'Tuesday Walking Group']);
  });

  it('refuses a service that is not published, and writes nothing', async () => {
    const c = await referral();
    const r = await signpostReferral(t.db, users.coordA, { caseId: c.id, version: 1, serviceIds: [ids.walk, ids.hidden] }, NOW);
    expect(r).toMatchObject({ ok: false, reason: 'invalid', field: 'serviceIds' });
    const after = await t.db.case.findUniqueOrThrow({ where: { id: c.id }, include: { signposts: true } });
    expect(after.status).toBe('received');
    expect(after.signposts).toHaveLength(0);
  });

  it('suggests services for the referral’s needs, or by a name search', async () => {
    const byNeeds = await signpostCandidates(t.db, { needTermIds: [ids.food] });
    expect(byNeeds.basis).toBe('needs');
    expect(byNeeds.candidates.map((s) => s.name)).toEqual(['Friendship Lunch Club']);
    // Services covering more of the needs come first.
    const both = await signpostCandidates(t.db, { needTermIds: [ids.lonely, ids.food] });
    expect(both.candidates.map((s) => s.name)).toEqual(['Friendship Lunch Club', 'Tuesday Walking Group']);
    const bySearch = await signpostCandidates(t.db, { query: 'walking' });
    // Unpublished and defunct listings are left out.
    expect(bySearch.candidates.map((s) => s.name)).toEqual(['Tuesday Walking Group']);
    expect((await signpostCandidates(t.db, { query: 'age well lunch' })).candidates.map((s) => s.name)).toEqual([
      'Friendship Lunch Club',
    ]);
    expect((await signpostCandidates(t.db, {})).basis).toBe('none');
  });
});

describe('signposting suggestions', () => {
  it('leave out listings that left search (unpublished, stale, closed, a rejected group) and put the nearest first', async () => {
    const db = t.db;
    const ok = await db.organisation.create({ data: { name: 'Riverside Pantry', status: 'approved' } });
    const rejected = await db.organisation.create({ data: { name: 'Not A Real Group', status: 'rejected' } });
    const term = await db.taxonomyTerm.findUniqueOrThrow({ where: { id: ids.food } });
    const twoYearsAgo = new Date(Date.now() - 730 * 86_400_000);
    const place = async (name: string, latitude: number, longitude: number) =>
      db.location.create({ data: { address1: `1 ${name} Road`, city: 'Eastbrook', postcode: 'EB1 1AA', latitude, longitude } });
    const service = async (name: string, data: Record<string, unknown>, at?: { latitude: number; longitude: number }) => {
      const s = await db.service.create({
        data: { organisationId: ok.id, name, published: true, taxonomyTerms: { create: [{ termId: term.id }] }, ...data },
      });
      if (at)
        await db.serviceAtLocation.create({
          data: { serviceId: s.id, locationId: (await place(name, at.latitude, at.longitude)).id },
        });
      return s;
    };
    // The person lives at 51.40, -0.70.
    await db.postcode.create({ data: { postcode: 'EB9 9ZZ', district: 'EB9', latitude: 51.4, longitude: -0.7 } });
    await service('Far Food Bank', {}, { latitude: 51.5, longitude: -0.7 });
    await service('Near Community Fridge', {}, { latitude: 51.401, longitude: -0.7 });
    await service('Stale Soup Run', { createdAt: twoYearsAgo, assuredAt: twoYearsAgo }, { latitude: 51.4, longitude: -0.7 });
    await service('Closed For Repairs Cafe', { status: 'temporarily_closed' }, { latitude: 51.4, longitude: -0.7 });
    await db.service.create({
      data: {
        organisationId: rejected.id,
        name: 'Rejected Food Club',
        published: true,
        taxonomyTerms: { create: [{ termId: term.id }] },
      },
    });

    const origin = await originOf(db, 'eb99zz');
    expect(origin).toEqual({ latitude: 51.4, longitude: -0.7 });
    const near = await signpostCandidates(db, { needTermIds: [ids.food], origin });
    const names = near.candidates.map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(['Near Community Fridge', 'Far Food Bank']);
    expect(near.candidates[0].distanceMetres).toBeGreaterThan(100);
    expect(near.candidates[0].distanceMetres).toBeLessThan(120);
    // Services with no place come after those with one.
    expect(names).toContain('Friendship Lunch Club');
    for (const gone of ['Stale Soup Run', 'Closed For Repairs Cafe', 'Rejected Food Club']) expect(names).not.toContain(gone);

    // Without a postcode: the usual order (most needs matched, then space, then name), no distances.
    expect(await originOf(db, null)).toBeNull();
    const usual = await signpostCandidates(db, { needTermIds: [ids.food, ids.lonely] });
    expect(usual.candidates[0].name).toBe('Friendship Lunch Club');
    expect(usual.candidates.every((c) => c.distanceMetres === null)).toBe(true);
    expect((await signpostCandidates(db, { query: 'soup' })).candidates).toEqual([]);
    expect((await signpostCandidates(db, { query: 'fridge', origin })).candidates.map((c) => c.name)).toEqual([
      'Near Community Fridge',
    ]);
  });
});

describe('two coordinators at once', () => {
  it('lets the first win and tells the second, overwriting nothing', async () => {
    const c = await referral();
    // Both opened the page at version 1.
    const first = await rateReferral(
      t.db,
      users.coordA,
      { caseId: c.id, version: 1, rag: 'red', ragReason: 'Facing eviction' },
      NOW,
    );
    expect(first.ok).toBe(true);
    const second = await rateReferral(
      t.db,
      users.coordB,
      { caseId: c.id, version: 1, rag: 'green', ragReason: 'Looks fine' },
      NOW,
    );
    expect(second).toEqual({ ok: false, reason: 'conflict' });
    const assign = await assignReferral(t.db, users.coordB, { caseId: c.id, version: 1, workerId: ids.amy }, NOW);
    expect(assign).toEqual({ ok: false, reason: 'conflict' });
    const signpost = await signpostReferral(t.db, users.coordB, { caseId: c.id, version: 1, serviceIds: [ids.walk] }, NOW);
    expect(signpost).toEqual({ ok: false, reason: 'conflict' });
    const after = await t.db.case.findUniqueOrThrow({ where: { id: c.id }, include: { signposts: true } });
    expect(after).toMatchObject({
      rag: 'red',
      ragReason: 'Facing eviction',
      assignedWorkerId: null,
      status: 'triaged',
      version: 2,
    });
    expect(after.signposts).toHaveLength(0);
  });

  it('settles a true race: exactly one of two simultaneous transactions wins', async () => {
    const c = await referral();
    await rateReferral(t.db, users.coordA, { caseId: c.id, version: 1, rag: 'amber', ragReason: 'ok' }, NOW);
    const results = await Promise.all([
      t.db.$transaction((tx) => assignReferral(tx, users.coordA, { caseId: c.id, version: 2, workerId: ids.amy }, NOW)),
      t.db.$transaction((tx) => assignReferral(tx, users.coordB, { caseId: c.id, version: 2, workerId: ids.ben }, NOW)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict' }]);
    const winner = results[0].ok ? ids.amy : ids.ben;
    const after = await t.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.assignedWorkerId).toBe(winner);
    expect(after.version).toBe(3);
    expect(await t.db.auditEvent.count({ where: { entityId: c.id, action: 'case.assigned' } })).toBe(1);
  });
});

describe('permissions', () => {
  it('refuses a coordinator of another team, a link worker and an admin, changing nothing', async () => {
    const c = await referral();
    for (const who of [users.coordSouth, users.amy, users.admin]) {
      expect(await rateReferral(t.db, who, { caseId: c.id, version: 1, rag: 'red', ragReason: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await assignReferral(t.db, who, { caseId: c.id, version: 1, workerId: ids.cat }, NOW)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await signpostReferral(t.db, who, { caseId: c.id, version: 1, serviceIds: [ids.walk] }, NOW)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await raiseSafeguardingConcern(t.db, who, { caseId: c.id, referredTo: 'adults', summary: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    const after = await t.db.case.findUniqueOrThrow({ where: { id: c.id }, include: { safeguarding: true, signposts: true } });
    expect(after).toMatchObject({ version: 1, rag: null, status: 'received', assignedWorkerId: null });
    expect(after.safeguarding).toHaveLength(0);
    expect(after.signposts).toHaveLength(0);
  });

  it('says not found for a case that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await rateReferral(t.db, users.coordA, { caseId: missing, version: 1, rag: 'red', ragReason: 'x' }, NOW)).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });
});

describe('safeguarding', () => {
  it('records that a concern was raised, when and with whom, at any stage', async () => {
    const c = await referral();
    const r = await raiseSafeguardingConcern(
      t.db,
      users.coordA,
      {
        caseId: c.id,
        referredTo: 'adults',
        referredToDetail: 'Spoke to duty officer, ref ASC-123',
        summary: 'Neighbour says he is not being fed',
      },
      NOW,
    );
    expect(r.ok).toBe(true);
    const concerns = await t.db.safeguardingConcern.findMany({ where: { caseId: c.id } });
    expect(concerns).toHaveLength(1);
    expect(concerns[0]).toMatchObject({
      raisedById: ids.coordA,
      referredTo: 'adults',
      referredToDetail: 'Spoke to duty officer, ref ASC-123',
    });
    expect(concerns[0].raisedAt.toISOString()).toBe(NOW.toISOString());
    // It changes nothing about the case, so nobody else's decision is affected.
    expect((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: 'safeguarding.raised' } });
    expect(JSON.stringify(audit.detail)).not.toContain('not being fed');
  });
});

describe('the triage page’s reads', () => {
  it('shows the referral with its waiting clock, and records the view', async () => {
    const c = await referral({ receivedAt: new Date('2026-11-12T10:00:00Z'), needs: [ids.food, ids.lonely] });
    const view = await triageCaseView(t.db, c.id, { now: NOW, targets: { red: 2, amber: 5, green: 10 }, holidays: [] });
    expect(view).toMatchObject({
      reference: c.reference,
      waiting: true,
      daysWaiting: 6,
      workingDaysWaiting: 4,
      targetWorkingDays: 2,
      overTarget: true,
      version: 1,
    });
    expect(view?.dueBy.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(view?.needs.map((n) => n.name)).toEqual(['Loneliness and isolation', 'Food']);
    expect(view?.person.name).toBe('Margaret Hill');

    await auditTriageView(t.db, users.coordA, { id: c.id, personId: c.personId }, NOW);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { personId: c.personId, action: 'person.viewed' } });
    expect(audit).toMatchObject({ actorId: ids.coordA, entityId: c.id });
  });

  it('lists each link worker with open cases and follow-ups due', async () => {
    const loads = await teamWorkerLoads(t.db, ids.north, NOW);
    const amy = loads.find((w) => w.id === ids.amy);
    expect(amy).toMatchObject({ openCases: expect.any(Number), followUpsDue: 1 });
    expect(loads.map((w) => w.name)).not.toContain('left name');
    expect(loads.map((w) => w.name)).not.toContain('cat name');
    const home = await triageHome(t.db, users.coordA, { now: NOW });
    if (home.kind !== 'team') throw new Error('expected a team');
    expect(home.workers.find((w) => w.id === ids.amy)?.followUpsDue).toBe(1);
  });

  it('shows needs and the due date in the queue', async () => {
    const c = await referral({ receivedAt: new Date('2026-11-17T10:00:00Z'), needs: [ids.lonely] });
    const home = await triageHome(t.db, users.coordA, { now: NOW, targets: { red: 2, amber: 5, green: 10 }, holidays: [] });
    if (home.kind !== 'team') throw new Error('expected a team');
    const item = home.items.find((i) => i.id === c.id);
    expect(item?.needs).toEqual(['Loneliness and isolation']);
    expect(item?.dueBy.toISOString()).toBe('2026-11-19T00:00:00.000Z');
    expect(item?.overTarget).toBe(false);
  });
});

describe('the queue a page at a time', () => {
  const HOUR = 3_600_000;
  // East's queue: 60 waiting, one every six hours over the last 15 days.
  const queue: Array<{ id: string; reference: string; receivedAt: Date; needs: string[] }> = [];
  const elsewhere: string[] = [];
  const targets = { red: 2, amber: 5, green: 10 };

  beforeAll(async () => {
    const east = await t.db.team.create({ data: { name: 'East connectors' } });
    const west = await t.db.team.create({ data: { name: 'West connectors' } });
    ids.east = east.id;
    await user('coordEast', 'coordinator', east.id);
    await user('eve', 'link_worker', east.id);
    for (let i = 0; i < 60; i++) {
      // The 25th and 26th arrive together: the first page ends inside a tie, broken by reference.
      const receivedAt = new Date(NOW.getTime() - (60 - (i === 25 ? 24 : i)) * 6 * HOUR);
      const needs = [[], [ids.lonely], [ids.food, ids.lonely]][i % 3];
      const c = await referral({ teamId: east.id, receivedAt, needs });
      // Some rated but not assigned yet: still waiting.
      if (i % 7 === 0)
        await t.db.case.update({ where: { id: c.id }, data: { status: 'triaged', rag: 'green', triagedAt: receivedAt } });
      queue.push({
        id: c.id,
        reference: c.reference,
        receivedAt,
        // In the taxonomy's order.
        needs: [[], ['Loneliness and isolation'], ['Loneliness and isolation', 'Food']][i % 3],
      });
    }
    queue.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.reference < b.reference ? -1 : 1));
    // Assigned or closed: not waiting.
    const assigned = await referral({ teamId: east.id, receivedAt: new Date(NOW.getTime() - 200 * HOUR) });
    await t.db.case.update({ where: { id: assigned.id }, data: { status: 'triaged', rag: 'amber', assignedWorkerId: ids.eve } });
    const closed = await referral({ teamId: east.id, receivedAt: new Date(NOW.getTime() - 100 * HOUR) });
    await t.db.case.update({ where: { id: closed.id }, data: { status: 'closed', closedAt: NOW } });
    // Another team's referrals, received in between East's.
    for (let i = 0; i < 10; i++) {
      const c = await referral({ teamId: west.id, receivedAt: new Date(NOW.getTime() - (i * 30 + 3) * HOUR), needs: [ids.food] });
      elsewhere.push(c.id);
    }
    elsewhere.push(assigned.id, closed.id);
  });

  const page = async (n?: number, pageSize?: number) => {
    // Oldest first, so the pages can be checked against the order of arrival.
    const home = await triageHome(t.db, users.coordEast, { now: NOW, page: n, pageSize, targets, holidays: [], sort: 'oldest' });
    if (home.kind !== 'team') throw new Error('expected a team');
    return home;
  };
  const shown = (items: TriageItem[]) =>
    items.map((i) => ({ id: i.id, reference: i.reference, receivedAt: i.receivedAt, needs: i.needs }));

  it('shows the oldest 25 first, in order, with their needs', async () => {
    const first = await page();
    expect(LIST_PAGE_SIZE).toBe(25);
    expect(first.paging).toEqual({ page: 1, totalPages: 3, offset: 0, size: 25, total: 60 });
    expect(shown(first.items)).toEqual(queue.slice(0, 25));
    expect(await page(1)).toEqual(first);
  });

  it('continues on the next pages with no overlap and no gap, and the counts cover the whole queue', async () => {
    const pages = [await page(1), await page(2), await page(3)];
    expect(pages.map((p) => p.items.length)).toEqual([25, 25, 10]);
    expect(pages[1].paging).toMatchObject({ page: 2, offset: 25 });
    // The needs of every row shown, on every page, not just the first.
    expect(pages.flatMap((p) => shown(p.items))).toEqual(queue);

    const overTarget = pages.flatMap((p) => p.items).filter((i) => i.overTarget).length;
    expect(overTarget).toBeGreaterThan(25);
    expect(overTarget).toBeLessThan(60);
    for (const p of pages) {
      expect(p.waiting).toBe(60);
      expect(p.overTarget).toBe(overTarget);
      expect(p.workers.map((w) => w.name)).toEqual(['eve name']);
    }
  });

  it('shows the last page when asked for one beyond the end', async () => {
    for (const n of [4, 99, 2 ** 40]) {
      const home = await page(n);
      expect(home.paging).toMatchObject({ page: 3, totalPages: 3, offset: 50 });
      expect(shown(home.items)).toEqual(queue.slice(50));
    }
    // As after assigning the only referral on the last page: the page asked for is gone, the one before it shows.
    const smaller = await page(3, 30);
    expect(smaller.paging).toMatchObject({ page: 2, totalPages: 2, offset: 30 });
    expect(shown(smaller.items)).toEqual(queue.slice(30));
  });

  it("never shows another team's referrals, or ones assigned or closed", async () => {
    const all = [await page(1), await page(2), await page(3)].flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(all).size).toBe(60);
    for (const id of elsewhere) expect(all).not.toContain(id);
  });
});
