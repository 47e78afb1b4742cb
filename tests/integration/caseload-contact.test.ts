// Tries to contact a person (two taps from triage and the case), closing as "could not contact"
// with the messages it queues, the referral updates list with its read marks, and the confirmations
// asked before withdrawing or closing.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { myCaseload } from '@/lib/cases/caseload';
import { closeCase, closeCaseForm } from '@/lib/cases/close';
import { withdrawConsentInput, withdrawalPreview } from '@/lib/cases/consent';
import { attemptsInARow, logContactAttempt } from '@/lib/cases/contact-attempts';
import { couldNotContactFacts } from '@/lib/cases/could-not-contact';
import { recordConversation } from '@/lib/cases/conversations';
import { referOut, workerMoveInput } from '@/lib/cases/refer-out';
import { openCase } from '@/lib/cases/view';
import { answerAsProvider } from '@/lib/providers/inbox';
import { sweepReferrals } from '@/lib/referrals/sweep';
import { markAllUpdatesRead, markUpdateRead, referralUpdates, unreadUpdateCount } from '@/lib/referrals/updates';
import { triageHome } from '@/lib/triage/queue';
import { triageCaseView } from '@/lib/triage/case';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe('tries to contact and closing as could not contact', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;

  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  const tryOnce = (outcome: 'no_answer' | 'left_message' | 'wrong_number', at: Date, key = randomUUID(), who = w.worker) =>
    t.db.$transaction((tx) => logContactAttempt(tx, who, w.kase.id, { outcome, submissionKey: key }, at));

  it('counts tries in a row, once per form sent, on the case, the caseload and triage; a conversation starts the count again', async () => {
    const key = randomUUID();
    expect(await tryOnce('no_answer', minutes(1), key)).toEqual({ ok: true, attemptsInARow: 1, recorded: true });
    // The same form sent twice (a double click, a reload): still one.
    expect(await tryOnce('no_answer', minutes(2), key)).toEqual({ ok: true, attemptsInARow: 1, recorded: false });
    await tryOnce('left_message', minutes(3));
    await tryOnce('wrong_number', minutes(4), randomUUID(), w.coordinator);
    expect(await attemptsInARow(t.db, w.kase.id)).toBe(3);
    expect(await t.db.auditEvent.count({ where: { action: 'case.contact_attempted', entityId: w.kase.id } })).toBe(3);

    const caseload = await myCaseload(t.db, w.worker, minutes(5));
    expect(caseload.awaitingFirstContact.map((i) => [i.id, i.attempts])).toEqual([[w.kase.id, 3]]);
    const page = await t.db.$transaction((tx) => openCase(tx, w.worker, w.kase.id, minutes(5)));
    if (!page.ok) throw new Error(page.reason);
    expect(page.page.contact).toMatchObject({ attemptsInARow: 3, offerClose: true, latest: { outcome: 'wrong_number' } });
    expect(page.page.timeline.filter((e) => e.kind === 'contact_attempt').map((e) => e.detail)).toEqual([
      'Wrong number',
      'Left a message',
      'No answer',
    ]);

    // Waiting for triage, the queue shows the tries too.
    await t.db.case.update({ where: { id: w.kase.id }, data: { assignedWorkerId: null, assignedAt: null } });
    const home = await triageHome(t.db, w.coordinator, { now: minutes(5) });
    expect(home.kind === 'team' && home.items.find((i) => i.id === w.kase.id)?.attempts).toBe(3);
    expect((await triageCaseView(t.db, w.kase.id, { now: minutes(5) }))?.attempts).toBe(3);

    await t.db.$transaction((tx) => recordConversation(tx, w.worker, w.kase.id, conversation(), minutes(6)));
    expect(await attemptsInARow(t.db, w.kase.id)).toBe(0);
    await tryOnce('no_answer', minutes(7));
    expect(await attemptsInARow(t.db, w.kase.id)).toBe(1);
  });

  it('is for the team only, and not on a closed case', async () => {
    expect(await tryOnce('no_answer', minutes(1), randomUUID(), w.otherWorker)).toEqual({ ok: false, reason: 'forbidden' });
    await t.db.case.update({ where: { id: w.kase.id }, data: { status: 'closed', closedAt: NOW } });
    expect(await tryOnce('no_answer', minutes(1))).toEqual({ ok: false, reason: 'closed' });
    expect(await t.db.contactAttempt.count({ where: { caseId: w.kase.id } })).toBe(0);
  });

  it('closing as could not contact texts the person, e-mails the referrer, each with the reference, in the same transaction', async () => {
    await t.db.case.update({
      where: { id: w.kase.id },
      data: { referrerName: 'Dr Patel', referrerEmail: `surgery-${w.tag}@example.nhs.uk` },
    });
    for (let i = 1; i <= 3; i++) await tryOnce('no_answer', minutes(i));
    const facts = await t.db.$transaction((tx) => couldNotContactFacts(tx, w.kase.id, minutes(4)));
    expect(facts.attempts).toBe(3);
    expect(facts.plan.messages).toEqual([
      { to: 'person', channel: 'sms', recipient: '07700 900456' },
      { to: 'referrer', channel: 'email', recipient: `surgery-${w.tag}@example.nhs.uk` },
    ]);

    const v = (await t.db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).version;
    const result = await t.db.$transaction((tx) =>
      closeCase(
        tx,
        w.worker,
        w.kase.id,
        { expectedVersion: v, outcome: 'could_not_contact', closedOn: '2026-11-18', type: 'good_life' },
        minutes(5),
      ),
    );
    expect(result).toEqual({ ok: true, closingConversationId: null, messagesQueued: 2 });
    const toPerson = await t.db.notification.findFirstOrThrow({ where: { recipient: '07700 900456' } });
    expect(toPerson).toMatchObject({ channel: 'sms', template: 'could_not_contact_to_person_sms', status: 'queued' });
    expect(toPerson.body).toContain(w.kase.reference);
    expect(toPerson.body).toContain('3 times');
    const toReferrer = await t.db.notification.findFirstOrThrow({ where: { recipient: `surgery-${w.tag}@example.nhs.uk` } });
    expect(toReferrer).toMatchObject({ channel: 'email', template: 'could_not_contact_to_referrer' });
    expect(toReferrer.subject).toContain(w.kase.reference);
    expect(toReferrer.body).toContain('Hello Dr Patel,');
    expect(toReferrer.body).not.toContain('Margaret');

    // A close that fails writes no message: the messages go with the closing or not at all.
    await t.db.case.update({ where: { id: w.kase.id }, data: { status: 'active', closedAt: null } });
    const stale = await t.db.$transaction((tx) =>
      closeCase(
        tx,
        w.worker,
        w.kase.id,
        { expectedVersion: v, outcome: 'could_not_contact', closedOn: '2026-11-18', type: 'good_life' },
        minutes(6),
      ),
    );
    expect(stale).toEqual({ ok: false, reason: 'changed_since' });
    expect(
      await t.db.notification.count({
        where: { template: { startsWith: 'could_not_contact' }, payload: { path: ['caseId'], equals: w.kase.id } },
      }),
    ).toBe(2);
  });

  it('writes to nobody who has withdrawn their agreement to be contacted, or to a self-referrer as referrer', async () => {
    await t.db.consent.updateMany({ where: { personId: w.person.id }, data: { withdrawnAt: NOW } });
    await t.db.case.update({ where: { id: w.kase.id }, data: { source: 'self', referrerEmail: `self-${w.tag}@example.com` } });
    const facts = await t.db.$transaction((tx) => couldNotContactFacts(tx, w.kase.id, minutes(1)));
    expect(facts.plan).toEqual({
      messages: [],
      unsent: [{ to: 'person', why: 'They have no agreement in force to be contacted.' }],
    });
  });
});

describe('referral updates', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;

  beforeEach(async () => {
    w = await caseworkWorld(t.db);
    await w.agreeToShare(['name'], null, new Date('2026-08-01T09:00:00Z'));
  });

  async function sent(serviceId: string, at: Date) {
    const r = await t.db.$transaction((tx) => referOut(tx, w.worker, w.kase.id, { serviceId, fields: ['name'] }, at));
    if (!r.ok) throw new Error(r.reason);
    return r.referralId;
  }
  const version = async (id: string) => (await t.db.referral.findUniqueOrThrow({ where: { id } })).version;

  it('lists providers’ answers, reminders and expiries for the worker and the team, each marked read per person', async () => {
    const start = new Date('2026-11-01T09:00:00Z');
    const lunch = await sent(w.service1.id, start);
    const shed = await sent(w.service2.id, start);
    // Day 7: both reminded; day 8: lunch club accepts; day 14: the shed has not answered and expires.
    await t.db.$transaction((tx) => sweepReferrals(tx, new Date('2026-11-08T09:00:00Z')));
    await t.db.$transaction(async (tx) =>
      answerAsProvider(
        tx,
        w.provider1,
        lunch,
        { to: 'accepted', expectedVersion: await version(lunch) },
        new Date('2026-11-09T10:00:00Z'),
      ),
    );
    await t.db.$transaction((tx) => sweepReferrals(tx, new Date('2026-11-15T09:00:00Z')));

    const mine = await t.db.$transaction((tx) => referralUpdates(tx, w.worker, { now: NOW }));
    expect(mine.unread).toBe(4);
    expect(mine.updates.slice(0, 2).map((u) => [u.kind, u.referralId])).toEqual([
      ['expired', shed],
      ['accepted', lunch],
    ]);
    // Both reminders went at the same moment.
    expect(mine.updates.slice(2).map((u) => u.kind)).toEqual(['reminder', 'reminder']);
    expect(
      mine.updates
        .slice(2)
        .map((u) => u.referralId)
        .sort(),
    ).toEqual([lunch, shed].sort());
    expect(mine.updates[1]).toMatchObject({
      by: 'provider',
      reference: w.kase.reference,
      personName: 'Margaret Hughes',
      read: false,
    });
    expect(await t.db.auditEvent.count({ where: { action: 'referral_updates.listed', actorId: w.worker.id } })).toBe(4);

    // The team's coordinator sees them too; another worker, with no cases, does not; nor another team.
    expect(await unreadUpdateCount(t.db, w.coordinator, NOW)).toBe(4);
    expect(await unreadUpdateCount(t.db, w.worker2, NOW)).toBe(0);
    expect(await unreadUpdateCount(t.db, w.otherWorker, NOW)).toBe(0);
    expect(await unreadUpdateCount(t.db, w.admin, NOW)).toBe(0);

    // Read marks are per person.
    await t.db.$transaction((tx) => markUpdateRead(tx, w.worker, mine.updates[1].key, NOW));
    await t.db.$transaction((tx) => markUpdateRead(tx, w.worker, mine.updates[1].key, NOW));
    expect(await unreadUpdateCount(t.db, w.worker, NOW)).toBe(3);
    expect(await unreadUpdateCount(t.db, w.coordinator, NOW)).toBe(4);
    const all = await t.db.$transaction((tx) => referralUpdates(tx, w.worker, { show: 'all', now: NOW }));
    expect(all.updates.map((u) => u.read)).toEqual([false, false, false, true]);

    // "Mark all read" marks what the page showed, not an answer that came after it was drawn.
    const drawnAt = new Date('2026-11-16T09:00:00Z');
    await t.db.$transaction(async (tx) =>
      answerAsProvider(
        tx,
        w.provider1,
        lunch,
        { to: 'attending', expectedVersion: await version(lunch) },
        new Date('2026-11-17T10:00:00Z'),
      ),
    );
    expect(await t.db.$transaction((tx) => markAllUpdatesRead(tx, w.worker, drawnAt, NOW))).toBe(3);
    const left = await t.db.$transaction((tx) => referralUpdates(tx, w.worker, { now: NOW }));
    expect(left.updates.map((u) => u.kind)).toEqual(['attending']);
  });

  it('leaves out what the worker did themself, and anything older than the window', async () => {
    const lunch = await sent(w.service1.id, new Date('2026-09-01T09:00:00Z'));
    await t.db.$transaction(async (tx) =>
      answerAsProvider(
        tx,
        w.provider1,
        lunch,
        { to: 'accepted', expectedVersion: await version(lunch) },
        new Date('2026-09-02T09:00:00Z'),
      ),
    );
    const shed = await sent(w.service2.id, new Date('2026-11-10T09:00:00Z'));
    // The worker records the shed's answer given by phone: not news to them, but news to the coordinator.
    const { moveAsWorker } = await import('@/lib/cases/refer-out');
    await t.db.$transaction(async (tx) =>
      moveAsWorker(
        tx,
        w.worker,
        shed,
        { move: 'on_behalf', to: 'declined', reason: 'full', expectedVersion: await version(shed) },
        new Date('2026-11-11T09:00:00Z'),
      ),
    );
    expect(await unreadUpdateCount(t.db, w.worker, NOW)).toBe(0);
    const team = await t.db.$transaction((tx) => referralUpdates(tx, w.coordinator, { now: NOW }));
    expect(team.updates.map((u) => [u.kind, u.reason, u.by])).toEqual([['declined', 'full', 'worker']]);
  });
});

describe('asking before consequences', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;

  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  it('withdrawing an agreement, withdrawing a referral and closing each need a reason and a ticked box', () => {
    const consent = withdrawConsentInput.safeParse({ consentId: randomUUID() });
    expect(consent.success ? [] : consent.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'reason: Enter why the agreement is being withdrawn',
      'confirm: Confirm that you want to withdraw this agreement',
    ]);
    expect(withdrawConsentInput.safeParse({ consentId: randomUUID(), reason: 'Asked us to stop', confirm: 'yes' }).success).toBe(
      true,
    );

    const referral = workerMoveInput.safeParse({ move: 'withdraw', expectedVersion: '2' });
    expect(referral.success ? [] : referral.error.issues.map((i) => i.path.join('.'))).toEqual(['reason', 'confirm']);
    expect(
      workerMoveInput.safeParse({ move: 'withdraw', expectedVersion: '2', reason: 'Moved away', confirm: 'yes' }).success,
    ).toBe(true);
    // Sending needs neither.
    expect(workerMoveInput.safeParse({ move: 'send', expectedVersion: '2' }).success).toBe(true);

    const close = { expectedVersion: '1', outcome: 'moved_away', closedOn: '2026-11-18' };
    const closing = closeCaseForm.safeParse(close);
    expect(closing.success ? [] : closing.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'confirm: Confirm that the case should close',
    ]);
    expect(closeCaseForm.safeParse({ ...close, confirm: 'yes' }).success).toBe(true);
    // The outcome's own rule still holds.
    expect(closeCaseForm.safeParse({ ...close, outcome: 'other', confirm: 'yes' }).success).toBe(false);
  });

  it('says which services would stop seeing the details before an agreement to share is withdrawn', async () => {
    const share = await w.agreeToShare(['name', 'phone']);
    const sent = await t.db.$transaction((tx) =>
      referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: ['name', 'phone'] }, NOW),
    );
    if (!sent.ok) throw new Error(sent.reason);
    const preview = await t.db.$transaction((tx) => withdrawalPreview(tx, w.person.id, share.id, NOW));
    expect(preview?.servicesLosingDetails).toEqual([w.service1.name]);
    // Nothing changed by asking.
    expect((await t.db.consent.findUniqueOrThrow({ where: { id: share.id } })).withdrawnAt).toBeNull();
    expect((await t.db.referral.findUniqueOrThrow({ where: { id: sent.referralId } })).sharedInfo).toMatchObject({
      name: 'Margaret Hughes',
    });
    expect(await t.db.$transaction((tx) => withdrawalPreview(tx, w.person.id, randomUUID(), NOW))).toBeNull();
  });
});
