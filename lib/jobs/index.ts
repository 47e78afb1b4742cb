// Background work on the same PostgreSQL through pg-boss (its own schema, "pgboss"). Every app
// instance and any separate worker may run this at once: pg-boss keeps one row per schedule and
// lets one instance a minute fire them, the queues are "stately" (at most one job waiting and one
// running per queue), and the work itself is safe to repeat (SKIP LOCKED claims, guarded updates).
import 'server-only';
import PgBoss from 'pg-boss';
import { pruneAuthRecords } from '../auth/prune';
import { createDb, type Db } from '../db/client';
import { loggerFor, logError } from '../log/logger';
import { adapterFromEnv, deliverDue, type NotificationAdapter } from '../notify';
import { sweepReferrals } from '../referrals/sweep';
import { runFreshness } from '../freshness';
import { refreshReportFacts } from '../reports/facts';
import { syncDueFeeds } from '../oruk/import/sync';
import { refreshSettings } from '../settings';

export const QUEUES = {
  deliver: 'notifications.deliver',
  sweep: 'referrals.sweep',
  freshness: 'listings.freshness',
  reports: 'reports.refresh',
  oruk: 'oruk.sync',
} as const;

export const SCHEDULES: Record<keyof typeof QUEUES, string> = {
  deliver: '* * * * *',
  sweep: '*/15 * * * *',
  // Daily, in the morning: "Is this still right?" e-mails for listings not checked for months.
  freshness: '0 9 * * *',
  // The reports' summary views; a page older than this also asks for a rebuild.
  reports: '*/15 * * * *',
  // Hourly: each configured Open Referral UK feed whose daily or weekly run is due (lib/oruk/import/sync).
  oruk: '20 * * * *',
};

const log = loggerFor('jobs');

/** Sends everything due, a batch at a time, up to a bound so one run cannot hold the queue for long. */
export async function runDelivery(db: Db, adapter: NotificationAdapter, options: { batch?: number; rounds?: number } = {}) {
  const batch = options.batch ?? 50;
  const totals = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < (options.rounds ?? 20); round++) {
    const report = await deliverDue(db, adapter, new Date(), { limit: batch });
    totals.claimed += report.claimed;
    totals.sent += report.sent;
    totals.retrying += report.retrying;
    totals.failed += report.failed;
    if (report.claimed < batch) break;
  }
  return totals;
}

/**
 * Reminds and expires, one transaction per pass so a long backlog does not make one huge
 * transaction; then prunes ended sessions, old sign-in throttle counts and rate-limit windows.
 */
export async function runSweep(db: Db, options: { rounds?: number } = {}) {
  const totals = { reminded: 0, expired: 0, unreachable: 0 };
  for (let round = 0; round < (options.rounds ?? 50); round++) {
    const report = await db.$transaction((tx) => sweepReferrals(tx, new Date()), { timeout: 120_000, maxWait: 10_000 });
    totals.reminded += report.reminded;
    totals.expired += report.expired;
    totals.unreachable += report.unreachable;
    if (!report.more) break;
  }
  return { ...totals, pruned: await pruneAuthRecords(db) };
}

export type Jobs = { boss: PgBoss; db: Db; stop(): Promise<void> };

export type StartOptions = {
  adapter?: NotificationAdapter;
  /** Register the cron schedules (default true). */
  schedule?: boolean;
  /** How often workers look for jobs (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  db?: Db;
};

export async function startJobs(url: string, options: StartOptions = {}): Promise<Jobs> {
  const adapter = options.adapter ?? adapterFromEnv();
  const ownDb = !options.db;
  const db = options.db ?? createDb(url);
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', application_name: 'community-connect-jobs', max: 4 });
  boss.on('error', (error) => logError(error, { module: 'jobs' }, 'Job queue error'));
  await boss.start();

  for (const name of Object.values(QUEUES)) {
    // Created once; later calls (other instances, restarts) leave the queue as it is.
    await boss.createQueue(name, {
      name,
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
    });
  }
  if (options.schedule !== false) {
    for (const key of Object.keys(QUEUES) as (keyof typeof QUEUES)[]) {
      await boss.schedule(QUEUES[key], SCHEDULES[key], {}, { tz: 'Europe/London' });
    }
  }

  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work(QUEUES.deliver, work, async () => {
    const totals = await runDelivery(db, adapter);
    if (totals.claimed > 0) log.info(totals, 'notifications delivered');
    return totals;
  });
  await boss.work(QUEUES.sweep, work, async () => {
    // The admin's settings as they are now, for the wording the messages carry (config.borough).
    await refreshSettings(db);
    const totals = await runSweep(db);
    if (totals.reminded + totals.expired > 0) {
      log.info(totals, 'referrals swept');
      // Send the reminders and expiry notices now rather than at the next minute.
      await boss.send(QUEUES.deliver, {});
    }
    return totals;
  });
  await boss.work(QUEUES.freshness, work, async () => {
    await refreshSettings(db);
    const totals = await runFreshness(db);
    if (totals.nudged > 0) {
      log.info(totals, 'listing checks sent');
      await boss.send(QUEUES.deliver, {});
    }
    return totals;
  });
  await boss.work(QUEUES.reports, work, async () => ({ refreshed: await refreshReportFacts(db) }));
  await boss.work(QUEUES.oruk, work, async () => syncDueFeeds(db));
  if (options.schedule !== false) {
    // The "still right?" e-mails due now go now, not at the next 9am: an instance that is not
    // running then (a demo, a restart that day) still sends them. The pass is safe to repeat.
    await boss.send(QUEUES.freshness, {});
  }
  log.info({ adapter: adapter.name }, 'jobs started');

  let stopped = false;
  return {
    boss,
    db,
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      if (ownDb) await db.$disconnect();
    },
  };
}

/** Asks for a delivery run now (after queuing a message someone is waiting for); never fails the caller. */
export async function requestDelivery(jobs: Pick<Jobs, 'boss'> | null | undefined): Promise<void> {
  if (!jobs) return;
  try {
    await jobs.boss.send(QUEUES.deliver, {});
  } catch (error) {
    logError(error, { module: 'jobs' }, 'Could not request a delivery run');
  }
}
