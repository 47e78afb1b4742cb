import { beforeEach, describe, expect, it } from 'vitest';
import { raiseConcern } from '@/lib/cases/safeguarding';
import { openCase } from '@/lib/cases/view';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('raising a safeguarding concern from the case page', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  it('lets a link worker of the case’s team record it, audited and on the timeline', async () => {
    const before = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    const result = await t.db.$transaction((tx) =>
      raiseConcern(
        tx,
        w.worker,
        w.kase.id,
        { referredTo: 'adults', referredToDetail: 'Duty officer, ref ASC-123', summary: 'Bruising she would not explain' },
        NOW,
      ),
    );
    expect(result).toMatchObject({ ok: true, caseId: w.kase.id });

    const rows = await t.db.safeguardingConcern.findMany({ where: { caseId: w.kase.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      raisedById: w.worker.id,
      referredTo: 'adults',
      referredToDetail: 'Duty officer, ref ASC-123',
      summary: 'Bruising she would not explain',
    });
    expect(rows[0].raisedAt.toISOString()).toBe(NOW.toISOString());
    expect((await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).version).toBe(before.version);

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: w.kase.id, action: 'safeguarding.raised' } });
    expect(audit).toMatchObject({ actorId: w.worker.id, personId: w.person.id });
    expect(JSON.stringify(audit.detail)).not.toMatch(/Bruising/);

    const opened = await t.db.$transaction((tx) => openCase(tx, w.worker, w.kase.id, NOW));
    if (!opened.ok) throw new Error('case did not open');
    expect(opened.page.safeguarding.map((s) => s.id)).toEqual([rows[0].id]);
    expect(opened.page.timeline.find((e) => e.kind === 'safeguarding')).toMatchObject({
      title: 'Safeguarding concern raised',
      anchor: 'safeguarding',
    });
  });

  it('lets a coordinator of the team record it too', async () => {
    const result = await t.db.$transaction((tx) =>
      raiseConcern(tx, w.coordinator, w.kase.id, { referredTo: 'children', summary: 'A child at home seemed frightened' }, NOW),
    );
    expect(result.ok).toBe(true);
  });

  it('refuses a link worker of another team and writes nothing', async () => {
    const auditsBefore = await t.db.auditEvent.count({ where: { entityId: w.kase.id } });
    for (const who of [w.otherWorker, w.provider1, w.admin, w.commissioner]) {
      const result = await t.db.$transaction((tx) =>
        raiseConcern(tx, who, w.kase.id, { referredTo: 'adults', summary: 'Not theirs to raise' }, NOW),
      );
      expect(result).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await t.db.safeguardingConcern.count({ where: { caseId: w.kase.id } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { entityId: w.kase.id } })).toBe(auditsBefore);
  });

  it('says not found for a case that does not exist', async () => {
    const result = await t.db.$transaction((tx) =>
      raiseConcern(tx, w.worker, '00000000-0000-4000-8000-000000000000', { referredTo: 'adults', summary: 'x' }, NOW),
    );
    expect(result).toEqual({ ok: false, reason: 'not_found' });
  });
});
