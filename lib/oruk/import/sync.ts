// Running a feed: from the admin screen (now, dry run or import), from an upload, or from the
// hourly job, which takes in each feed whose schedule says it is due. Every run is kept
// (OrukImportRun) with its counts and errors, for the admin screen.
import type { AuditActor } from '@/lib/audit/record';
import type { Db } from '@/lib/db/client';
import { loggerFor } from '@/lib/log/logger';
import { recordRun, runOrukImport, sourceFromUpload, type OrukImportResult, type OrukSource } from './index';

const log = loggerFor('oruk');
const HOUR = 3_600_000;
/** A little under the period, so an hourly job that ran a few minutes later yesterday still runs today. */
const DUE_AFTER = { daily: 23 * HOUR, weekly: 7 * 24 * HOUR - HOUR } as const;

export type Actor = AuditActor & { id: string };

async function runAndRecord(db: Db, source: OrukSource, feedName: string, apply: boolean, actor: Actor | null) {
  const startedAt = new Date();
  const result = await runOrukImport(db, source, { feedName, apply, actor, now: startedAt });
  const runId = await recordRun(db, result, apply, startedAt, actor?.id ?? null);
  return { runId, result };
}

export async function runFeedNow(db: Db, actor: Actor | null, feedId: string, apply: boolean) {
  const feed = await db.orukFeed.findUnique({ where: { id: feedId } });
  if (!feed?.url) return null;
  return runAndRecord(db, { kind: 'url', url: feed.url }, feed.name, apply, actor);
}

export async function runUpload(db: Db, actor: Actor, feedName: string, fileName: string, data: Uint8Array, apply: boolean) {
  return runAndRecord(db, sourceFromUpload(fileName, data), feedName, apply, actor);
}

/** The hourly job: each feed with an address whose daily or weekly run is due. */
export async function syncDueFeeds(db: Db, now: Date = new Date()): Promise<{ ran: number; failed: number }> {
  const feeds = await db.orukFeed.findMany({ where: { url: { not: null }, schedule: { in: ['daily', 'weekly'] } } });
  let ran = 0;
  let failed = 0;
  for (const feed of feeds) {
    const last = await db.orukImportRun.findFirst({ where: { feedId: feed.id, apply: true }, orderBy: { startedAt: 'desc' } });
    if (last && now.getTime() - last.startedAt.getTime() < DUE_AFTER[feed.schedule as 'daily' | 'weekly']) continue;
    let result: OrukImportResult | null = null;
    try {
      result = (await runFeedNow(db, null, feed.id, true))?.result ?? null;
    } catch (error) {
      log.error({ feed: feed.name, err: error }, 'feed import failed');
    }
    ran++;
    if (!result?.ok) failed++;
    log.info({ feed: feed.name, ok: result?.ok ?? false, counts: result?.counts ?? null }, 'feed taken in');
  }
  return { ran, failed };
}
