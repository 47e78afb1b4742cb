import { beforeEach, describe, expect, it } from 'vitest';
import { closeCase } from '@/lib/cases/close';
import { recordConversation } from '@/lib/cases/conversations';
import { openCase } from '@/lib/cases/view';
import { referOut } from '@/lib/cases/refer-out';
import { answerAsProvider } from '@/lib/providers/inbox';
import { ANONYMISED_NAME, anonymisePerson, exportPerson, findPeople, personSummary } from '@/lib/people/subject-access';
import { recordUnmetNeed } from '@/lib/unmet-need/record';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('subject access and erasure', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  let referralId: string;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
    await w.agreeToShare(['name', 'phone', 'whatMatters']);
    await t.db.$transaction((tx) =>
      recordConversation(
        tx,
        w.worker,
        w.kase.id,
        conversation({ whatMatters: 'Her garden', lifeSatisfaction: 3, anxiety: 7, needs: [w.loneliness.id] }),
        NOW,
      ),
    );
    const sent = await t.db.$transaction((tx) =>
      referOut(
        tx,
        w.worker,
        w.kase.id,
        { serviceId: w.service1.id, fields: ['name', 'phone', 'whatMatters'], message: 'Margaret loves gardening' },
        NOW,
      ),
    );
    if (!sent.ok) throw new Error(sent.reason);
    referralId = sent.referralId;
    const v = (await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).version;
    await t.db.$transaction((tx) =>
      answerAsProvider(
        tx,
        w.provider1,
        referralId,
        { to: 'declined', reason: 'full', note: 'Call Margaret in spring', expectedVersion: v },
        NOW,
      ),
    );
    await t.db.$transaction((tx) =>
      recordUnmetNeed(
        tx,
        w.worker,
        w.kase.id,
        { termId: w.loneliness.id, reason: 'full', note: 'Margaret wanted Tuesdays' },
        NOW,
      ),
    );
    await t.db.$transaction((tx) => openCase(tx, w.coordinator, w.kase.id, NOW));
  });

  it('only an admin finds, opens and exports a person; each is audited', async () => {
    for (const user of [w.worker, w.coordinator, w.commissioner, w.provider1]) {
      expect(await t.db.$transaction((tx) => exportPerson(tx, user, w.person.id, NOW))).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await t.db.$transaction((tx) => anonymisePerson(tx, user, w.person.id, NOW))).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await t.db.$transaction((tx) => findPeople(tx, user, 'Margaret', NOW))).toBeNull();
    }
    const found = await t.db.$transaction((tx) => findPeople(tx, w.admin, w.kase.reference, NOW));
    expect(found?.map((p) => p.id)).toEqual([w.person.id]);
    const summary = await t.db.$transaction((tx) => personSummary(tx, w.admin, w.person.id, NOW));
    expect(summary).toMatchObject({ ok: true, summary: { counts: { cases: 1, conversations: 1, referrals: 1, unmetNeeds: 1 } } });

    const exported = await t.db.$transaction((tx) => exportPerson(tx, w.admin, w.person.id, NOW));
    if (!exported.ok) throw new Error(exported.reason);
    const json = JSON.parse(JSON.stringify(exported.data));
    expect(json.person.name).toBe('Margaret Hughes');
    expect(json.person.consents.map((c: { scope: string }) => c.scope).sort()).toEqual(['contact', 'share_with_provider']);
    const kase = json.person.cases[0];
    expect(kase.conversations[0]).toMatchObject({ whatMatters: 'Her garden', lifeSatisfaction: 3, anxiety: 7 });
    expect(kase.referrals[0].events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['draft', 'sent', 'declined']);
    expect(kase.unmetNeeds[0].note).toBe('Margaret wanted Tuesdays');
    expect(json.accessLog.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['case.viewed', 'referral.sent', 'person.exported']),
    );
    const audit = await t.db.auditEvent.findMany({
      where: { personId: w.person.id, actorId: w.admin.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['person.exported', 'person.listed', 'person.viewed']);

    // However the reference is written down: lower case, spaces instead of hyphens.
    const typed = w.kase.reference.toLowerCase().replace(/-/g, ' ');
    expect((await t.db.$transaction((tx) => findPeople(tx, w.admin, typed, NOW)))?.map((p) => p.id)).toEqual([w.person.id]);
  });

  it('anonymises the person and their free text, keeping the anonymous figures', async () => {
    const { version } = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    await t.db.$transaction((tx) =>
      closeCase(
        tx,
        w.worker,
        w.kase.id,
        {
          expectedVersion: version,
          outcome: 'settled_community_support',
          closedOn: '2026-11-18',
          type: 'good_life',
          lifeSatisfaction: 8,
          anxiety: 2,
        },
        NOW,
      ),
    );
    expect(await t.db.$transaction((tx) => anonymisePerson(tx, w.admin, w.person.id, NOW))).toEqual({
      ok: true,
      alreadyAnonymised: false,
    });

    const person = await t.db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(person).toMatchObject({
      name: ANONYMISED_NAME,
      phone: null,
      email: null,
      postcode: null,
      areaId: w.area.id,
      ageBand: '75-84',
    });
    expect(person.anonymisedAt).not.toBeNull();
    const kase = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    expect(kase).toMatchObject({ status: 'closed', outcome: 'settled_community_support', whatMatters: '', source: 'gp' });
    const conversations = await t.db.conversation.findMany({
      where: { caseId: w.kase.id },
      include: { needs: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(conversations.map((c) => [c.whatMatters, c.lifeSatisfaction, c.anxiety, c.isClosing])).toEqual([
      ['', 3, 7, false],
      ['', 8, 2, true],
    ]);
    expect(conversations[0].needs).toHaveLength(1);
    const referral = await t.db.referral.findUniqueOrThrow({ where: { id: referralId }, include: { events: true } });
    expect(referral).toMatchObject({ status: 'declined', declineReason: 'full', sharedInfo: {}, message: null });
    expect(referral.events.every((e) => e.note === null)).toBe(true);
    expect(referral.events.find((e) => e.toStatus === 'declined')?.reason).toBe('full');
    const unmet = await t.db.unmetNeed.findFirstOrThrow({ where: { caseId: w.kase.id } });
    expect(unmet).toMatchObject({ note: null, reason: 'full', wardId: w.ward.id });
    expect(await t.db.auditEvent.count({ where: { personId: w.person.id, action: 'person.anonymised' } })).toBe(1);

    // Nothing identifying is left anywhere in the record's tables.
    const dump = JSON.stringify(
      await t.db.$transaction(async (tx) => (await exportPerson(tx, w.admin, w.person.id, NOW)) as object),
    );
    expect(dump).not.toMatch(/Margaret|07700|garden|Tuesdays|margaret-/i);

    expect(await t.db.$transaction((tx) => anonymisePerson(tx, w.admin, w.person.id, NOW))).toEqual({
      ok: true,
      alreadyAnonymised: true,
    });
  });
});
