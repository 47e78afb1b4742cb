import { beforeEach, describe, expect, it } from 'vitest';
import { moveAsWorker, referOut } from '@/lib/cases/refer-out';
import { answerAsProvider, listInbox, openInboxReferral } from '@/lib/provider-inbox/inbox';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('provider inbox', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  let referralId: string;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
    await w.agreeToShare(['name', 'phone']);
    const sent = await t.db.$transaction((tx) => referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: ['name', 'phone'], message: 'Keen to start' }, NOW));
    if (!sent.ok) throw new Error(sent.reason);
    referralId = sent.referralId;
  });

  const version = async () => (await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).version;
  const answer = async (user = w.provider1, to: 'accepted' | 'declined' | 'waitlisted' | 'attending' | 'did_not_attend' | 'completed' = 'accepted', extra: { reason?: string; expectedVersion?: number } = {}) =>
    t.db.$transaction(async (tx) => answerAsProvider(tx, user, referralId, { to, expectedVersion: extra.expectedVersion ?? (await version()), reason: extra.reason }, NOW));

  it('lists referrals to the provider’s own services only, without personal details', async () => {
    const mine = await listInbox(t.db, w.provider1, 'waiting');
    expect(mine.items.map((i) => i.id)).toEqual([referralId]);
    expect(mine.counts).toMatchObject({ waiting: 1, open: 1, closed: 0, all: 1 });
    expect(JSON.stringify(mine.items)).not.toMatch(/Margaret|07700/);
    expect((await listInbox(t.db, w.provider2, 'all')).items).toEqual([]);
    // Someone who has left the group loses its inbox even with an old session.
    await t.db.organisationMember.deleteMany({ where: { userId: w.provider1.id } });
    expect((await listInbox(t.db, w.provider1, 'all')).items).toEqual([]);
  });

  it('shows the shared details to the provider (audited), and refuses another provider', async () => {
    const opened = await t.db.$transaction((tx) => openInboxReferral(tx, w.provider1, referralId, NOW));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.referral.shared.map((s) => [s.label, s.value])).toEqual([
      ['Name', 'Margaret Hughes'],
      ['Phone', '07700 900456'],
    ]);
    expect(opened.referral.choices).toEqual(['accepted', 'waitlisted', 'declined']);
    expect(await t.db.auditEvent.count({ where: { action: 'referral.viewed', actorId: w.provider1.id, personId: w.person.id } })).toBe(1);

    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.provider2, referralId, NOW))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.worker, referralId, NOW))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.commissioner, referralId, NOW))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await answer(w.provider2)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.db.auditEvent.count({ where: { action: 'referral.access_refused', actorId: w.provider2.id } })).toBe(1);
  });

  it('does not show a draft to anyone outside the team', async () => {
    const draft = await t.db.referral.create({ data: { caseId: w.kase.id, serviceId: w.service1.id, createdById: w.worker.id, status: 'draft', sharedInfo: { name: 'Margaret Hughes' } } });
    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.provider1, draft.id, NOW))).toEqual({ ok: false, reason: 'not_found' });
    expect((await listInbox(t.db, w.provider1, 'all')).items.map((i) => i.id)).not.toContain(draft.id);
  });

  it('accepts, then attending, then completed; each is an event by the provider and the worker is told', async () => {
    expect(await answer(w.provider1, 'accepted')).toEqual({ ok: true, status: 'accepted' });
    expect(await answer(w.provider1, 'attending')).toEqual({ ok: true, status: 'attending' });
    expect(await answer(w.provider1, 'completed')).toEqual({ ok: true, status: 'completed' });
    const events = await t.db.referralEvent.findMany({ where: { referralId, actorKind: 'provider' }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => [e.toStatus, e.actorId])).toEqual([
      ['accepted', w.provider1.id],
      ['attending', w.provider1.id],
      ['completed', w.provider1.id],
    ]);
    expect(await t.db.notification.count({ where: { template: 'referral_answered_to_worker', recipient: w.worker.email } })).toBe(3);
    expect(await t.db.actionToken.count({ where: { subjectId: referralId, usedAt: null } })).toBe(0);
    expect(await answer(w.provider1, 'attending')).toMatchObject({ ok: false, reason: 'not_allowed' });
  });

  it('a decline needs a reason; did not attend is only after accepting', async () => {
    expect(await answer(w.provider1, 'did_not_attend')).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(await answer(w.provider1, 'declined')).toMatchObject({ ok: false, reason: 'reason_required' });
    expect(await answer(w.provider1, 'declined', { reason: 'full' })).toEqual({ ok: true, status: 'declined' });
    expect((await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).declineReason).toBe('full');
  });

  it('tells the provider the referral changed since they opened it, when the worker withdrew it meanwhile', async () => {
    const seen = await version();
    expect(await t.db.$transaction((tx) => moveAsWorker(tx, w.worker, referralId, { move: 'withdraw', expectedVersion: seen }, NOW))).toMatchObject({ ok: true });
    expect(await answer(w.provider1, 'accepted', { expectedVersion: seen })).toEqual({ ok: false, reason: 'changed_since', current: 'withdrawn' });
    expect((await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).status).toBe('withdrawn');
  });

  it('lets only one of two answers at the same version win', async () => {
    const seen = await version();
    const results = await Promise.all([answer(w.provider1, 'accepted', { expectedVersion: seen }), answer(w.provider1, 'declined', { expectedVersion: seen, reason: 'full' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'changed_since' });
    expect(await t.db.referralEvent.count({ where: { referralId, actorKind: 'provider' } })).toBe(1);
  });
});
