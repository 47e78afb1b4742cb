// The loaders of the pages that act on a case (lib/cases/pages.ts): each opens the case as a view
// of the person's record, for its own purpose, then reads only what belongs to this case.
import { beforeEach, describe, expect, it } from 'vitest';
import { recordConversation } from '@/lib/cases/conversations';
import {
  loadCaseSummary,
  loadCloseCasePage,
  loadConsentPage,
  loadConversationPage,
  loadPersonDetailsPage,
  loadUnmetNeedPage,
} from '@/lib/cases/pages';
import { referOut } from '@/lib/cases/refer-out';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('the case sub-pages', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;

  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  const views = (purpose: string) =>
    t.db.auditEvent.count({
      where: { action: 'case.viewed', entityId: w.kase.id, actorId: w.worker.id, detail: { path: ['purpose'], equals: purpose } },
    });

  it('records each page as a view of the record, for its purpose', async () => {
    const loads: Array<[string, () => Promise<{ ok: boolean }>]> = [
      ['close_case', () => loadCloseCasePage(t.db, w.worker, w.kase.id)],
      ['record_consent', () => loadConsentPage(t.db, w.worker, w.kase.id)],
      ['change_person', () => loadPersonDetailsPage(t.db, w.worker, w.kase.id)],
      ['record_conversation', () => loadConversationPage(t.db, w.worker, w.kase.id, null)],
      ['record_unmet_need', () => loadUnmetNeedPage(t.db, w.worker, w.kase.id, undefined)],
      ['raise_safeguarding', () => loadCaseSummary(t.db, w.worker, w.kase.id, 'raise_safeguarding')],
    ];
    for (const [purpose, load] of loads) {
      expect(await views(purpose)).toBe(0);
      expect((await load()).ok).toBe(true);
      expect(await views(purpose)).toBe(1);
    }
  });

  it('refuses a worker of another team on every page', async () => {
    const refused = await Promise.all([
      loadCloseCasePage(t.db, w.otherWorker, w.kase.id),
      loadConsentPage(t.db, w.otherWorker, w.kase.id),
      loadPersonDetailsPage(t.db, w.otherWorker, w.kase.id),
      loadConversationPage(t.db, w.otherWorker, w.kase.id, null),
      loadUnmetNeedPage(t.db, w.otherWorker, w.kase.id, undefined),
    ]);
    expect(refused).toEqual(refused.map(() => ({ ok: false, reason: 'forbidden' })));
  });

  it('counts the referrals still open before closing', async () => {
    const before = await loadCloseCasePage(t.db, w.worker, w.kase.id);
    expect(before.ok && before.openReferrals).toBe(0);
    await w.agreeToShare(['name']);
    const sent = await t.db.$transaction((tx) =>
      referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: ['name'] }, NOW),
    );
    expect(sent.ok).toBe(true);
    const after = await loadCloseCasePage(t.db, w.worker, w.kase.id);
    expect(after.ok && after.openReferrals).toBe(1);
  });

  it('offers only approved organisations for an agreement, by name', async () => {
    await t.db.organisation.create({
      data: { name: `Aardvark pending ${w.tag}`, email: `pending-${w.tag}@example.org`, status: 'pending' },
    });
    const page = await loadConsentPage(t.db, w.worker, w.kase.id);
    if (!page.ok) throw new Error(page.reason);
    const ours = page.organisations.filter((o) => o.name.endsWith(w.tag));
    expect(ours.map((o) => o.name)).toEqual([w.org1.name, w.org2.name].sort());
  });

  it('gives the person’s contact details as they are', async () => {
    const page = await loadPersonDetailsPage(t.db, w.worker, w.kase.id);
    if (!page.ok) throw new Error(page.reason);
    expect(page.person).toMatchObject({
      name: 'Margaret Hughes',
      phone: '07700 900456',
      preferredContact: 'phone',
      postcode: w.postcode,
      anonymisedAt: null,
    });
  });

  it('finds a conversation to correct only on its own case', async () => {
    const recorded = await t.db.$transaction((tx) =>
      recordConversation(tx, w.worker, w.kase.id, conversation({ needs: [w.money.id] }), NOW),
    );
    if (!recorded.ok) throw new Error(recorded.reason);
    const page = await loadConversationPage(t.db, w.worker, w.kase.id, recorded.conversationId);
    if (!page.ok) throw new Error(page.reason);
    expect(page.corrected?.id).toBe(recorded.conversationId);
    expect(page.corrected?.needs).toEqual([{ termId: w.money.id }]);
    expect(page.needs.map((n) => n.id)).toEqual(expect.arrayContaining([w.loneliness.id, w.money.id]));
    expect(await views('correct_conversation')).toBe(1);

    const other = await t.db.case.create({
      data: {
        reference: `EB-X-${w.tag}`,
        personId: w.person.id,
        teamId: w.teamA.id,
        source: 'self',
        assignedWorkerId: w.worker.id,
      },
    });
    expect(await loadConversationPage(t.db, w.worker, other.id, recorded.conversationId)).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('finds a declined referral only on its own case', async () => {
    await w.agreeToShare(['name']);
    const sent = await t.db.$transaction((tx) =>
      referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: ['name'] }, NOW),
    );
    if (!sent.ok) throw new Error(sent.reason);
    const page = await loadUnmetNeedPage(t.db, w.worker, w.kase.id, sent.referralId);
    if (!page.ok) throw new Error(page.reason);
    expect(page.declined?.service.name).toBe(w.service1.name);
    expect(page.declined?.case.needs).toEqual([{ termId: w.loneliness.id }]);

    const other = await t.db.case.create({
      data: {
        reference: `EB-Y-${w.tag}`,
        personId: w.person.id,
        teamId: w.teamA.id,
        source: 'self',
        assignedWorkerId: w.worker.id,
      },
    });
    expect(await loadUnmetNeedPage(t.db, w.worker, other.id, sent.referralId)).toEqual({ ok: false, reason: 'not_found' });
  });
});
