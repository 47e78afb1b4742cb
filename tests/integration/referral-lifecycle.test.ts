import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { moveReferral } from '@/lib/referrals/lifecycle';
import { freshDatabase } from '../helpers/db';
import { referralWorld } from './referral-fixture';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let world: Awaited<ReturnType<typeof referralWorld>>;
const t0 = new Date('2026-11-02T09:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  world = await referralWorld(db);
});

afterAll(async () => {
  await database?.drop();
});

const events = (referralId: string) => db.referralEvent.findMany({ where: { referralId }, orderBy: { createdAt: 'asc' } });

describe('moveReferral', () => {
  it('creates a draft with its first event, then sends it', async () => {
    const r = await world.draft(t0);
    expect(r).toMatchObject({ status: 'draft', version: 1, sentAt: null });

    const result = await moveReferral(
      db,
      { referralId: r.id, to: 'sent', actor: { kind: 'worker', userId: world.worker.id } },
      later(1),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.from).toBe('draft');
    expect(result.referral).toMatchObject({ status: 'sent', version: 2, sentAt: later(1), respondedAt: null });
    expect((await events(r.id)).map((e) => [e.fromStatus, e.toStatus, e.actorKind, e.actorId])).toEqual([
      [null, 'draft', 'worker', world.worker.id],
      ['draft', 'sent', 'worker', world.worker.id],
    ]);
  });

  it('records an answer given by phone as made on the provider’s behalf', async () => {
    const r = await world.sent(t0);
    const result = await moveReferral(
      db,
      {
        referralId: r.id,
        to: 'declined',
        actor: { kind: 'worker', userId: world.worker.id },
        onBehalf: true,
        reason: 'full',
        note: 'Rang the group',
      },
      later(5),
    );
    expect(result.ok).toBe(true);
    const row = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: 'declined', declineReason: 'full', respondedAt: later(5) });
    const last = (await events(r.id)).at(-1);
    expect(last).toMatchObject({
      fromStatus: 'sent',
      toStatus: 'declined',
      actorKind: 'worker',
      onBehalf: true,
      reason: 'full',
      note: 'Rang the group',
      createdAt: later(5),
    });
  });

  it('refuses a move the table does not allow, and changes nothing', async () => {
    const r = await world.draft(t0);
    const before = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    const result = await moveReferral(
      db,
      { referralId: r.id, to: 'accepted', actor: { kind: 'provider', userId: world.providerUser.id } },
      later(1),
    );
    expect(result).toEqual({ ok: false, reason: 'not_allowed', current: 'draft' });
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id } })).toEqual(before);
    expect(await events(r.id)).toHaveLength(1);
  });

  it('refuses the wrong actor', async () => {
    const r = await world.sent(t0);
    const result = await moveReferral(
      db,
      { referralId: r.id, to: 'withdrawn', actor: { kind: 'provider', userId: world.providerUser.id } },
      later(1),
    );
    expect(result).toMatchObject({ ok: false, reason: 'forbidden_actor' });
    expect((await db.referral.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('sent');
  });

  it('refuses a decline without a reason', async () => {
    const r = await world.sent(t0);
    const result = await moveReferral(
      db,
      { referralId: r.id, to: 'declined', actor: { kind: 'provider', userId: world.providerUser.id } },
      later(1),
    );
    expect(result).toMatchObject({ ok: false, reason: 'reason_required' });
  });

  it('says not_found for a referral that does not exist', async () => {
    const result = await moveReferral(db, {
      referralId: '00000000-0000-4000-8000-000000000000',
      to: 'sent',
      actor: { kind: 'system' },
    });
    expect(result).toEqual({ ok: false, reason: 'not_found' });
  });

  it('says changed_since when the status or version the user saw is out of date', async () => {
    const r = await world.sent(t0);
    const provider = { kind: 'provider' as const, userId: world.providerUser.id };
    expect(await moveReferral(db, { referralId: r.id, expectedStatus: 'draft', to: 'accepted', actor: provider })).toEqual({
      ok: false,
      reason: 'changed_since',
      current: 'sent',
    });
    expect(await moveReferral(db, { referralId: r.id, expectedVersion: 1, to: 'accepted', actor: provider })).toMatchObject({
      ok: false,
      reason: 'changed_since',
    });
    expect(
      await moveReferral(db, { referralId: r.id, expectedStatus: 'sent', expectedVersion: 2, to: 'accepted', actor: provider }),
    ).toMatchObject({ ok: true });
  });

  it('sends an expired referral again as a new event, with the clock started over', async () => {
    const r = await world.sent(t0);
    await db.referral.update({ where: { id: r.id }, data: { reminderSentAt: later(60) } });
    expect(
      (await moveReferral(db, { referralId: r.id, to: 'expired', actor: { kind: 'system' }, reason: 'no_answer' }, later(120)))
        .ok,
    ).toBe(true);
    const again = await moveReferral(
      db,
      { referralId: r.id, to: 'sent', actor: { kind: 'worker', userId: world.worker.id } },
      later(180),
    );
    expect(again.ok && again.referral).toMatchObject({ status: 'sent', sentAt: later(180), reminderSentAt: null, version: 4 });
    expect((await events(r.id)).map((e) => e.toStatus)).toEqual(['draft', 'sent', 'expired', 'sent']);
  });

  it('rolls back with the caller’s transaction', async () => {
    const r = await world.draft(t0);
    await expect(
      db.$transaction(async (tx) => {
        await moveReferral(tx, { referralId: r.id, to: 'sent', actor: { kind: 'worker', userId: world.worker.id } });
        throw new Error('something later failed');
      }),
    ).rejects.toThrow('something later failed');
    expect((await db.referral.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('draft');
    expect(await events(r.id)).toHaveLength(1);
  });
});

/** Waits until a session of this database is waiting for a lock another holds. */
async function waitForLockWaiter() {
  for (let tries = 0; tries < 600; tries++) {
    const [{ n }] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the second move never waited for the first');
}

describe('two moves at once', () => {
  it('lets the first win and tells the second it changed since', async () => {
    const r = await world.sent(t0);
    let moved!: () => void;
    const aMoved = new Promise<void>((resolve) => (moved = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));

    // A accepts and holds its transaction open; B withdraws, reading "sent" before A commits.
    const a = db.$transaction(async (tx) => {
      const result = await moveReferral(
        tx,
        { referralId: r.id, to: 'accepted', actor: { kind: 'provider', userId: world.providerUser.id } },
        later(1),
      );
      moved();
      await gate;
      return result;
    });
    await aMoved;
    const b = db.$transaction((tx) =>
      moveReferral(tx, { referralId: r.id, to: 'withdrawn', actor: { kind: 'worker', userId: world.worker.id } }, later(1)),
    );
    // Release A only once B is waiting for A's row lock, so B has read "sent": a fixed pause let a
    // busy machine start B after A had committed.
    await waitForLockWaiter();
    release();
    const [ra, rb] = await Promise.all([a, b]);

    expect(ra.ok).toBe(true);
    expect(rb).toEqual({ ok: false, reason: 'changed_since' });
    const row = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: 'accepted', version: 3 });
    expect((await events(r.id)).map((e) => e.toStatus)).toEqual(['draft', 'sent', 'accepted']);
  });

  it('makes exactly one of many simultaneous answers', async () => {
    const r = await world.sent(t0);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.$transaction((tx) =>
          moveReferral(
            tx,
            { referralId: r.id, to: 'accepted', actor: { kind: 'provider', userId: world.providerUser.id } },
            later(2),
          ),
        ),
      ),
    );
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    for (const x of results.filter((x) => !x.ok)) expect(['changed_since', 'not_allowed']).toContain(!x.ok && x.reason);
    expect(await db.referralEvent.count({ where: { referralId: r.id, toStatus: 'accepted' } })).toBe(1);
  });
});
