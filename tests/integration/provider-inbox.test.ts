import { beforeEach, describe, expect, it } from 'vitest';
import type { ReferralStatus } from '@/lib/db/generated/enums';
import { moveAsWorker, referOut } from '@/lib/cases/refer-out';
import { LIST_PAGE_SIZE } from '@/lib/paging/pages';
import { answerAsProvider, listInbox, openInboxReferral, type InboxFilter } from '@/lib/providers/inbox';
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
    const sent = await t.db.$transaction((tx) =>
      referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: ['name', 'phone'], message: 'Keen to start' }, NOW),
    );
    if (!sent.ok) throw new Error(sent.reason);
    referralId = sent.referralId;
  });

  const version = async () => (await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).version;
  const answer = async (
    user = w.provider1,
    to: 'accepted' | 'declined' | 'waitlisted' | 'attending' | 'did_not_attend' | 'completed' = 'accepted',
    extra: { reason?: string; expectedVersion?: number } = {},
  ) =>
    t.db.$transaction(async (tx) =>
      answerAsProvider(
        tx,
        user,
        referralId,
        { to, expectedVersion: extra.expectedVersion ?? (await version()), reason: extra.reason },
        NOW,
      ),
    );

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

  /**
   * Referrals straight into the table, `n` of each status given, spread over time with some
   * timestamps shared, so the order has ties that only the id settles.
   */
  const fill = async (serviceId: string, statuses: ReferralStatus[], n: number) => {
    const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
    const data = statuses.flatMap((status, s) =>
      Array.from({ length: n }, (_, i) => ({
        caseId: w.kase.id,
        serviceId,
        createdById: w.worker.id,
        status,
        sentAt: at(5000 - (i % 7) * 60 - s),
        updatedAt: at((i % 5) * 30 + s),
      })),
    );
    await t.db.referral.createMany({ data });
  };

  /** Every page of a filter, one after another, as the pagination links would fetch them. */
  const allPages = async (user: typeof w.provider1, filter: InboxFilter) => {
    const first = await listInbox(t.db, user, filter, 1);
    const pages = [first];
    for (let p = 2; p <= first.page.totalPages; p++) pages.push(await listInbox(t.db, user, filter, p));
    return pages;
  };

  it('pages the list 25 at a time in one stable order, with no overlap or gap, and the same counts on every page', async () => {
    await fill(w.service1.id, ['sent', 'accepted', 'attending', 'declined', 'completed'], 14);
    await fill(w.service2.id, ['sent', 'accepted', 'completed'], 12);
    // The order the inbox promises: waiting first (oldest sent first), then the rest, most
    // recently changed first; the id settles ties.
    const rows = await t.db.referral.findMany({
      where: { serviceId: w.service1.id, status: { not: 'draft' } },
      select: { id: true, status: true, sentAt: true, updatedAt: true },
    });
    const expected = (statuses: ReferralStatus[]) =>
      rows
        .filter((r) => statuses.includes(r.status))
        .sort((a, b) => {
          const wa = a.status === 'sent' ? 0 : 1;
          const wb = b.status === 'sent' ? 0 : 1;
          if (wa !== wb) return wa - wb;
          if (wa === 1 && a.updatedAt.getTime() !== b.updatedAt.getTime()) return b.updatedAt.getTime() - a.updatedAt.getTime();
          if (a.sentAt!.getTime() !== b.sentAt!.getTime()) return a.sentAt!.getTime() - b.sentAt!.getTime();
          return a.id < b.id ? -1 : 1;
        })
        .map((r) => r.id);
    const counts = { waiting: 15, open: 43, closed: 28, all: 71 };

    for (const [filter, statuses] of [
      ['all', ['sent', 'accepted', 'attending', 'declined', 'completed']],
      ['open', ['sent', 'accepted', 'attending']],
      ['closed', ['declined', 'completed']],
    ] as const) {
      const pages = await allPages(w.provider1, filter);
      expect(pages.length).toBe(Math.ceil(counts[filter] / LIST_PAGE_SIZE));
      pages.forEach((p, i) => {
        expect(p.page).toMatchObject({
          page: i + 1,
          totalPages: pages.length,
          offset: i * LIST_PAGE_SIZE,
          size: LIST_PAGE_SIZE,
          total: counts[filter],
        });
        expect(p.items.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
        expect(p.counts).toEqual(counts);
      });
      expect(pages.slice(0, -1).every((p) => p.items.length === LIST_PAGE_SIZE)).toBe(true);
      // Page 2 starts where page 1 ended: together the pages are the whole list, once each, in order.
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected([...statuses]));
    }

    // A page beyond the end (a stale link) gives the last page.
    const last = await listInbox(t.db, w.provider1, 'all', 3);
    const beyond = await listInbox(t.db, w.provider1, 'all', 40);
    expect(beyond.page).toMatchObject({ page: 3, totalPages: 3, offset: 50 });
    expect(beyond.items.map((i) => i.id)).toEqual(last.items.map((i) => i.id));
    expect(beyond.items).toHaveLength(21);
    expect(beyond.counts).toEqual(counts);
    expect((await listInbox(t.db, w.provider1, 'waiting', 2)).page).toMatchObject({ page: 1, totalPages: 1 });
  });

  it('never shows another provider’s referrals on any page', async () => {
    await fill(w.service1.id, ['sent', 'accepted', 'completed'], 20);
    await fill(w.service2.id, ['sent', 'waitlisted', 'withdrawn'], 20);
    const service1Ids = new Set(
      (await t.db.referral.findMany({ where: { serviceId: w.service1.id }, select: { id: true } })).map((r) => r.id),
    );
    for (const filter of ['waiting', 'open', 'closed', 'all'] as const) {
      const theirs = (await allPages(w.provider2, filter)).flatMap((p) => p.items);
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.filter((i) => service1Ids.has(i.id))).toEqual([]);
      expect(new Set(theirs.map((i) => i.serviceName))).toEqual(new Set([w.service2.name]));
      const mine = (await allPages(w.provider1, filter)).flatMap((p) => p.items);
      expect(mine.every((i) => service1Ids.has(i.id))).toBe(true);
    }
    expect((await listInbox(t.db, w.provider2, 'all', 3)).counts).toEqual({ waiting: 20, open: 40, closed: 20, all: 60 });
    // A provider with no organisation left sees an empty first page, whatever page is asked for.
    await t.db.organisationMember.deleteMany({ where: { userId: w.provider2.id } });
    expect(await listInbox(t.db, w.provider2, 'all', 2)).toEqual({
      items: [],
      counts: { waiting: 0, open: 0, closed: 0, all: 0 },
      page: { page: 1, totalPages: 1, offset: 0, size: LIST_PAGE_SIZE, total: 0 },
    });
  });

  it('shows the shared details to the provider (audited), and refuses another provider', async () => {
    const opened = await t.db.$transaction((tx) => openInboxReferral(tx, w.provider1, referralId, NOW));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.referral.shared.map((s) => [s.label, s.value])).toEqual([
      ['Name', 'Margaret Hughes'],
      ['Phone', '07700 900456'],
    ]);
    expect(opened.referral.choices).toEqual(['accepted', 'waitlisted', 'declined']);
    expect(
      await t.db.auditEvent.count({ where: { action: 'referral.viewed', actorId: w.provider1.id, personId: w.person.id } }),
    ).toBe(1);

    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.provider2, referralId, NOW))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.worker, referralId, NOW))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.commissioner, referralId, NOW))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await answer(w.provider2)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.db.auditEvent.count({ where: { action: 'referral.access_refused', actorId: w.provider2.id } })).toBe(1);
  });

  it('tells the provider how to reach the worker and team, and who answered with their note', async () => {
    await t.db.team.update({ where: { id: w.teamA.id }, data: { phone: '01632 960 210' } });
    const seen = await version();
    expect(
      await t.db.$transaction((tx) =>
        answerAsProvider(
          tx,
          w.provider1,
          referralId,
          { to: 'accepted', expectedVersion: seen, note: 'Starts next Tuesday' },
          new Date(NOW.getTime() + 60_000),
        ),
      ),
    ).toEqual({ ok: true, status: 'accepted' });
    const opened = await t.db.$transaction((tx) => openInboxReferral(tx, w.provider1, referralId, NOW));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.referral.contact).toEqual({
      workerName: w.worker.name,
      workerEmail: w.worker.email,
      teamName: w.teamA.name,
      teamEmail: w.teamA.email,
      teamPhone: '01632 960 210',
    });
    expect(opened.referral.history.map((h) => [h.status, h.by, h.note])).toEqual([
      ['sent', w.worker.name, null],
      ['accepted', w.provider1.name, 'Starts next Tuesday'],
    ]);
  });

  it('does not show a draft to anyone outside the team', async () => {
    const draft = await t.db.referral.create({
      data: {
        caseId: w.kase.id,
        serviceId: w.service1.id,
        createdById: w.worker.id,
        status: 'draft',
        sharedInfo: { name: 'Margaret Hughes' },
      },
    });
    expect(await t.db.$transaction((tx) => openInboxReferral(tx, w.provider1, draft.id, NOW))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect((await listInbox(t.db, w.provider1, 'all')).items.map((i) => i.id)).not.toContain(draft.id);
  });

  it('accepts, then attending, then completed; each is an event by the provider and the worker is told', async () => {
    expect(await answer(w.provider1, 'accepted')).toEqual({ ok: true, status: 'accepted' });
    expect(await answer(w.provider1, 'attending')).toEqual({ ok: true, status: 'attending' });
    expect(await answer(w.provider1, 'completed')).toEqual({ ok: true, status: 'completed' });
    const events = await t.db.referralEvent.findMany({
      where: { referralId, actorKind: 'provider' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => [e.toStatus, e.actorId])).toEqual([
      ['accepted', w.provider1.id],
      ['attending', w.provider1.id],
      ['completed', w.provider1.id],
    ]);
    expect(await t.db.notification.count({ where: { template: 'referral_answered_to_worker', recipient: w.worker.email } })).toBe(
      3,
    );
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
    expect(
      await t.db.$transaction((tx) => moveAsWorker(tx, w.worker, referralId, { move: 'withdraw', expectedVersion: seen }, NOW)),
    ).toMatchObject({ ok: true });
    expect(await answer(w.provider1, 'accepted', { expectedVersion: seen })).toEqual({
      ok: false,
      reason: 'changed_since',
      current: 'withdrawn',
    });
    expect((await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).status).toBe('withdrawn');
  });

  it('lets only one of two answers at the same version win', async () => {
    const seen = await version();
    const results = await Promise.all([
      answer(w.provider1, 'accepted', { expectedVersion: seen }),
      answer(w.provider1, 'declined', { expectedVersion: seen, reason: 'full' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'changed_since' });
    expect(await t.db.referralEvent.count({ where: { referralId, actorKind: 'provider' } })).toBe(1);
  });
});
