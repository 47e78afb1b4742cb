import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { answerByLink } from '@/lib/referrals/answer-links';
import { moveReferral } from '@/lib/referrals/lifecycle';
import { sweepReferrals } from '@/lib/referrals/sweep';
import { freshDatabase } from '../helpers/db';
import { linksIn, referralWorld } from './referral-fixture';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

// Each test sweeps only its own referral's world by giving it its own start time far from the others'.
const sweep = (now: Date) => db.$transaction((tx) => sweepReferrals(tx, now));
const hours = (from: Date, n: number) => new Date(from.getTime() + n * 3_600_000);
const days = (from: Date, n: number) => hours(from, n * 24);

describe('a referral left unanswered', () => {
  it('gets its reminder at day 7 and expires at day 14, telling the link worker', async () => {
    const t0 = new Date('2026-03-02T09:00:00Z');
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const toProvider = () =>
      db.notification.findMany({ where: { recipient: world.service.email! }, orderBy: { createdAt: 'asc' } });
    expect(await toProvider()).toHaveLength(1);

    // Not yet: a minute short of seven days.
    expect(await sweep(new Date(days(t0, 7).getTime() - 60_000))).toMatchObject({ reminded: 0, expired: 0 });
    expect((await db.referral.findUniqueOrThrow({ where: { id: r.id } })).reminderSentAt).toBeNull();

    // Day 7: one reminder, with fresh links that work.
    expect(await sweep(days(t0, 7))).toMatchObject({ reminded: 1, expired: 0 });
    const afterReminder = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    expect(afterReminder).toMatchObject({ status: 'sent', reminderSentAt: days(t0, 7), version: r.version });
    const messages = await toProvider();
    expect(messages.map((m) => m.template)).toEqual(['referral_to_provider', 'referral_reminder']);
    expect(messages[1].body).toContain('On 2 March 2026');
    expect(messages[1].body).toContain('16 March 2026');

    // Later sweeps before day 14 do nothing more.
    expect(await sweep(days(t0, 8))).toMatchObject({ reminded: 0, expired: 0 });
    expect(await sweep(hours(days(t0, 14), -1))).toMatchObject({ reminded: 0, expired: 0 });
    expect(await toProvider()).toHaveLength(2);

    // Day 14: expired by the system, and the worker is told.
    expect(await sweep(days(t0, 14))).toMatchObject({ reminded: 0, expired: 1 });
    const expired = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    expect(expired.status).toBe('expired');
    const event = await db.referralEvent.findFirstOrThrow({ where: { referralId: r.id, toStatus: 'expired' } });
    expect(event).toMatchObject({
      fromStatus: 'sent',
      actorKind: 'system',
      actorId: null,
      reason: 'no_answer',
      createdAt: days(t0, 14),
    });
    const toWorker = await db.notification.findFirstOrThrow({ where: { recipient: world.worker.email } });
    expect(toWorker).toMatchObject({ template: 'referral_expired_to_worker', status: 'queued' });
    expect(toWorker.subject).toContain(world.kase.reference);
    expect(toWorker.body).toContain(`/cases/${world.kase.id}`);

    // And the links from either e-mail no longer answer it.
    const { accept } = await linksIn(db, world.service.email!);
    expect(await answerByLink(db, accept, { answer: 'accepted' }, days(t0, 14))).toEqual({ ok: false, reason: 'link_unusable' });
    expect(await sweep(days(t0, 15))).toMatchObject({ reminded: 0, expired: 0 });
  });

  it('can be sent again, and the clock starts over', async () => {
    const t0 = new Date('2026-05-04T09:00:00Z');
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    await sweep(days(t0, 7));
    await sweep(days(t0, 14));
    const again = await moveReferral(
      db,
      { referralId: r.id, to: 'sent', actor: { kind: 'worker', userId: world.worker.id } },
      days(t0, 15),
    );
    expect(again.ok && again.referral).toMatchObject({ status: 'sent', reminderSentAt: null, sentAt: days(t0, 15) });
    expect(await sweep(days(t0, 21))).toMatchObject({ reminded: 0, expired: 0 });
    expect(await sweep(days(t0, 22))).toMatchObject({ reminded: 1 });
    expect(await sweep(days(t0, 29))).toMatchObject({ expired: 1 });
  });

  it('expires at once, without a reminder, when the sweep has not run for a fortnight', async () => {
    const t0 = new Date('2026-06-01T09:00:00Z');
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    expect(await sweep(days(t0, 20))).toMatchObject({ reminded: 0, expired: 1 });
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: 'expired',
      reminderSentAt: null,
    });
  });

  it('leaves answered referrals alone', async () => {
    const t0 = new Date('2026-07-01T09:00:00Z');
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    const { accept } = await linksIn(db, world.service.email!);
    await answerByLink(db, accept, { answer: 'accepted' }, days(t0, 1));
    expect(await sweep(days(t0, 30))).toMatchObject({ reminded: 0, expired: 0 });
    expect((await db.referral.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('accepted');
  });

  it('reminds once when two sweeps run at the same moment', async () => {
    const t0 = new Date('2026-08-03T09:00:00Z');
    const world = await referralWorld(db);
    await world.sent(t0);
    const [a, b] = await Promise.all([sweep(days(t0, 7)), sweep(days(t0, 7))]);
    expect(a.reminded + b.reminded).toBe(1);
    expect(await db.notification.count({ where: { recipient: world.service.email!, template: 'referral_reminder' } })).toBe(1);
    const [c, d] = await Promise.all([sweep(days(t0, 14)), sweep(days(t0, 14))]);
    expect(c.expired + d.expired).toBe(1);
    expect(
      await db.notification.count({ where: { recipient: world.worker.email, template: 'referral_expired_to_worker' } }),
    ).toBe(1);
  });

  it('works through a backlog a pass at a time', async () => {
    const t0 = new Date('2026-09-01T09:00:00Z');
    const world = await referralWorld(db);
    for (let i = 0; i < 5; i++) await world.sent(t0);
    const first = await db.$transaction((tx) => sweepReferrals(tx, days(t0, 7), { limit: 3 }));
    expect(first).toMatchObject({ reminded: 3, more: true });
    const second = await db.$transaction((tx) => sweepReferrals(tx, days(t0, 7), { limit: 3 }));
    expect(second).toMatchObject({ reminded: 2, more: false });
  });
});
