// Moving cases between link workers (one, or a leaver's whole caseload), reopening a closed case,
// finding cases open or closed, and the team's caseload counts: the rules and who may do each.
import { beforeEach, describe, expect, it } from 'vitest';
import { teamCaseloads, myCaseload } from '@/lib/cases/caseload';
import { closeCase } from '@/lib/cases/close';
import { recordConversation } from '@/lib/cases/conversations';
import { findCases } from '@/lib/cases/find';
import { referOut } from '@/lib/cases/refer-out';
import { reassignCase, reassignCaseload, caseloadToMove, teamCaseHolders } from '@/lib/cases/reassign';
import { reopenCase } from '@/lib/cases/reopen';
import { openCase } from '@/lib/cases/view';
import { answerAsProvider } from '@/lib/providers/inbox';
import { anonymisePerson } from '@/lib/people/subject-access';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('caseload management', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;

  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  const version = async (caseId = w.kase.id) => (await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).version;
  const mailTo = (email: string) => t.db.notification.findMany({ where: { recipient: email }, orderBy: { createdAt: 'asc' } });

  /** Another open case of the team, assigned to `workerId`. */
  async function openCaseFor(workerId: string, n: number, over: { rag?: 'red' | 'amber' | 'green'; receivedAt?: Date } = {}) {
    const person = await t.db.person.create({ data: { name: `Person ${n} ${w.tag}`, postcode: w.postcode } });
    return t.db.case.create({
      data: {
        reference: `EB-${w.tag}-${n}`,
        personId: person.id,
        teamId: w.teamA.id,
        source: 'self',
        receivedAt: over.receivedAt ?? new Date(Date.UTC(2026, 9, n)),
        status: 'triaged',
        rag: over.rag ?? 'green',
        assignedWorkerId: workerId,
        assignedAt: new Date(Date.UTC(2026, 9, n, 12)),
      },
    });
  }

  describe('moving one case', () => {
    it('moves it with its open referrals, records why, tells both workers, and the provider’s answer goes to the new worker', async () => {
      await w.agreeToShare(['name']);
      const sent = await t.db.$transaction((tx) =>
        referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: ['name'] }, NOW),
      );
      if (!sent.ok) throw new Error(sent.reason);
      const before = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });

      const result = await t.db.$transaction(async (tx) =>
        reassignCase(
          tx,
          w.coordinator,
          w.kase.id,
          { expectedVersion: before.version, toWorkerId: w.worker2.id, reason: 'Priya is off sick' },
          NOW,
        ),
      );
      expect(result).toEqual({ ok: true, toWorkerName: w.worker2.name });
      const after = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
      // assignedAt stays when triage first gave it out.
      expect(after).toMatchObject({ assignedWorkerId: w.worker2.id, assignedAt: before.assignedAt, version: before.version + 1 });
      expect(await t.db.caseEvent.findMany({ where: { caseId: w.kase.id } })).toMatchObject([
        {
          kind: 'reassigned',
          actorId: w.coordinator.id,
          fromWorkerId: w.worker.id,
          toWorkerId: w.worker2.id,
          reason: 'Priya is off sick',
        },
      ]);
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'case.reassigned', entityId: w.kase.id } });
      expect(audit).toMatchObject({ personId: w.person.id, detail: { fromWorkerId: w.worker.id, toWorkerId: w.worker2.id } });
      expect(JSON.stringify(audit.detail)).not.toContain('sick');

      const toNew = await mailTo(w.worker2.email);
      expect(toNew.map((m) => m.template)).toEqual(['cases_moved_to_worker']);
      expect(toNew[0].subject).toBe(`Case ${w.kase.reference} is now yours`);
      expect(toNew[0].body).toContain(`/cases/${w.kase.id}`);
      expect(toNew[0].body).not.toContain('Margaret');
      expect((await mailTo(w.worker.email)).map((m) => m.template)).toEqual(['cases_moved_from_worker']);

      // The provider answers: the new worker is told, not the one who sent it.
      const v = (await t.db.referral.findUniqueOrThrow({ where: { id: sent.referralId } })).version;
      await t.db.$transaction((tx) =>
        answerAsProvider(tx, w.provider1, sent.referralId, { to: 'accepted', expectedVersion: v }, NOW),
      );
      expect((await mailTo(w.worker2.email)).map((m) => m.template)).toContain('referral_answered_to_worker');
      expect((await mailTo(w.worker.email)).map((m) => m.template)).not.toContain('referral_answered_to_worker');

      // The timeline says who had it first and who has it now.
      const page = await t.db.$transaction((tx) => openCase(tx, w.coordinator, w.kase.id, NOW));
      if (!page.ok) throw new Error(page.reason);
      expect(page.page.timeline.find((e) => e.kind === 'assigned')?.title).toBe(`Assigned to ${w.worker.name}`);
      expect(page.page.timeline.find((e) => e.kind === 'reassigned')).toMatchObject({
        title: `Moved from ${w.worker.name} to ${w.worker2.name}`,
        detail: 'Priya is off sick',
        by: w.coordinator.name,
      });
    });

    it('is for the team’s coordinators only: a link worker, another team and an admin change nothing', async () => {
      const input = { expectedVersion: await version(), toWorkerId: w.worker2.id, reason: 'Balancing' };
      for (const who of [w.worker, w.worker2, w.otherWorker, w.admin, w.commissioner]) {
        expect(await t.db.$transaction((tx) => reassignCase(tx, who, w.kase.id, input, NOW))).toMatchObject({
          ok: false,
          reason: 'forbidden',
        });
      }
      expect((await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).assignedWorkerId).toBe(w.worker.id);
      expect(await t.db.caseEvent.count({ where: { caseId: w.kase.id } })).toBe(0);
      expect(
        await t.db.notification.count({
          where: { recipient: { in: [w.worker.email, w.worker2.email] }, template: { startsWith: 'cases_moved' } },
        }),
      ).toBe(0);
    });

    it('refuses the same worker, someone not an active link worker of the team, an old version and a closed case', async () => {
      const v = await version();
      const move = (toWorkerId: string, expectedVersion = v) =>
        t.db.$transaction((tx) => reassignCase(tx, w.coordinator, w.kase.id, { expectedVersion, toWorkerId, reason: 'x' }, NOW));
      expect(await move(w.worker.id)).toEqual({ ok: false, reason: 'same_worker' });
      expect(await move(w.otherWorker.id)).toEqual({ ok: false, reason: 'unknown_worker' });
      expect(await move(w.coordinator.id)).toEqual({ ok: false, reason: 'unknown_worker' });
      await t.db.user.update({ where: { id: w.worker2.id }, data: { active: false } });
      expect(await move(w.worker2.id)).toEqual({ ok: false, reason: 'unknown_worker' });
      await t.db.user.update({ where: { id: w.worker2.id }, data: { active: true } });
      expect(await move(w.worker2.id, v - 1)).toEqual({ ok: false, reason: 'changed_since' });
      await t.db.case.update({ where: { id: w.kase.id }, data: { status: 'closed', closedAt: NOW } });
      expect(await move(w.worker2.id, v + 1)).toEqual({ ok: false, reason: 'closed' });
    });
  });

  describe('moving a whole caseload', () => {
    it('shares a leaver’s cases out evenly in one go, each with its reason, and tells each worker', async () => {
      // worker2 has 2 open cases already; worker (Priya) has the fixture's case and 4 more.
      await openCaseFor(w.worker2.id, 1);
      await openCaseFor(w.worker2.id, 2);
      for (let n = 3; n <= 6; n++) await openCaseFor(w.worker.id, n, { rag: n === 3 ? 'red' : 'green' });
      const worker3 = await t.db.user.create({
        data: {
          email: `w3-${w.tag}@example.test`,
          name: `Three ${w.tag}`,
          passwordHash: 'x',
          role: 'link_worker',
          teamId: w.teamA.id,
        },
      });

      const toMove = await caseloadToMove(t.db, w.coordinator, w.worker.id, NOW);
      expect(toMove).toMatchObject({ openCases: 5, waiting: 5, byRag: { red: 1, amber: 1, green: 3, none: 0 } });
      expect(toMove?.takers.map((x) => x.id).sort()).toEqual([w.worker2.id, worker3.id].sort());
      expect((await teamCaseHolders(t.db, w.teamA.id)).map((h) => [h.id, h.openCases])).toContainEqual([w.worker.id, 5]);

      const result = await t.db.$transaction((tx) =>
        reassignCaseload(
          tx,
          w.coordinator,
          {
            fromWorkerId: w.worker.id,
            expectedCount: 5,
            mode: 'spread',
            spreadWorkerIds: [w.worker2.id, worker3.id],
            reason: 'Leaving on Friday',
          },
          NOW,
        ),
      );
      expect(result).toMatchObject({ ok: true, moved: 5 });
      const held = async (id: string) => t.db.case.count({ where: { assignedWorkerId: id, closedAt: null } });
      // worker3 (0) catches up with worker2 (2), then they take turns: 4 and 3 (or 3 and 4) between them.
      expect([await held(w.worker2.id), await held(worker3.id)].sort()).toEqual([3, 4]);
      expect(await held(w.worker.id)).toBe(0);
      expect(
        await t.db.caseEvent.count({ where: { kind: 'reassigned', reason: 'Leaving on Friday', fromWorkerId: w.worker.id } }),
      ).toBe(5);
      expect(
        await t.db.auditEvent.count({
          where: { action: 'case.reassigned', actorId: w.coordinator.id, detail: { path: ['bulk'], equals: true } },
        }),
      ).toBe(5);
      expect((await mailTo(worker3.email)).map((m) => m.template)).toEqual(['cases_moved_to_worker']);
      expect((await mailTo(w.worker2.email)).map((m) => m.template)).toEqual(['cases_moved_to_worker']);
      const toLeaver = await mailTo(w.worker.email);
      expect(toLeaver.map((m) => m.subject)).toEqual(['5 of your cases have moved']);

      // Sent again (a double submit): nothing left to move, nothing written twice.
      const again = await t.db.$transaction((tx) =>
        reassignCaseload(
          tx,
          w.coordinator,
          { fromWorkerId: w.worker.id, expectedCount: 5, mode: 'spread', spreadWorkerIds: [w.worker2.id], reason: 'x' },
          NOW,
        ),
      );
      expect(again).toEqual({ ok: false, reason: 'nothing_to_move' });
      expect(await t.db.caseEvent.count({ where: { kind: 'reassigned', fromWorkerId: w.worker.id } })).toBe(5);
    });

    it('moves all to one worker, even from an account already switched off (which is not e-mailed)', async () => {
      await openCaseFor(w.worker.id, 1);
      await t.db.user.update({ where: { id: w.worker.id }, data: { active: false } });
      const result = await t.db.$transaction((tx) =>
        reassignCaseload(
          tx,
          w.admin,
          { fromWorkerId: w.worker.id, expectedCount: 2, mode: 'one', toWorkerId: w.worker2.id, reason: 'Left' },
          NOW,
        ),
      );
      expect(result).toEqual({ ok: true, moved: 2, fromName: w.worker.name, to: [{ name: w.worker2.name, count: 2 }] });
      expect(await mailTo(w.worker.email)).toHaveLength(0);
      expect((await mailTo(w.worker2.email))[0].subject).toBe('2 cases are now yours');
    });

    it('refuses when the count changed since the page, a link worker, another team’s coordinator, and a taker from outside the team', async () => {
      const input = { fromWorkerId: w.worker.id, expectedCount: 1, mode: 'one' as const, toWorkerId: w.worker2.id, reason: 'x' };
      const run = (who: typeof w.worker, over: Partial<typeof input> = {}) =>
        t.db.$transaction((tx) => reassignCaseload(tx, who, { ...input, ...over }, NOW));
      await openCaseFor(w.worker.id, 1);
      expect(await run(w.coordinator)).toEqual({ ok: false, reason: 'changed_since' });
      expect(await run(w.worker2, { expectedCount: 2 })).toEqual({ ok: false, reason: 'forbidden' });
      const coordB = await t.db.user.create({
        data: { email: `cb-${w.tag}@example.test`, name: 'Coord B', passwordHash: 'x', role: 'coordinator', teamId: w.teamB.id },
      });
      const asCoordB = { ...w.coordinator, id: coordB.id, teamId: w.teamB.id };
      expect(await run(asCoordB, { expectedCount: 2 })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await caseloadToMove(t.db, asCoordB, w.worker.id, NOW)).toBeNull();
      expect(await caseloadToMove(t.db, w.worker2, w.worker.id, NOW)).toBeNull();
      expect(await run(w.coordinator, { expectedCount: 2, toWorkerId: w.otherWorker.id })).toEqual({
        ok: false,
        reason: 'unknown_worker',
      });
      expect(await run(w.coordinator, { expectedCount: 2, toWorkerId: w.worker.id })).toEqual({
        ok: false,
        reason: 'same_worker',
      });
      expect(await t.db.case.count({ where: { assignedWorkerId: w.worker.id } })).toBe(2);
    });
  });

  describe('reopening a closed case', () => {
    async function closedWithHistory() {
      const first = await t.db.$transaction((tx) =>
        recordConversation(tx, w.worker, w.kase.id, conversation({ lifeSatisfaction: 3, anxiety: 8 }), NOW),
      );
      if (!first.ok) throw new Error(first.reason);
      const closed = await t.db.$transaction(async (tx) =>
        closeCase(
          tx,
          w.worker,
          w.kase.id,
          {
            expectedVersion: await version(),
            outcome: 'settled_community_support',
            outcomeNote: 'Goes to the lunch club',
            closedOn: '2026-11-17',
            type: 'good_life',
            lifeSatisfaction: 7,
            anxiety: 3,
          },
          NOW,
        ),
      );
      if (!closed.ok) throw new Error(closed.reason);
    }

    it('opens the same case again with its history, conversations and scores, and the timeline shows both', async () => {
      await closedWithHistory();
      const closedPage = await t.db.$transaction((tx) => openCase(tx, w.worker, w.kase.id, NOW));
      if (!closedPage.ok) throw new Error(closedPage.reason);
      expect(closedPage.page.ons4?.rows[0]).toMatchObject({ key: 'lifeSatisfaction', before: 3, after: 7, change: 4 });

      const later = new Date('2026-11-25T10:00:00Z');
      const result = await t.db.$transaction(async (tx) =>
        reopenCase(tx, w.worker2, w.kase.id, { expectedVersion: await version(), reason: 'She rang back' }, later),
      );
      // A link worker reopens it for themself.
      expect(result).toEqual({ ok: true, workerName: w.worker2.name });
      const c = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
      expect(c).toMatchObject({
        status: 'active',
        closedAt: null,
        outcome: null,
        outcomeNote: null,
        assignedWorkerId: w.worker2.id,
      });
      expect(await t.db.conversation.count({ where: { caseId: w.kase.id } })).toBe(2);
      const event = await t.db.caseEvent.findFirstOrThrow({ where: { caseId: w.kase.id, kind: 'reopened' } });
      expect(event).toMatchObject({ reason: 'She rang back', fromWorkerId: w.worker.id, toWorkerId: w.worker2.id });
      expect(event.detail).toMatchObject({
        outcome: 'settled_community_support',
        outcomeNote: 'Goes to the lunch club',
        closedById: w.worker.id,
      });

      const page = await t.db.$transaction((tx) => openCase(tx, w.worker2, w.kase.id, later));
      if (!page.ok) throw new Error(page.reason);
      expect(page.page.timeline.slice(0, 2).map((e) => e.title)).toEqual([
        `Case reopened, with ${w.worker2.name}`,
        'Case closed',
      ]);
      expect(page.page.ons4).toBeNull();
      expect(await t.db.auditEvent.count({ where: { action: 'case.reopened', entityId: w.kase.id } })).toBe(1);

      // Anonymising drops the reasons and the earlier outcome note, keeping the outcome.
      await t.db.$transaction((tx) => anonymisePerson(tx, w.admin, w.person.id, later));
      const anonymous = await t.db.caseEvent.findFirstOrThrow({ where: { caseId: w.kase.id } });
      expect(anonymous.reason).toBeNull();
      expect(anonymous.detail).toEqual({
        outcome: 'settled_community_support',
        closedAt: expect.any(String),
        closedById: w.worker.id,
      });
    });

    it('lets a coordinator choose the worker; refuses an open case, another team and an anonymised person', async () => {
      const v0 = await version();
      expect(
        await t.db.$transaction((tx) => reopenCase(tx, w.coordinator, w.kase.id, { expectedVersion: v0, reason: 'x' }, NOW)),
      ).toEqual({ ok: false, reason: 'not_closed' });
      await closedWithHistory();
      const v = await version();
      const reopen = (who: typeof w.worker, workerId?: string) =>
        t.db.$transaction((tx) => reopenCase(tx, who, w.kase.id, { expectedVersion: v, reason: 'Back', workerId }, NOW));
      expect(await reopen(w.otherWorker)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await reopen(w.coordinator)).toEqual({ ok: false, reason: 'unknown_worker' });
      expect(await reopen(w.coordinator, w.otherWorker.id)).toEqual({ ok: false, reason: 'unknown_worker' });
      expect(await reopen(w.coordinator, w.worker.id)).toEqual({ ok: true, workerName: w.worker.name });
    });

    it('refuses to reopen the case of someone whose record was anonymised', async () => {
      await closedWithHistory();
      await t.db.$transaction((tx) => anonymisePerson(tx, w.admin, w.person.id, NOW));
      expect(
        await t.db.$transaction(async (tx) =>
          reopenCase(tx, w.worker, w.kase.id, { expectedVersion: await version(), reason: 'x' }, NOW),
        ),
      ).toEqual({ ok: false, reason: 'anonymised' });
    });
  });

  describe('finding a case, open or closed', () => {
    it('finds by name, reference, postcode or date of birth within the team only, and records who was listed', async () => {
      await t.db.person.update({ where: { id: w.person.id }, data: { dateOfBirth: new Date('1948-05-02T00:00:00Z') } });
      await t.db.case.update({ where: { id: w.kase.id }, data: { status: 'closed', closedAt: NOW, outcome: 'moved_away' } });
      const find = (q: string, dob = '', who = w.worker2) => t.db.$transaction((tx) => findCases(tx, who, { q, dob }, NOW));
      const ids = (r: Awaited<ReturnType<typeof find>>) => (r.kind === 'found' ? r.cases.map((c) => c.id) : r.kind);

      expect(ids(await find('margaret'))).toEqual([w.kase.id]);
      expect(ids(await find(w.kase.reference.toLowerCase()))).toEqual([w.kase.id]);
      expect(ids(await find(w.postcode.replace(' ', '').toLowerCase()))).toEqual([w.kase.id]);
      expect(ids(await find('', '1948-05-02'))).toEqual([w.kase.id]);
      expect(ids(await find('margaret', '1948-05-03'))).toEqual([]);
      expect(ids(await find('margaret', '', w.otherWorker))).toEqual([]);
      expect(ids(await find('', ''))).toBe('empty');
      expect(await find('m')).toMatchObject({ kind: 'invalid', field: 'q' });
      expect(await find('', '1948-02-30')).toMatchObject({ kind: 'invalid', field: 'dob' });
      expect(ids(await find('margaret', '', w.commissioner))).toBe('empty');

      const found = await find('margaret');
      expect(found.kind === 'found' && found.cases[0]).toMatchObject({ status: 'closed', outcome: 'moved_away' });
      // Five searches found her: five lines in her record's access list.
      expect(
        await t.db.auditEvent.count({ where: { action: 'case.search_listed', personId: w.person.id, actorId: w.worker2.id } }),
      ).toBe(5);
    });
  });

  describe('the team’s caseload', () => {
    it('counts each worker’s open, waiting, due and last-12-months cases, and filters by worker, status and follow-up', async () => {
      await openCaseFor(w.worker2.id, 1);
      const old = await openCaseFor(w.worker2.id, 2);
      await t.db.case.update({ where: { id: old.id }, data: { status: 'closed', closedAt: new Date('2025-06-01T00:00:00Z') } });
      const recent = await openCaseFor(w.worker2.id, 3);
      await t.db.case.update({
        where: { id: recent.id },
        data: { status: 'closed', closedAt: new Date('2026-06-01T00:00:00Z') },
      });
      await t.db.$transaction((tx) =>
        recordConversation(
          tx,
          w.worker,
          w.kase.id,
          conversation({ occurredOn: '2026-11-10', nextFollowUpOn: '2026-11-17' }),
          NOW,
        ),
      );

      const loads = await teamCaseloads(t.db, w.teamA.id, NOW);
      expect(loads.find((l) => l.id === w.worker.id)).toMatchObject({ openCases: 1, waiting: 0, followUpsDue: 1, lastYear: 1 });
      expect(loads.find((l) => l.id === w.worker2.id)).toMatchObject({ openCases: 1, waiting: 1, followUpsDue: 0, lastYear: 2 });
      expect(loads.map((l) => l.id)).not.toContain(w.coordinator.id);

      const team = { ...w.coordinator };
      const show = async (filters: Parameters<typeof myCaseload>[3]) =>
        (await myCaseload(t.db, team, NOW, { scope: 'team', ...filters })).total;
      expect(await show({})).toBe(2);
      expect(await show({ worker: w.worker2.id })).toBe(1);
      expect(await show({ status: 'waiting' })).toBe(1);
      expect(await show({ status: 'active' })).toBe(1);
      expect(await show({ followUp: 'due' })).toBe(1);
      expect(await show({ followUp: 'week' })).toBe(1);
      expect(await show({ followUp: 'none' })).toBe(1);
    });
  });
});
