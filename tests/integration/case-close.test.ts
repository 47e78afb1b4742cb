import { beforeEach, describe, expect, it } from 'vitest';
import { closeCase, type CloseCaseInput } from '@/lib/cases/close';
import { recordConversation } from '@/lib/cases/conversations';
import { updatePersonDetails } from '@/lib/people/details';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('closing a case', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
    await t.db.$transaction((tx) =>
      recordConversation(
        tx,
        w.worker,
        w.kase.id,
        conversation({ lifeSatisfaction: 4, worthwhile: 5, happiness: 3, anxiety: 8 }),
        NOW,
      ),
    );
  });

  const input = (over: Partial<CloseCaseInput> = {}): CloseCaseInput => ({
    expectedVersion: 0,
    outcome: 'settled_community_support',
    closedOn: '2026-11-18',
    type: 'good_life',
    ...over,
  });
  const version = async () => (await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).version;

  it('records the outcome and a closing conversation with the closing scores', async () => {
    const result = await t.db.$transaction(async (tx) =>
      closeCase(
        tx,
        w.worker,
        w.kase.id,
        input({ expectedVersion: await version(), lifeSatisfaction: 7, anxiety: 3, happiness: undefined }),
        NOW,
      ),
    );
    if (!result.ok) throw new Error(result.reason);
    const kase = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    expect(kase).toMatchObject({ status: 'closed', outcome: 'settled_community_support', closedById: w.worker.id });
    expect(kase.closedAt?.toISOString()).toBe(NOW.toISOString());
    const closing = await t.db.conversation.findUniqueOrThrow({ where: { id: result.closingConversationId! } });
    expect(closing).toMatchObject({
      isClosing: true,
      lifeSatisfaction: 7,
      worthwhile: null,
      happiness: null,
      anxiety: 3,
      nextFollowUpOn: null,
    });
    expect(await t.db.auditEvent.count({ where: { personId: w.person.id, action: 'case.closed' } })).toBe(1);
  });

  it('refuses with "changed since" when the case moved after the form was opened', async () => {
    const seen = await version();
    // Someone else changes the case (a correction of the first conversation's date moves first contact).
    const first = await t.db.conversation.findFirstOrThrow({ where: { caseId: w.kase.id } });
    await t.db.$transaction((tx) =>
      recordConversation(
        tx,
        w.worker2,
        w.kase.id,
        conversation({ occurredOn: '2026-11-09', supersedesId: first.id, correctionNote: 'date' }),
        NOW,
      ),
    );
    expect(await t.db.$transaction((tx) => closeCase(tx, w.worker, w.kase.id, input({ expectedVersion: seen }), NOW))).toEqual({
      ok: false,
      reason: 'changed_since',
    });
    expect((await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).status).toBe('active');
  });

  it('lets only one of two closes at the same version win', async () => {
    const seen = await version();
    const [a, b] = await Promise.all([
      t.db.$transaction((tx) => closeCase(tx, w.worker, w.kase.id, input({ expectedVersion: seen }), NOW)),
      t.db.$transaction((tx) =>
        closeCase(tx, w.worker2, w.kase.id, input({ expectedVersion: seen, outcome: 'moved_away' }), NOW),
      ),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/changed_since|already_closed/) });
    expect(await t.db.conversation.count({ where: { caseId: w.kase.id, isClosing: true } })).toBe(1);
  });

  it('records no closing conversation when the person could not be contacted, and refuses a second close', async () => {
    const result = await t.db.$transaction(async (tx) =>
      closeCase(tx, w.worker, w.kase.id, input({ expectedVersion: await version(), outcome: 'could_not_contact' }), NOW),
    );
    expect(result).toEqual({ ok: true, closingConversationId: null, messagesQueued: 1 });
    expect(
      await t.db.$transaction(async (tx) => closeCase(tx, w.worker, w.kase.id, input({ expectedVersion: await version() }), NOW)),
    ).toEqual({ ok: false, reason: 'already_closed' });
    expect(await t.db.$transaction((tx) => recordConversation(tx, w.worker, w.kase.id, conversation(), NOW))).toEqual({
      ok: false,
      reason: 'closed',
    });
  });

  it('is refused to another team', async () => {
    expect(
      await t.db.$transaction(async (tx) =>
        closeCase(tx, w.otherWorker, w.kase.id, input({ expectedVersion: await version() }), NOW),
      ),
    ).toEqual({ ok: false, reason: 'forbidden' });
  });
});

describe('changing a person’s details', () => {
  const t = useFreshDatabase();

  it('saves with the version it was opened at, and tells the second of two editors it changed', async () => {
    const w = await caseworkWorld(t.db);
    const details = {
      expectedVersion: w.person.version,
      name: 'Margaret Hughes',
      phone: '01632 960 001',
      preferredContact: 'email' as const,
      email: 'm@example.com',
      postcode: w.postcode,
    };
    expect(await t.db.$transaction((tx) => updatePersonDetails(tx, w.worker, w.kase.id, details, NOW))).toEqual({ ok: true });
    expect(
      await t.db.$transaction((tx) => updatePersonDetails(tx, w.worker2, w.kase.id, { ...details, phone: '07700 900000' }, NOW)),
    ).toEqual({ ok: false, reason: 'changed_since' });
    const person = await t.db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(person).toMatchObject({
      phone: '01632 960 001',
      preferredContact: 'email',
      areaId: w.area.id,
      version: w.person.version + 1,
    });
  });
});
