import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { QUEUES, SCHEDULES, startJobs, type Jobs } from '@/lib/jobs';
import { jobsInProcessEnabled } from '@/lib/jobs/in-process';
import type { NotificationAdapter, OutgoingMessage } from '@/lib/notify/adapter';
import { enqueueNotification } from '@/lib/notify/outbox';
import { freshDatabase } from '../helpers/db';
import { referralWorld } from './referral-fixture';
import { input, listingWorld } from './listing-fixture';
import { saveListing } from '@/lib/listings/save';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
const running: Jobs[] = [];
const delivered: OutgoingMessage[] = [];
const recording: NotificationAdapter = {
  name: 'recording',
  async send(message) {
    delivered.push(message);
    return { providerRef: `rec-${delivered.length}` };
  },
};

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  for (const jobs of running) await jobs.stop();
  await database?.drop();
});

async function start() {
  const jobs = await startJobs(database.url, { adapter: recording, pollingIntervalSeconds: 0.5 });
  running.push(jobs);
  return jobs;
}

describe('pg-boss on the app’s database', () => {
  it('starts, registers the schedules and delivers a queued message', async () => {
    const jobs = await start();
    const schedules = await jobs.boss.getSchedules();
    const expected = (Object.keys(QUEUES) as (keyof typeof QUEUES)[]).map((k) => [QUEUES[k], SCHEDULES[k]]);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual(expected.sort());

    const { id } = await enqueueNotification(db, {
      channel: 'email',
      template: 'test',
      recipient: 'group@example.org',
      subject: 'Hi',
      body: 'Hello',
    });
    await jobs.boss.send(QUEUES.deliver, {});
    await expect
      .poll(async () => (await db.notification.findUniqueOrThrow({ where: { id } })).status, { timeout: 20_000, interval: 250 })
      .toBe('sent');
    expect(delivered.map((m) => m.id)).toContain(id);
  });

  it('keeps its tables in their own schema', async () => {
    const rows = await db.$queryRaw<{ table_schema: string }[]>`
      SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'job' AND table_schema = 'pgboss'`;
    expect(rows).toHaveLength(1);
    const leaked = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('job', 'queue', 'schedule', 'version')`;
    expect(leaked[0].n).toBe(0);
  });

  it('expires an old unanswered referral through the sweep job', async () => {
    const jobs = running[0];
    const world = await referralWorld(db);
    const r = await world.sent(new Date(Date.now() - 15 * 86_400_000));
    await jobs.boss.send(QUEUES.sweep, {});
    await expect
      .poll(async () => (await db.referral.findUniqueOrThrow({ where: { id: r.id } })).status, { timeout: 20_000, interval: 250 })
      .toBe('expired');
    // The sweep asks for a delivery run, so the link worker's message goes out without waiting a minute.
    await expect
      .poll(async () => (await db.notification.findFirst({ where: { recipient: world.worker.email } }))?.status, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe('sent');
  });

  it('sends the “still right?” e-mails that are due when it starts, not only at 9am', async () => {
    const w = await listingWorld(db);
    const created = await db.$transaction((tx) => saveListing(tx, w.coordinator, input(w.org.id), null));
    if (!created.ok) throw new Error('create failed');
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    await db.service.update({ where: { id: created.serviceId }, data: { assuredAt: longAgo, createdAt: longAgo } });
    await start();
    await expect
      .poll(async () => db.notification.count({ where: { recipient: w.provider.email, template: 'listing_still_right' } }), {
        timeout: 20_000,
        interval: 250,
      })
      .toBe(1);
    const reminded = await db.service.findUniqueOrThrow({ where: { id: created.serviceId } });
    expect(reminded.checkRemindedAt).not.toBeNull();
  });

  it('lets a second instance start on the same database without doubling anything', async () => {
    const second = await start();
    const schedules = await second.boss.getSchedules();
    expect(schedules).toHaveLength(Object.keys(QUEUES).length);
    const queues = (await second.boss.getQueues()).filter((q) => Object.values(QUEUES).includes(q.name as never));
    expect(queues.map((q) => q.policy)).toEqual(Object.keys(QUEUES).map(() => 'stately'));

    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        (await enqueueNotification(db, { channel: 'email', template: 'test', recipient: `p${i}@example.org`, body: 'x' })).id,
      );
    }
    await Promise.all([running[0].boss.send(QUEUES.deliver, {}), second.boss.send(QUEUES.deliver, {})]);
    await expect
      .poll(async () => db.notification.count({ where: { id: { in: ids }, status: 'sent' } }), { timeout: 20_000, interval: 250 })
      .toBe(10);
    const sends = delivered.filter((m) => ids.includes(m.id)).map((m) => m.id);
    expect(sends.sort()).toEqual([...ids].sort());
  });
});

describe('running jobs in the web process', () => {
  it('is on by default and off when told, during a build, or without a database', () => {
    const url = 'postgresql://localhost/x';
    expect(jobsInProcessEnabled({ DATABASE_URL: url })).toBe(true);
    expect(jobsInProcessEnabled({ DATABASE_URL: url, JOBS_IN_PROCESS: 'true' })).toBe(true);
    expect(jobsInProcessEnabled({ DATABASE_URL: url, JOBS_IN_PROCESS: 'false' })).toBe(false);
    expect(jobsInProcessEnabled({ DATABASE_URL: url, NEXT_PHASE: 'phase-production-build' })).toBe(false);
    expect(jobsInProcessEnabled({})).toBe(false);
  });
});
