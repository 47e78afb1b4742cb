import { beforeEach, describe, expect, it } from 'vitest';
import { recordConversation } from '@/lib/cases/conversations';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('"what matters" conversations', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  const record = (input = conversation(), user = w.worker) =>
    t.db.$transaction((tx) => recordConversation(tx, user, w.kase.id, input, NOW));

  it('the first one sets first contact, makes the case active and bumps its version', async () => {
    const result = await record(conversation({ needs: [w.loneliness.id, w.money.id] }));
    expect(result).toMatchObject({ ok: true, firstContact: true });
    const kase = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    expect(kase.status).toBe('active');
    expect(kase.firstContactAt?.toISOString()).toBe('2026-11-10T00:00:00.000Z');
    expect(kase.version).toBe(w.kase.version + 1);
    const saved = await t.db.conversation.findUniqueOrThrow({
      where: { id: result.ok ? result.conversationId : '' },
      include: { needs: true },
    });
    expect(saved.needs.map((n) => n.termId).sort()).toEqual([w.loneliness.id, w.money.id].sort());
    expect(saved.nextFollowUpOn?.toISOString().slice(0, 10)).toBe('2026-11-17');

    const second = await record(conversation({ occurredOn: '2026-11-17' }));
    expect(second).toMatchObject({ ok: true, firstContact: false });
    const after = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    expect(after.firstContactAt?.toISOString()).toBe('2026-11-10T00:00:00.000Z');
    expect(after.version).toBe(kase.version);
  });

  it('stores an unanswered ONS4 question as empty, not 0, and keeps a real 0', async () => {
    const result = await record(conversation({ lifeSatisfaction: 6, worthwhile: undefined, happiness: undefined, anxiety: 0 }));
    const saved = await t.db.conversation.findUniqueOrThrow({ where: { id: result.ok ? result.conversationId : '' } });
    expect([saved.lifeSatisfaction, saved.worthwhile, saved.happiness, saved.anxiety]).toEqual([6, null, null, 0]);
  });

  it('is append-only: a correction is a new record and the old one is kept, superseded', async () => {
    const first = await record(conversation({ whatMatters: 'Seeing poeple', lifeSatisfaction: 4 }));
    if (!first.ok) throw new Error(first.reason);
    const fix = await record(
      conversation({
        whatMatters: 'Seeing people',
        lifeSatisfaction: 4,
        supersedesId: first.conversationId,
        correctionNote: 'Spelling',
      }),
    );
    expect(fix.ok).toBe(true);
    const rows = await t.db.conversation.findMany({
      where: { caseId: w.kase.id },
      include: { supersededBy: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0].whatMatters).toBe('Seeing poeple');
    expect(rows[0].supersededBy?.id).toBe(fix.ok ? fix.conversationId : '');
    expect(rows[1].supersedesId).toBe(first.conversationId);
    expect(rows[1].correctionNote).toBe('Spelling');

    // The superseded record cannot be corrected a second time.
    expect(await record(conversation({ supersedesId: first.conversationId, correctionNote: 'Again' }))).toEqual({
      ok: false,
      reason: 'already_corrected',
    });
  });

  it('moves first contact when the first conversation is corrected to another date', async () => {
    const first = await record(conversation({ occurredOn: '2026-11-10' }));
    if (!first.ok) throw new Error(first.reason);
    await record(conversation({ occurredOn: '2026-11-06', supersedesId: first.conversationId, correctionNote: 'Wrong date' }));
    const kase = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    expect(kase.firstContactAt?.toISOString()).toBe('2026-11-06T00:00:00.000Z');
  });

  it("keeps the case's next follow-up from its latest conversation in force, through corrections and deletions", async () => {
    const followUp = async () =>
      (await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).nextFollowUpOn?.toISOString().slice(0, 10) ?? null;
    expect(await followUp()).toBeNull();
    const first = await record(conversation({ occurredOn: '2026-11-10', nextFollowUpOn: '2026-11-24' }));
    if (!first.ok) throw new Error(first.reason);
    expect(await followUp()).toBe('2026-11-24');
    const later = await record(conversation({ occurredOn: '2026-11-17', nextFollowUpOn: '2026-12-01' }));
    if (!later.ok) throw new Error(later.reason);
    expect(await followUp()).toBe('2026-12-01');
    // Correcting the older conversation does not move the date: the later one still decides.
    await record(
      conversation({
        occurredOn: '2026-11-10',
        nextFollowUpOn: '2026-11-20',
        supersedesId: first.conversationId,
        correctionNote: 'Date',
      }),
    );
    expect(await followUp()).toBe('2026-12-01');
    // Correcting the latest one to have no follow-up clears it; the version is not bumped by the copy.
    const before = await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    const fix = await record(
      conversation({
        occurredOn: '2026-11-17',
        nextFollowUpOn: undefined,
        supersedesId: later.conversationId,
        correctionNote: 'None agreed',
      }),
    );
    if (!fix.ok) throw new Error(fix.reason);
    expect(await followUp()).toBeNull();
    expect((await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).version).toBe(before.version);
    // Erasing conversations (as the bench's clean-up and erasure do) recomputes it.
    await t.db.conversation.delete({ where: { id: fix.conversationId } });
    expect(await followUp()).toBe('2026-12-01');
    await t.db.conversation.deleteMany({ where: { caseId: w.kase.id, supersedesId: { not: null } } });
    await t.db.conversation.deleteMany({ where: { caseId: w.kase.id } });
    expect(await followUp()).toBeNull();
  });

  it('refuses a date in the future or before the referral arrived, and a correction from another case', async () => {
    expect(await record(conversation({ occurredOn: '2026-11-19', nextFollowUpOn: undefined }))).toEqual({
      ok: false,
      reason: 'future',
    });
    expect(await record(conversation({ occurredOn: '2026-11-01' }))).toEqual({ ok: false, reason: 'before_received' });
    const other = await caseworkWorld(t.db);
    const theirs = await t.db.$transaction((tx) => recordConversation(tx, other.worker, other.kase.id, conversation(), NOW));
    if (!theirs.ok) throw new Error(theirs.reason);
    expect(await record(conversation({ supersedesId: theirs.conversationId, correctionNote: 'x' }))).toEqual({
      ok: false,
      reason: 'not_in_case',
    });
  });

  it('is refused to another team, to a commissioner and to a provider, and the attempt is recorded', async () => {
    for (const user of [w.otherWorker, w.commissioner, w.provider1, w.admin]) {
      expect(await record(conversation(), user)).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await t.db.conversation.count({ where: { caseId: w.kase.id } })).toBe(0);
    const refused = await t.db.auditEvent.findMany({ where: { personId: w.person.id, action: 'case.access_refused' } });
    expect(refused.map((a) => a.actorId).sort()).toEqual(
      [w.otherWorker.id, w.commissioner.id, w.provider1.id, w.admin.id].sort(),
    );
  });

  it('lets another worker of the same team record, and audits each conversation against the person', async () => {
    expect((await record(conversation(), w.worker2)).ok).toBe(true);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { personId: w.person.id, action: 'conversation.recorded' } });
    expect(audit.actorId).toBe(w.worker2.id);
    expect(JSON.stringify(audit.detail)).not.toMatch(/Seeing people|Good neighbours/);
  });
});
