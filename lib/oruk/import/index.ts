// Taking in another directory's Open Referral UK feed (v3, or v1 for older council feeds): read it
// (./fetch for an API, ./files for JSON files or a zip of CSV tables), check every record against
// the standard (./check), map it (./map), and write it in one transaction (./apply). Any record
// refused or unreadable refuses the whole feed: nothing is written, and each refused record is
// listed with its errors in words. A dry run does everything, then rolls the transaction back.
import { readFile, stat } from 'node:fs/promises';
import type { AuditActor } from '@/lib/audit/record';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import type { Geocoder } from '@/lib/geo/geocoder';
import { todayKey } from '@/lib/listings/schedule-slots';
import { applyFeed, type ApplyCounts, type UnmappedTerm } from './apply';
import { checkService } from './check';
import { walkFeed, type FetchOptions } from './fetch';
import { readJsonPath, servicesFromCsvZip, servicesInJson, type FileFeed } from './files';
import { mapService } from './map';
import type { FeedService, OrukVersion, RawRecord } from './types';

export type { ApplyCounts, UnmappedTerm } from './apply';
export type { FeedService, OrukVersion } from './types';
export * from './feeds';

export type Refused = { id: string; errors: string[] };

export type OrukImportResult = {
  ok: boolean;
  applied: boolean;
  feed: string;
  version: OrukVersion | null;
  /** Records read from the feed. */
  read: number;
  counts: ApplyCounts | null;
  refused: Refused[];
  /** A problem with the feed as a whole (unreachable, not a feed at all). */
  failure: string | null;
  unmapped: UnmappedTerm[];
  warnings: Array<{ id: string; message: string }>;
  seconds: number;
};

export type OrukSource =
  | { kind: 'url'; url: string }
  | { kind: 'path'; path: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'zip'; data: Uint8Array };

export type RunOptions = FetchOptions & {
  /** The feed (or source) name its records are kept under; a URL feed's defaults to its host. */
  feedName?: string;
  apply: boolean;
  actor?: AuditActor | null;
  startedById?: string | null;
  now?: Date;
  geocoder?: Geocoder;
};

/** An uploaded file: a zip of the CSV tables, or JSON. */
export function sourceFromUpload(fileName: string, data: Uint8Array): OrukSource {
  if (fileName.toLowerCase().endsWith('.zip') || (data[0] === 0x50 && data[1] === 0x4b)) return { kind: 'zip', data };
  try {
    return { kind: 'json', value: JSON.parse(new TextDecoder().decode(data)) };
  } catch {
    return { kind: 'json', value: null };
  }
}

/** What the command line was given, as a source. */
export async function sourceFrom(input: string): Promise<OrukSource> {
  if (/^https?:\/\//i.test(input)) return { kind: 'url', url: input };
  const info = await stat(input);
  if (info.isFile() && input.toLowerCase().endsWith('.zip')) return { kind: 'zip', data: new Uint8Array(await readFile(input)) };
  return { kind: 'path', path: input };
}

function defaultName(source: OrukSource): string {
  if (source.kind === 'url') return new URL(source.url).host;
  if (source.kind === 'path') return source.path.replace(/\/+$/, '').split('/').pop() || 'upload';
  return 'upload';
}

class DryRun extends Error {}

const MAX_WARNINGS = 200;

export async function runOrukImport(db: Db, source: OrukSource, options: RunOptions): Promise<OrukImportResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const feed = options.feedName ?? defaultName(source);
  const result: OrukImportResult = {
    ok: false,
    applied: false,
    feed,
    version: null,
    read: 0,
    counts: null,
    refused: [],
    failure: null,
    unmapped: [],
    warnings: [],
    seconds: 0,
  };
  const finish = () => ({ ...result, seconds: (Date.now() - started) / 1000 });

  let version: OrukVersion;
  let complete: boolean;
  let records: AsyncIterable<RawRecord> | Iterable<RawRecord>;
  let url: string | null = null;
  try {
    if (source.kind === 'url') {
      url = source.url;
      const walk = await walkFeed(source.url, options);
      ({ version, complete, records } = walk);
    } else {
      let files: FileFeed;
      if (source.kind === 'zip') files = servicesFromCsvZip(source.data);
      else if (source.kind === 'path') files = await readJsonPath(source.path);
      else files = { ...servicesInJson(source.value), complete: false };
      ({ version, complete } = files);
      records = options.limit !== undefined ? files.records.slice(0, options.limit) : files.records;
      if (options.limit !== undefined) complete = false;
    }
  } catch (error) {
    result.failure = (error as Error).message;
    return finish();
  }
  result.version = version;

  const services: FeedService[] = [];
  const ids = new Set<string>();
  const today = todayKey(now);
  try {
    for await (const r of records) {
      result.read++;
      if ('error' in r) {
        result.refused.push({ id: r.id, errors: [r.error] });
        continue;
      }
      const errors = checkService(version, r.value);
      if (errors.length) {
        result.refused.push({ id: r.id, errors });
        continue;
      }
      const s = mapService(version, r.value, today);
      const problems: string[] = [];
      if (!s.organisation.sourceId || !s.organisation.name)
        problems.push('service is missing the required field "organization" (every listing here belongs to a group)');
      if (ids.has(s.sourceId)) problems.push(`service.id ${s.sourceId} appears twice in the feed`);
      if (problems.length) {
        result.refused.push({ id: r.id, errors: problems });
        continue;
      }
      ids.add(s.sourceId);
      for (const message of s.warnings)
        if (result.warnings.length < MAX_WARNINGS) result.warnings.push({ id: s.sourceId, message });
      services.push(s);
    }
  } catch (error) {
    result.failure = (error as Error).message;
    return finish();
  }
  if (result.refused.length) return finish();
  if (services.length === 0) {
    result.failure = 'The feed has no services';
    return finish();
  }

  try {
    await db.$transaction(
      async (tx) => {
        const applied = await applyFeed(
          tx,
          { feed: { name: feed, url }, services, complete },
          options.actor ?? null,
          now,
          options.geocoder,
        );
        result.counts = applied.counts;
        result.unmapped = applied.unmapped;
        if (!options.apply) throw new DryRun();
      },
      { timeout: 15 * 60_000, maxWait: 30_000 },
    );
    result.applied = true;
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  result.ok = true;
  return finish();
}

/** Keeps a run's outcome for the admin screen (outside the import's transaction, so a refusal is kept too). */
export async function recordRun(
  db: Db,
  result: OrukImportResult,
  apply: boolean,
  startedAt: Date,
  startedById: string | null,
): Promise<string> {
  const feed =
    (await db.orukFeed.findUnique({ where: { name: result.feed }, select: { id: true } })) ??
    (await db.orukFeed.create({ data: { name: result.feed, schedule: 'manual' }, select: { id: true } }));
  const summary = {
    version: result.version,
    read: result.read,
    counts: result.counts,
    failure: result.failure,
    refused: result.refused.slice(0, 100),
    refusedCount: result.refused.length,
    unmapped: result.unmapped.slice(0, 100),
    warnings: result.warnings.slice(0, 50),
    seconds: result.seconds,
  };
  const run = await db.orukImportRun.create({
    select: { id: true },
    data: {
      feedId: feed.id,
      apply,
      ok: result.ok,
      summary: summary as unknown as Prisma.InputJsonValue,
      startedAt,
      finishedAt: new Date(startedAt.getTime() + result.seconds * 1000),
      startedById,
    },
  });
  return run.id;
}
