import { beforeEach, describe, expect, it } from 'vitest';
import { caseAccess } from '@/lib/cases/access';
import { openCase, openCaseSummary } from '@/lib/cases/view';
import { myCaseload, recordCaseloadShown } from '@/lib/cases/caseload';
import { findPeople } from '@/lib/people/subject-access';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, type CaseworkWorld } from './casework-fixture';

describe('who may open a case', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  it('the team’s link workers and coordinator open it, and each view is audited with the person', async () => {
    for (const user of [w.worker, w.worker2, w.coordinator]) {
      const opened = await t.db.$transaction((tx) => openCase(tx, user, w.kase.id));
      expect(opened.ok).toBe(true);
    }
    const views = await t.db.auditEvent.findMany({
      where: { personId: w.person.id, action: 'case.viewed' },
      orderBy: { createdAt: 'asc' },
    });
    expect(views.map((v) => v.actorId)).toEqual([w.worker.id, w.worker2.id, w.coordinator.id]);
    expect(views.every((v) => v.entityType === 'case' && v.entityId === w.kase.id)).toBe(true);
  });

  it('a link worker of another team, a commissioner, a provider and an admin are refused', async () => {
    for (const user of [w.otherWorker, w.commissioner, w.provider1, w.admin]) {
      expect(await t.db.$transaction((tx) => openCase(tx, user, w.kase.id))).toEqual({ ok: false, reason: 'forbidden' });
      expect(await t.db.$transaction((tx) => openCaseSummary(tx, user, w.kase.id, 'refer_out'))).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(await t.db.auditEvent.count({ where: { personId: w.person.id, action: 'case.viewed' } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { personId: w.person.id, action: 'case.access_refused' } })).toBe(8);
  });

  it('an unknown or malformed id is not found, and refuses nothing about anyone', async () => {
    expect(await caseAccess(t.db, w.worker, 'not-a-uuid')).toEqual({ ok: false, reason: 'not_found' });
    expect(await caseAccess(t.db, w.worker, '00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('shows the team’s coordinator who viewed the record, but not a link worker', async () => {
    await t.db.$transaction((tx) => openCase(tx, w.worker, w.kase.id));
    const asCoordinator = await t.db.$transaction((tx) => openCase(tx, w.coordinator, w.kase.id));
    if (!asCoordinator.ok) throw new Error('refused');
    expect(asCoordinator.page.audit?.filter((a) => a.action === 'case.viewed').map((a) => a.actor?.id)).toEqual([
      w.coordinator.id,
      w.worker.id,
    ]);
    const asWorker = await t.db.$transaction((tx) => openCase(tx, w.worker, w.kase.id));
    if (!asWorker.ok) throw new Error('refused');
    expect(asWorker.page.audit).toBeNull();
  });

  it('the page carries the person, consent, referral needs and a timeline', async () => {
    const opened = await t.db.$transaction((tx) => openCase(tx, w.worker, w.kase.id));
    if (!opened.ok) throw new Error('refused');
    const { page } = opened;
    expect(page.person.name).toBe('Margaret Hughes');
    expect(page.person.area?.ward.name).toBe(w.ward.name);
    expect(page.canBeContacted).toBe(true);
    expect(page.canShare).toBe(false);
    expect(page.case.needs.map((n) => n.term.name)).toEqual(['Loneliness and isolation']);
    expect(page.timeline.map((e) => e.kind)).toEqual(['assigned', 'triaged', 'consent', 'received']);
    expect(page.timeline.at(-1)!.title).toBe('Referral received');
  });

  it('records, per person, each name a caseload list or an admin person search showed', async () => {
    const at = new Date('2026-11-18T12:00:00Z');
    const mine = await myCaseload(t.db, w.worker, at);
    await recordCaseloadShown(t.db, w.worker, mine, at);
    const listed = await t.db.auditEvent.findMany({ where: { action: 'caseload.listed', actorId: w.worker.id } });
    expect(listed).toEqual([
      expect.objectContaining({
        actorId: w.worker.id,
        personId: w.person.id,
        entityType: 'case',
        entityId: w.kase.id,
        createdAt: at,
      }),
    ]);
    // An empty list records nothing.
    await recordCaseloadShown(t.db, w.worker2, await myCaseload(t.db, w.worker2, at), at);
    expect(await t.db.auditEvent.count({ where: { action: 'caseload.listed', actorId: w.worker2.id } })).toBe(0);

    const found = await t.db.$transaction((tx) => findPeople(tx, w.admin, 'Margaret', at));
    expect(found?.map((p) => p.id)).toContain(w.person.id);
    const names = await t.db.auditEvent.findMany({ where: { action: 'person.listed', actorId: w.admin.id } });
    expect(names.map((a) => a.personId).sort()).toEqual(found!.map((p) => p.id).sort());
  });

  it('the caseload lists the worker’s own cases, or the team’s, with filters', async () => {
    const mine = await myCaseload(t.db, w.worker, new Date('2026-11-18T12:00:00Z'));
    expect(mine.awaitingFirstContact.map((c) => c.reference)).toEqual([w.kase.reference]);
    expect((await myCaseload(t.db, w.worker2, new Date())).total).toBe(0);
    const team = await myCaseload(t.db, w.worker2, new Date(), { scope: 'team' });
    expect(team.awaitingFirstContact.map((c) => c.workerName)).toEqual([`worker ${w.tag}`]);
    expect((await myCaseload(t.db, w.worker, new Date(), { q: 'margaret' })).total).toBe(1);
    expect((await myCaseload(t.db, w.worker, new Date(), { q: w.kase.reference.toLowerCase() })).total).toBe(1);
    expect((await myCaseload(t.db, w.worker, new Date(), { rag: 'red' })).total).toBe(0);
    expect((await myCaseload(t.db, w.worker, new Date(), { followUp: 'due' })).total).toBe(0);
    expect((await myCaseload(t.db, w.otherWorker, new Date(), { scope: 'team' })).total).toBe(0);
  });
});
