import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { NotificationError, type NotificationAdapter, type OutgoingMessage } from '@/lib/notify/adapter';
import { devAdapter } from '@/lib/notify/adapters/dev';
import { deliverDue, retryFailed } from '@/lib/notify/deliver';
import { enqueueNotification } from '@/lib/notify/outbox';
import { freshDatabase } from '../helpers/db';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
const t0 = new Date('2026-11-23T09:00:00Z');
const seconds = (n: number) => new Date(t0.getTime() + n * 1000);
const policy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 3_600_000, leaseMs: 300_000 };

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

beforeEach(async () => {
  await db.notification.deleteMany();
});

/** Fails a set number of times (with an error that names the recipient), then succeeds. */
function flaky(failures: number, options: { permanent?: boolean } = {}) {
  const calls: string[] = [];
  const adapter: NotificationAdapter = {
    name: 'flaky',
    async send(message: OutgoingMessage) {
      calls.push(message.id);
      if (calls.length <= failures) {
        throw new NotificationError(`mailbox ${message.recipient} unavailable`, { permanent: options.permanent });
      }
      return { providerRef: `ref-${calls.length}` };
    },
  };
  return { adapter, calls };
}

const enqueue = (recipient = 'group@example.org', now = t0) =>
  enqueueNotification(db, { channel: 'email', template: 'test', recipient, subject: 'Hello', body: 'Body text' }, now);

describe('the outbox', () => {
  it('keeps a message only if the caller’s transaction commits', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueNotification(tx, { channel: 'email', template: 'test', recipient: 'a@example.org', body: 'x' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.notification.count()).toBe(0);
    await db.$transaction((tx) =>
      enqueueNotification(tx, { channel: 'email', template: 'test', recipient: 'a@example.org', body: 'x' }),
    );
    expect(await db.notification.count()).toBe(1);
  });

  it('refuses a message with no recipient', async () => {
    await expect(enqueue('  ')).rejects.toThrow(/recipient/);
  });

  it('with the development adapter, marks messages sent and keeps them to read', async () => {
    const { id } = await enqueue();
    expect(await deliverDue(db, devAdapter(), t0, { policy })).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: t0,
      providerRef: `dev:${id}`,
      body: 'Body text',
    });
    expect(await deliverDue(db, devAdapter(), seconds(60), { policy })).toMatchObject({ claimed: 0 });
  });

  it('waits until a message is due', async () => {
    await enqueueNotification(
      db,
      { channel: 'email', template: 'test', recipient: 'a@example.org', body: 'x', notBefore: seconds(600) },
      t0,
    );
    expect(await deliverDue(db, devAdapter(), seconds(599), { policy })).toMatchObject({ claimed: 0 });
    expect(await deliverDue(db, devAdapter(), seconds(600), { policy })).toMatchObject({ sent: 1 });
  });
});

describe('retries', () => {
  it('retries with exponential backoff and succeeds on the third attempt', async () => {
    const { id } = await enqueue('sam.carter@example.com');
    const { adapter, calls } = flaky(2);
    const row = () => db.notification.findUniqueOrThrow({ where: { id } });

    expect(await deliverDue(db, adapter, t0, { policy })).toMatchObject({ claimed: 1, retrying: 1 });
    let r = await row();
    expect(r).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: seconds(60), sentAt: null });
    expect(r.lastError).toContain('unavailable');
    expect(r.lastError).not.toContain('sam.carter');

    // Not due again until the backoff has passed.
    expect(await deliverDue(db, adapter, seconds(59), { policy })).toMatchObject({ claimed: 0 });
    expect(await deliverDue(db, adapter, seconds(60), { policy })).toMatchObject({ retrying: 1 });
    r = await row();
    expect(r).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: seconds(60 + 120) });

    expect(await deliverDue(db, adapter, seconds(180), { policy })).toMatchObject({ sent: 1 });
    r = await row();
    expect(r).toMatchObject({ status: 'sent', attempts: 3, sentAt: seconds(180), providerRef: 'ref-3', lastError: null });
    expect(calls).toEqual([id, id, id]);
  });

  it('marks a message failed after the last attempt, keeps it visible, and can put it back', async () => {
    const { id } = await enqueue();
    const { adapter } = flaky(Infinity);
    let now = t0;
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      const report = await deliverDue(db, adapter, now, { policy });
      expect(report.claimed).toBe(1);
      const r = await db.notification.findUniqueOrThrow({ where: { id } });
      expect(r.attempts).toBe(attempt);
      expect(r.status).toBe(attempt < policy.maxAttempts ? 'queued' : 'failed');
      now = r.nextAttemptAt;
    }
    const failed = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.lastError).toMatch(/unavailable/);
    expect(await deliverDue(db, adapter, seconds(86_400), { policy })).toMatchObject({ claimed: 0 });

    expect(await retryFailed(db, id, seconds(86_400))).toBe(true);
    expect(await deliverDue(db, devAdapter(), seconds(86_400), { policy })).toMatchObject({ sent: 1 });
  });

  it('gives up at once on a permanent failure', async () => {
    const { id } = await enqueue();
    const { adapter } = flaky(1, { permanent: true });
    expect(await deliverDue(db, adapter, t0, { policy })).toMatchObject({ failed: 1 });
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('takes back a message whose sender died mid-send once its claim lapses', async () => {
    const { id } = await enqueue();
    const hanging: NotificationAdapter = { name: 'hanging', send: () => new Promise(() => {}) };
    void deliverDue(db, hanging, t0, { policy });
    await expect.poll(async () => (await db.notification.findUniqueOrThrow({ where: { id } })).status).toBe('sending');

    expect(await deliverDue(db, devAdapter(), seconds(299), { policy })).toMatchObject({ claimed: 0 });
    expect(await deliverDue(db, devAdapter(), seconds(300), { policy })).toMatchObject({ sent: 1 });
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('two workers at once', () => {
  it('never send one message twice', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) ids.add((await enqueue(`person${i}@example.org`)).id);
    const sends: string[] = [];
    const slow: NotificationAdapter = {
      name: 'slow',
      async send(message) {
        sends.push(message.id);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { providerRef: null };
      },
    };
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const report = await deliverDue(db, slow, t0, { policy, limit: 3 });
        sent += report.sent;
        if (report.claimed === 0) return sent;
      }
    };
    const perWorker = await Promise.all([worker(), worker(), worker()]);
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(30);
    // Each worker got some of the work: they ran side by side, not one after another.
    expect(perWorker.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(sends).toHaveLength(30);
    expect(new Set(sends)).toEqual(ids);
    expect(await db.notification.count({ where: { status: 'sent' } })).toBe(30);
  });
});
