import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { answerByLink, loadAnswerPage } from '@/lib/referrals/answer-links';
import { moveReferral } from '@/lib/referrals/lifecycle';
import { consumeToken, createToken, peekToken } from '@/lib/tokens';
import { freshDatabase } from '../helpers/db';
import { linksIn, referralWorld } from './referral-fixture';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
const t0 = new Date('2026-11-02T09:00:00Z');
const day = (n: number) => new Date(t0.getTime() + n * 86_400_000);

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

async function snapshot(referralId: string) {
  const referral = await db.referral.findUniqueOrThrow({ where: { id: referralId } });
  const events = await db.referralEvent.count({ where: { referralId } });
  return { status: referral.status, version: referral.version, events };
}

describe('tokens', () => {
  it('store only a hash, and work once', async () => {
    const subjectId = '11111111-1111-4111-8111-111111111111';
    const { raw, id } = await createToken(db, { purpose: 'test.once', subjectId, payload: { a: 1 }, expiresAt: day(1) });
    const row = await db.actionToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(raw);
    expect(await peekToken(db, raw, 'test.once', t0)).toMatchObject({ id, subjectId, payload: { a: 1 } });
    expect(await peekToken(db, raw, 'another.purpose', t0)).toBeNull();
    expect(await consumeToken(db, raw, 'test.once', t0)).toMatchObject({ id, subjectId });
    expect(await consumeToken(db, raw, 'test.once', t0)).toBeNull();
    expect(await peekToken(db, raw, 'test.once', t0)).toBeNull();
  });

  it('stop working when they expire', async () => {
    const { raw } = await createToken(db, {
      purpose: 'test.expiry',
      subjectId: '11111111-1111-4111-8111-111111111111',
      expiresAt: day(1),
    });
    expect(await peekToken(db, raw, 'test.expiry', day(1))).toBeNull();
    expect(await consumeToken(db, raw, 'test.expiry', day(1))).toBeNull();
    expect(await consumeToken(db, raw, 'test.expiry', t0)).not.toBeNull();
  });

  it('go to exactly one of two simultaneous uses', async () => {
    const { raw } = await createToken(db, {
      purpose: 'test.race',
      subjectId: '11111111-1111-4111-8111-111111111111',
      expiresAt: day(1),
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => db.$transaction((tx) => consumeToken(tx, raw, 'test.race', t0))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('answering a referral by the e-mailed link', () => {
  it('e-mails the provider two links and none of the person’s details', async () => {
    const world = await referralWorld(db);
    await world.sent(t0);
    const message = await db.notification.findFirstOrThrow({ where: { recipient: world.service.email! } });
    expect(message).toMatchObject({ channel: 'email', template: 'referral_to_provider', status: 'queued' });
    expect(message.subject).toBe(`New referral for ${world.service.name}`);
    expect(message.body).not.toContain('Sam Carter');
    expect(message.body).not.toContain('Getting out more');
    expect(message.body).toContain('16 November 2026');
    const links = await linksIn(db, world.service.email!);
    expect(links.accept).not.toBe(links.decline);
  });

  it('shows the confirmation page without using the link, and audits the view', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept } = await linksIn(db, world.service.email!);
    const page = await loadAnswerPage(db, accept, day(1));
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.view).toMatchObject({
      referralId: r.id,
      kind: 'accept',
      status: 'sent',
      choices: ['accepted', 'waitlisted'],
      serviceName: world.service.name,
      workerName: 'Priya Shah',
      message: 'Sam is keen.',
    });
    expect(page.view.shared).toEqual([
      { key: 'name', label: 'Name', value: 'Sam Carter' },
      { key: 'whatMatters', label: 'What matters to them', value: 'Getting out more' },
    ]);
    expect(await loadAnswerPage(db, accept, day(1))).toMatchObject({ ok: true });
    const audits = await db.auditEvent.findMany({ where: { entityId: r.id, action: 'referral.viewed_by_link' } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ personId: world.person.id, actorId: null, entityType: 'referral' });
  });

  it('accepts, records the link as the actor, closes the other link and tells the worker', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept, decline } = await linksIn(db, world.service.email!);

    const result = await answerByLink(db, accept, { answer: 'accepted', note: 'Starts Tuesday' }, day(2));
    expect(result).toEqual({ ok: true, status: 'accepted', serviceName: world.service.name });
    const row = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: 'accepted', respondedAt: day(2) });
    const event = await db.referralEvent.findFirstOrThrow({ where: { referralId: r.id, toStatus: 'accepted' } });
    expect(event).toMatchObject({ actorKind: 'answer_link', actorId: null, onBehalf: false, note: 'Starts Tuesday' });

    expect(await loadAnswerPage(db, decline, day(2))).toEqual({ ok: false });
    const toWorker = await db.notification.findFirstOrThrow({ where: { recipient: world.worker.email } });
    expect(toWorker).toMatchObject({ template: 'referral_answered_to_worker' });
    expect(toWorker.body).toContain('accepted the referral');
  });

  it('puts the person on the waiting list through the accept link', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept } = await linksIn(db, world.service.email!);
    expect(await answerByLink(db, accept, { answer: 'waitlisted' }, day(1))).toMatchObject({ ok: true, status: 'waitlisted' });
    expect((await snapshot(r.id)).status).toBe('waitlisted');
  });

  it('does nothing with a link used a second time', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept } = await linksIn(db, world.service.email!);
    expect((await answerByLink(db, accept, { answer: 'accepted' }, day(1))).ok).toBe(true);
    const before = await snapshot(r.id);
    expect(await answerByLink(db, accept, { answer: 'accepted' }, day(1))).toEqual({ ok: false, reason: 'link_unusable' });
    expect(await answerByLink(db, accept, { answer: 'waitlisted' }, day(1))).toEqual({ ok: false, reason: 'link_unusable' });
    expect(await snapshot(r.id)).toEqual(before);
    expect(await loadAnswerPage(db, accept, day(1))).toEqual({ ok: false });
  });

  it('does nothing with an expired link', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept } = await linksIn(db, world.service.email!);
    const before = await snapshot(r.id);
    expect(await loadAnswerPage(db, accept, day(14))).toEqual({ ok: false });
    expect(await answerByLink(db, accept, { answer: 'accepted' }, day(14))).toEqual({ ok: false, reason: 'link_unusable' });
    expect(await snapshot(r.id)).toEqual(before);
  });

  it('does nothing with a made-up link', async () => {
    expect(await answerByLink(db, 'x'.repeat(43), { answer: 'accepted' }, t0)).toEqual({ ok: false, reason: 'link_unusable' });
    expect(await loadAnswerPage(db, 'not-a-token', t0)).toEqual({ ok: false });
  });

  it('asks for a reason to decline, leaving the link usable', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { decline } = await linksIn(db, world.service.email!);
    expect(await answerByLink(db, decline, { answer: 'declined' }, day(1))).toEqual({ ok: false, reason: 'reason_required' });
    expect(await answerByLink(db, decline, { answer: 'declined', reason: 'busy' }, day(1))).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect((await snapshot(r.id)).status).toBe('sent');

    expect(await answerByLink(db, decline, { answer: 'declined', reason: 'not_eligible' }, day(1))).toMatchObject({
      ok: true,
      status: 'declined',
    });
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: 'declined',
      declineReason: 'not_eligible',
    });
    const toWorker = await db.notification.findFirstOrThrow({ where: { recipient: world.worker.email } });
    expect(toWorker.body).toContain('They are not eligible');
  });

  it('will not use one link for the other answer, and leaves it usable', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept, decline } = await linksIn(db, world.service.email!);
    expect(await answerByLink(db, accept, { answer: 'declined', reason: 'full' }, day(1))).toEqual({
      ok: false,
      reason: 'wrong_answer',
    });
    expect(await answerByLink(db, decline, { answer: 'accepted' }, day(1))).toEqual({ ok: false, reason: 'wrong_answer' });
    expect((await snapshot(r.id)).status).toBe('sent');
    expect(await answerByLink(db, accept, { answer: 'accepted' }, day(1))).toMatchObject({ ok: true });
  });

  it('shows a referral withdrawn since the e-mail as no longer waiting, and changes nothing', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept } = await linksIn(db, world.service.email!);
    await moveReferral(db, { referralId: r.id, to: 'withdrawn', actor: { kind: 'worker', userId: world.worker.id } }, day(1));
    const page = await loadAnswerPage(db, accept, day(2));
    expect(page.ok && page.view).toMatchObject({ status: 'withdrawn', choices: [] });
    const before = await snapshot(r.id);
    expect(await answerByLink(db, accept, { answer: 'accepted' }, day(2))).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await snapshot(r.id)).toEqual(before);
  });

  it('answers once when both links are used at the same moment', async () => {
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept, decline } = await linksIn(db, world.service.email!);
    const results = await Promise.all([
      answerByLink(db, accept, { answer: 'accepted' }, day(1)),
      answerByLink(db, decline, { answer: 'declined', reason: 'full' }, day(1)),
      answerByLink(db, accept, { answer: 'accepted' }, day(1)),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    const answers = await db.referralEvent.count({ where: { referralId: r.id, toStatus: { in: ['accepted', 'declined'] } } });
    expect(answers).toBe(1);
  });

  it('falls back to the group’s address, and queues nothing when there is none', async () => {
    const orgOnly = await referralWorld(db, { serviceEmail: null });
    await orgOnly.sent(t0);
    expect(await db.notification.count({ where: { recipient: orgOnly.organisation.email! } })).toBe(1);

    const nobody = await referralWorld(db, { serviceEmail: null, orgEmail: null });
    const before = await db.notification.count();
    const r = await nobody.sent(t0);
    expect(r.status).toBe('sent');
    expect(await db.notification.count()).toBe(before);
  });
});
