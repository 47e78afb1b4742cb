// The admin's side of taking in feeds: the feeds and their last runs, adding one, the term mapping
// table (an external term -> one of our needs), and adopting a listing so it is edited here.
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { OrukFeedSchedule } from '@/lib/db/generated/enums';
import type { ApplyCounts, UnmappedTerm } from './apply';
import type { Refused } from './index';

export type RunSummary = {
  version: string | null;
  read: number;
  counts: ApplyCounts | null;
  failure: string | null;
  refused: Refused[];
  refusedCount: number;
  unmapped: UnmappedTerm[];
  warnings: Array<{ id: string; message: string }>;
  seconds: number;
};

export type FeedRow = {
  id: string;
  name: string;
  url: string | null;
  schedule: OrukFeedSchedule;
  listings: number;
  gone: number;
  lastRun: { at: Date; apply: boolean; ok: boolean; summary: RunSummary } | null;
};

export async function listFeeds(tx: Tx): Promise<FeedRow[]> {
  const feeds = await tx.orukFeed.findMany({
    orderBy: { name: 'asc' },
    include: { runs: { orderBy: { startedAt: 'desc' }, take: 1 } },
  });
  const counts = await tx.service.groupBy({
    by: ['sourceFeedId'],
    where: { sourceFeedId: { in: feeds.map((f) => f.id) }, adoptedAt: null },
    _count: { _all: true },
  });
  const gone = await tx.service.groupBy({
    by: ['sourceFeedId'],
    where: { sourceFeedId: { in: feeds.map((f) => f.id) }, adoptedAt: null, sourceMissingSince: { not: null } },
    _count: { _all: true },
  });
  return feeds.map((f) => {
    const run = f.runs[0];
    return {
      id: f.id,
      name: f.name,
      url: f.url,
      schedule: f.schedule,
      listings: counts.find((c) => c.sourceFeedId === f.id)?._count._all ?? 0,
      gone: gone.find((c) => c.sourceFeedId === f.id)?._count._all ?? 0,
      lastRun: run ? { at: run.startedAt, apply: run.apply, ok: run.ok, summary: run.summary as unknown as RunSummary } : null,
    };
  });
}

export const feedSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Enter a name for the feed' })
    .max(100, { error: 'Name must be 100 characters or fewer' }),
  url: z
    .string()
    .trim()
    .min(1, { error: 'Enter the feed’s address' })
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), {
      error: 'Enter a full address, like https://example.org/api',
    }),
  schedule: z.enum(['manual', 'daily', 'weekly'], { error: 'Choose how often to take it in' }),
});
export type FeedInput = z.infer<typeof feedSchema>;

export type AddFeedResult = { ok: true; id: string } | { ok: false; field: 'name'; message: string };

export async function addFeed(tx: Tx, actor: SessionUser, input: FeedInput): Promise<AddFeedResult> {
  assertCan(actor, 'users.manage');
  if (await tx.orukFeed.findUnique({ where: { name: input.name } }))
    return { ok: false, field: 'name', message: 'There is already a feed with this name' };
  const feed = await tx.orukFeed.create({ data: { name: input.name, url: input.url, schedule: input.schedule } });
  await recordAudit(tx, { actor, action: 'oruk.feed_added', entityType: 'oruk_feed', entityId: feed.id });
  return { ok: true, id: feed.id };
}

export async function feedById(tx: Tx, id: string) {
  return tx.orukFeed.findUnique({ where: { id } });
}

export type MappingRow = {
  id: string;
  vocabulary: string;
  code: string;
  label: string;
  termCode: string | null;
  termName: string | null;
};

/** Every external term seen, unmapped first. */
export async function mappingTable(tx: Tx): Promise<MappingRow[]> {
  const rows = await tx.orukTermMapping.findMany({
    include: { term: { select: { code: true, name: true } } },
    orderBy: [{ vocabulary: 'asc' }, { label: 'asc' }],
  });
  return rows
    .map((r) => ({
      id: r.id,
      vocabulary: r.vocabulary,
      code: r.code,
      label: r.label,
      termCode: r.term?.code ?? null,
      termName: r.term?.name ?? null,
    }))
    .sort((a, b) => Number(a.termCode !== null) - Number(b.termCode !== null));
}

/** Maps an external term to one of our needs (or unmaps it with null); the next import uses it. */
export async function setMapping(tx: Tx, actor: SessionUser, mappingId: string, termCode: string | null): Promise<boolean> {
  assertCan(actor, 'users.manage');
  const term = termCode ? await tx.taxonomyTerm.findUnique({ where: { code: termCode }, select: { id: true } }) : null;
  if (termCode && !term) return false;
  const updated = await tx.orukTermMapping.updateMany({ where: { id: mappingId }, data: { termId: term?.id ?? null } });
  if (!updated.count) return false;
  await recordAudit(tx, {
    actor,
    action: 'oruk.term_mapped',
    entityType: 'oruk_term',
    entityId: mappingId,
    detail: { termCode },
  });
  return true;
}

/** An external term and the need it counts as, added by hand before a feed has shown it. */
export async function addMapping(
  tx: Tx,
  actor: SessionUser,
  vocabulary: string,
  code: string,
  termCode: string,
): Promise<boolean> {
  assertCan(actor, 'users.manage');
  const term = await tx.taxonomyTerm.findUnique({ where: { code: termCode }, select: { id: true } });
  if (!term) return false;
  await tx.orukTermMapping.upsert({
    where: { vocabulary_code: { vocabulary, code } },
    update: { termId: term.id },
    create: { vocabulary, code, label: code, termId: term.id },
  });
  return true;
}

export type AdoptResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_imported' };

/** The listing is edited here from now on: imports leave it alone, and its group's people may edit it. */
export async function adoptListing(tx: Tx, actor: SessionUser, serviceId: string, now: Date = new Date()): Promise<AdoptResult> {
  assertCan(actor, 'users.manage');
  const s = await tx.service.findUnique({ where: { id: serviceId }, select: { sourceFeedId: true, adoptedAt: true } });
  if (!s) return { ok: false, reason: 'not_found' };
  if (!s.sourceFeedId || s.adoptedAt) return { ok: false, reason: 'not_imported' };
  await tx.service.update({ where: { id: serviceId }, data: { adoptedAt: now, adoptedById: actor.id } });
  await recordAudit(tx, { actor, action: 'listing.adopted', entityType: 'service', entityId: serviceId, at: now });
  return { ok: true };
}

/** A feed's listings, those it no longer lists first (for the adopt buttons). */
export async function feedListings(tx: Tx, feedId: string, take = 50) {
  return tx.service.findMany({
    where: { sourceFeedId: feedId, adoptedAt: null },
    orderBy: [{ sourceMissingSince: { sort: 'desc', nulls: 'last' } }, { name: 'asc' }],
    take,
    select: { id: true, name: true, sourceId: true, published: true, sourceMissingSince: true },
  });
}

export async function runById(tx: Tx, id: string) {
  const run = await tx.orukImportRun.findUnique({ where: { id }, include: { feed: { select: { name: true } } } });
  return run ? { ...run, summary: run.summary as unknown as RunSummary } : null;
}

/** Listings the feeds no longer list, newest first (for the adopt buttons). */
export async function goneListings(tx: Tx, take = 50) {
  return tx.service.findMany({
    where: { sourceFeedId: { not: null }, adoptedAt: null, sourceMissingSince: { not: null } },
    orderBy: [{ sourceMissingSince: 'desc' }, { name: 'asc' }],
    take,
    select: { id: true, name: true, sourceId: true, sourceMissingSince: true, sourceFeed: { select: { name: true } } },
  });
}
