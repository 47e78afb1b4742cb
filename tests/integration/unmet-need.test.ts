import { beforeEach, describe, expect, it } from 'vitest';
import { referOut } from '@/lib/cases/refer-out';
import { answerAsProvider } from '@/lib/providers/inbox';
import { recordUnmetNeed, reasonForDecline } from '@/lib/unmet-need/record';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('unmet need', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  it('takes the area and ward from the person’s postcode', async () => {
    const result = await t.db.$transaction((tx) =>
      recordUnmetNeed(
        tx,
        w.worker,
        w.kase.id,
        { termId: w.money.id, reason: 'no_service', note: 'Wanted a debt clinic on Saturdays' },
        NOW,
      ),
    );
    expect(result).toMatchObject({ ok: true, areaId: w.area.id, wardId: w.ward.id });
    const row = await t.db.unmetNeed.findFirstOrThrow({ where: { caseId: w.kase.id } });
    expect(row).toMatchObject({
      termId: w.money.id,
      reason: 'no_service',
      recordedById: w.worker.id,
      areaId: w.area.id,
      wardId: w.ward.id,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'unmet_need.recorded' } });
    expect(audit.personId).toBe(w.person.id);
    expect(JSON.stringify(audit.detail)).not.toMatch(/debt clinic/);
  });

  it('finds the area from the postcode table when the person has none stored, and records none without a postcode', async () => {
    await t.db.person.update({ where: { id: w.person.id }, data: { areaId: null } });
    expect(
      await t.db.$transaction((tx) => recordUnmetNeed(tx, w.worker, w.kase.id, { termId: w.money.id, reason: 'cost' }, NOW)),
    ).toMatchObject({ areaId: w.area.id, wardId: w.ward.id });
    await t.db.person.update({ where: { id: w.person.id }, data: { postcode: null } });
    expect(
      await t.db.$transaction((tx) => recordUnmetNeed(tx, w.worker, w.kase.id, { termId: w.money.id, reason: 'cost' }, NOW)),
    ).toMatchObject({ areaId: null, wardId: null });
  });

  it('links to a declined referral of the same case, and suggests the reason', async () => {
    const sent = await t.db.$transaction((tx) =>
      referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: [] }, NOW),
    );
    if (!sent.ok) throw new Error(sent.reason);
    const v = (await t.db.referral.findUniqueOrThrow({ where: { id: sent.referralId } })).version;
    await t.db.$transaction((tx) =>
      answerAsProvider(tx, w.provider1, sent.referralId, { to: 'declined', reason: 'full', expectedVersion: v }, NOW),
    );
    expect(reasonForDecline('full')).toBe('full');
    expect(reasonForDecline('not_suitable')).toBeUndefined();
    const result = await t.db.$transaction((tx) =>
      recordUnmetNeed(tx, w.worker, w.kase.id, { termId: w.loneliness.id, reason: 'full', referralId: sent.referralId }, NOW),
    );
    expect(result.ok).toBe(true);
    expect((await t.db.unmetNeed.findFirstOrThrow({ where: { caseId: w.kase.id } })).referralId).toBe(sent.referralId);

    const other = await caseworkWorld(t.db);
    expect(
      await t.db.$transaction((tx) =>
        recordUnmetNeed(
          tx,
          other.worker,
          other.kase.id,
          { termId: w.money.id, reason: 'full', referralId: sent.referralId },
          NOW,
        ),
      ),
    ).toEqual({
      ok: false,
      reason: 'unknown_referral',
    });
  });

  it('is refused to another team and for an unknown theme', async () => {
    expect(
      await t.db.$transaction((tx) => recordUnmetNeed(tx, w.otherWorker, w.kase.id, { termId: w.money.id, reason: 'cost' }, NOW)),
    ).toEqual({ ok: false, reason: 'forbidden' });
    expect(
      await t.db.$transaction((tx) =>
        recordUnmetNeed(tx, w.worker, w.kase.id, { termId: '00000000-0000-4000-8000-000000000000', reason: 'cost' }, NOW),
      ),
    ).toEqual({
      ok: false,
      reason: 'unknown_theme',
    });
    expect(await t.db.unmetNeed.count({ where: { caseId: w.kase.id } })).toBe(0);
  });
});
