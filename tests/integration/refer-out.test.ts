import { beforeEach, describe, expect, it } from 'vitest';
import { withdrawConsent } from '@/lib/cases/consent';
import { recordConversation } from '@/lib/cases/conversations';
import { moveAsWorker, referableService, referOut, referOutForm } from '@/lib/cases/refer-out';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('referring out, limited to what the person agreed to share', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
    await t.db.$transaction((tx) =>
      recordConversation(
        tx,
        w.worker,
        w.kase.id,
        conversation({ whatMatters: 'Company at lunch', goals: 'Eat with others', needs: [w.money.id] }),
        NOW,
      ),
    );
  });

  const refer = (fields: string[], serviceId = w.service1.id, user = w.worker) =>
    t.db.$transaction((tx) =>
      referOut(tx, user, w.kase.id, { serviceId, fields, message: 'Margaret would love a lunch club.' }, NOW),
    );

  it('without an agreement to share, offers nothing and sends only the reference', async () => {
    const form = await referOutForm(t.db, w.kase.id, (await referableService(t.db, w.service1.id))!, NOW);
    expect(form.allowed).toEqual([]);
    expect(form.notAllowed).toEqual(expect.arrayContaining(['name', 'phone', 'email', 'whatMatters']));
    expect(await refer(['name'])).toEqual({ ok: false, reason: 'not_consented', fields: ['name'] });
    const sent = await refer([]);
    if (!sent.ok) throw new Error(sent.reason);
    const r = await t.db.referral.findUniqueOrThrow({ where: { id: sent.referralId } });
    expect(r.sharedInfo).toEqual({});
    expect(r.status).toBe('sent');
  });

  it('shares only chosen details that are agreed, sends it and tells the provider', async () => {
    await w.agreeToShare(['name', 'phone', 'whatMatters', 'needs']);
    expect(await refer(['name', 'phone', 'email'])).toEqual({ ok: false, reason: 'not_consented', fields: ['email'] });
    const sent = await refer(['name', 'whatMatters', 'needs']);
    expect(sent).toMatchObject({ ok: true, providerNotified: true });
    if (!sent.ok) return;
    const r = await t.db.referral.findUniqueOrThrow({
      where: { id: sent.referralId },
      include: { events: { orderBy: { createdAt: 'asc' } } },
    });
    expect(r.sharedInfo).toEqual({
      name: 'Margaret Hughes',
      whatMatters: 'Company at lunch',
      needs: ['Money and debt', 'Loneliness and isolation'],
    });
    expect(r.events.map((e) => [e.fromStatus, e.toStatus, e.actorKind, e.actorId])).toEqual([
      [null, 'draft', 'worker', w.worker.id],
      ['draft', 'sent', 'worker', w.worker.id],
    ]);
    const mail = await t.db.notification.findFirstOrThrow({ where: { recipient: w.service1.email! } });
    expect(mail.body).not.toMatch(/Margaret/);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'referral.sent', entityId: sent.referralId } });
    expect(audit.personId).toBe(w.person.id);
  });

  it('applies an agreement for one named provider to that provider only', async () => {
    await w.agreeToShare(['name', 'phone'], w.org2.id);
    const toOrg1 = await referOutForm(t.db, w.kase.id, (await referableService(t.db, w.service1.id))!, NOW);
    expect(toOrg1.allowed).toEqual([]);
    const toOrg2 = await referOutForm(t.db, w.kase.id, (await referableService(t.db, w.service2.id))!, NOW);
    expect(toOrg2.allowed.map((a) => a.field)).toEqual(['name', 'phone']);
    expect(await refer(['name'], w.service1.id)).toMatchObject({ ok: false, reason: 'not_consented' });
    expect(await refer(['name'], w.service2.id)).toMatchObject({ ok: true });
  });

  it('refuses a second open referral to the same service, another team, and a closed case', async () => {
    expect((await refer([])).ok).toBe(true);
    expect(await refer([])).toEqual({ ok: false, reason: 'duplicate' });
    expect(await refer([], w.service2.id, w.otherWorker)).toEqual({ ok: false, reason: 'forbidden' });
    await t.db.case.update({ where: { id: w.kase.id }, data: { status: 'closed' } });
    expect(await refer([], w.service2.id)).toEqual({ ok: false, reason: 'closed' });
  });

  it('withdrawing the agreement stops sharing: held copies are cut and later referrals carry nothing', async () => {
    const share = await w.agreeToShare(['name', 'phone']);
    const sent = await refer(['name', 'phone']);
    if (!sent.ok) throw new Error(sent.reason);
    const result = await t.db.$transaction((tx) =>
      withdrawConsent(tx, w.worker, w.kase.id, { consentId: share.id, reason: 'Changed her mind' }, NOW),
    );
    expect(result).toMatchObject({ ok: true, referralsLimited: 1 });
    expect((await t.db.referral.findUniqueOrThrow({ where: { id: sent.referralId } })).sharedInfo).toEqual({});
    expect((await t.db.consent.findUniqueOrThrow({ where: { id: share.id } })).withdrawnReason).toBe('Changed her mind');
    expect(await refer(['name'], w.service2.id)).toMatchObject({ ok: false, reason: 'not_consented' });
    expect(
      await t.db.$transaction((tx) =>
        withdrawConsent(tx, w.worker, w.kase.id, { consentId: share.id, reason: 'Changed her mind' }, NOW),
      ),
    ).toEqual({
      ok: false,
      reason: 'already_withdrawn',
    });
  });

  it('the worker withdraws, records a provider’s phone answer, and is told when the referral moved since', async () => {
    const a = await refer([]);
    if (!a.ok) throw new Error(a.reason);
    const v = (await t.db.referral.findUniqueOrThrow({ where: { id: a.referralId } })).version;
    expect(
      await t.db.$transaction((tx) =>
        moveAsWorker(
          tx,
          w.worker,
          a.referralId,
          { move: 'on_behalf', to: 'accepted', expectedVersion: v, note: 'Spoke to Jan' },
          NOW,
        ),
      ),
    ).toEqual({
      ok: true,
      status: 'accepted',
    });
    const event = await t.db.referralEvent.findFirstOrThrow({ where: { referralId: a.referralId, toStatus: 'accepted' } });
    expect(event).toMatchObject({ actorKind: 'worker', actorId: w.worker.id, onBehalf: true, note: 'Spoke to Jan' });
    // The answer links in the provider's e-mail no longer work.
    expect(await t.db.actionToken.count({ where: { subjectId: a.referralId, usedAt: null } })).toBe(0);
    // A second tab still showing the old version.
    expect(
      await t.db.$transaction((tx) => moveAsWorker(tx, w.worker2, a.referralId, { move: 'withdraw', expectedVersion: v }, NOW)),
    ).toEqual({ ok: false, reason: 'changed_since' });
    expect(
      await t.db.$transaction((tx) =>
        moveAsWorker(tx, w.worker2, a.referralId, { move: 'withdraw', expectedVersion: v + 1 }, NOW),
      ),
    ).toEqual({ ok: true, status: 'withdrawn' });
    expect(
      await t.db.$transaction((tx) =>
        moveAsWorker(tx, w.otherWorker, a.referralId, { move: 'withdraw', expectedVersion: v + 2 }, NOW),
      ),
    ).toEqual({ ok: false, reason: 'forbidden' });
    expect(
      await t.db.$transaction((tx) =>
        moveAsWorker(tx, w.provider1, a.referralId, { move: 'on_behalf', to: 'attending', expectedVersion: v + 2 }, NOW),
      ),
    ).toEqual({ ok: false, reason: 'forbidden' });
  });
});
