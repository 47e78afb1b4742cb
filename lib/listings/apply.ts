// Writing a listing's values to its rows, and keeping its history. Used by the editor, moderation
// (approve, restore) and the freshness check; every caller holds the service's row lock.
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { changedFields } from './diff';
import { scheduleData, type ScheduleSnapshot } from './schedule-slots';
import {
  ALL_FIELDS,
  SCALAR_FIELDS,
  snapshotOf,
  loadListing,
  type ListingField,
  type ListingSnapshot,
  type LocationSnapshot,
} from './snapshot';

export type LockedService = {
  id: string;
  version: number;
  /** Who made the latest versions, and the version before their unbroken run of them began. */
  editedById: string | null;
  editedFromVersion: number | null;
};

/** Locks the service's row for the rest of the transaction; null when there is no such service. */
export async function lockService(tx: Tx, serviceId: string): Promise<LockedService | null> {
  const rows = await tx.$queryRaw<LockedService[]>`
    SELECT id, version, "editedById", "editedFromVersion" FROM "Service" WHERE id = ${serviceId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Whether every version after `since` was made by this person: what they changed themselves
 * (a capacity tap, a save in another tab) is never a conflict with their own form.
 */
export function onlyOwnVersionsSince(locked: LockedService, userId: string, since: number | null): boolean {
  return (
    since !== null &&
    since <= locked.version &&
    locked.editedById === userId &&
    locked.editedFromVersion !== null &&
    locked.editedFromVersion <= since
  );
}

export class UnknownNeeds extends Error {
  constructor(readonly codes: string[]) {
    super(`Unknown needs: ${codes.join(', ')}`);
  }
}

/** Term ids for needs codes; throws UnknownNeeds naming any code the taxonomy does not have. */
export async function termIdsFor(tx: Tx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const terms = await tx.taxonomyTerm.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true } });
  const missing = codes.filter((c) => !terms.some((t) => t.code === c));
  if (missing.length) throw new UnknownNeeds(missing);
  return terms.map((t) => t.id);
}

function sameLocation(a: LocationSnapshot, b: LocationSnapshot): boolean {
  return (
    (a.name ?? null) === (b.name ?? null) &&
    a.address1 === b.address1 &&
    (a.address2 ?? null) === (b.address2 ?? null) &&
    a.city === b.city &&
    a.postcode === b.postcode &&
    (a.latitude ?? null) === (b.latitude ?? null) &&
    (a.longitude ?? null) === (b.longitude ?? null) &&
    JSON.stringify([...a.accessibility].sort()) === JSON.stringify([...b.accessibility].sort())
  );
}

async function areaFor(tx: Tx, postcode: string): Promise<string | null> {
  const row = await tx.postcode.findUnique({ where: { postcode }, select: { areaId: true } });
  return row?.areaId ?? null;
}

async function locationData(tx: Tx, l: LocationSnapshot): Promise<Prisma.LocationUncheckedCreateInput> {
  return {
    name: l.name,
    address1: l.address1,
    address2: l.address2,
    city: l.city,
    postcode: l.postcode,
    latitude: l.latitude,
    longitude: l.longitude,
    accessibility: l.accessibility,
    areaId: await areaFor(tx, l.postcode),
  };
}

/**
 * Makes the service run at exactly these places. A place shared with another listing is never
 * edited in place (that would move the other listing too): a changed copy is made instead.
 */
export async function setLocations(tx: Tx, serviceId: string, wanted: readonly LocationSnapshot[]): Promise<void> {
  const links = await tx.serviceAtLocation.findMany({
    where: { serviceId },
    include: { location: { include: { _count: { select: { services: true } } } } },
  });
  const keep = new Set<string>();
  for (const l of wanted) {
    const link = l.id ? links.find((x) => x.locationId === l.id) : undefined;
    const existing =
      link?.location ??
      (l.id ? await tx.location.findUnique({ where: { id: l.id }, include: { _count: { select: { services: true } } } }) : null);
    let locationId: string;
    if (existing && sameLocation(l, { ...existing, accessibility: existing.accessibility })) {
      locationId = existing.id;
    } else if (existing && link && existing._count.services === 1) {
      await tx.location.update({ where: { id: existing.id }, data: await locationData(tx, l) });
      locationId = existing.id;
    } else {
      locationId = (await tx.location.create({ data: await locationData(tx, l), select: { id: true } })).id;
    }
    keep.add(locationId);
    if (!links.some((x) => x.locationId === locationId)) {
      await tx.serviceAtLocation.create({ data: { serviceId, locationId } });
    }
  }
  const gone = links.filter((x) => !keep.has(x.locationId)).map((x) => x.id);
  if (gone.length) await tx.serviceAtLocation.deleteMany({ where: { id: { in: gone } } });
}

async function setSchedules(tx: Tx, serviceId: string, schedules: readonly ScheduleSnapshot[]): Promise<void> {
  await tx.schedule.deleteMany({ where: { serviceId } });
  if (schedules.length) await tx.schedule.createMany({ data: schedules.map((s) => ({ ...scheduleData(s), serviceId })) });
}

async function setNeeds(tx: Tx, serviceId: string, codes: readonly string[]): Promise<void> {
  const termIds = await termIdsFor(tx, codes);
  await tx.serviceTaxonomy.deleteMany({ where: { serviceId, termId: { notIn: termIds } } });
  const have = await tx.serviceTaxonomy.findMany({ where: { serviceId }, select: { termId: true } });
  const add = termIds.filter((id) => !have.some((h) => h.termId === id));
  if (add.length) await tx.serviceTaxonomy.createMany({ data: add.map((termId) => ({ serviceId, termId })) });
}

/**
 * Writes the fields of `after` that differ from `before`, and says which they were. Does not touch
 * the version: callers decide that (with the history entry that goes with it).
 */
export async function applyValues(
  tx: Tx,
  serviceId: string,
  before: ListingSnapshot,
  after: Partial<ListingSnapshot>,
): Promise<ListingField[]> {
  const changed = changedFields(before, after);
  if (changed.length === 0) return [];
  const data: Record<string, unknown> = {};
  for (const f of SCALAR_FIELDS) if (changed.includes(f)) data[f] = after[f];
  if (Object.keys(data).length)
    await tx.service.update({ where: { id: serviceId }, data: data as Prisma.ServiceUncheckedUpdateInput });
  if (changed.includes('needs')) await setNeeds(tx, serviceId, after.needs ?? []);
  if (changed.includes('schedules')) await setSchedules(tx, serviceId, after.schedules ?? []);
  if (changed.includes('locations')) await setLocations(tx, serviceId, after.locations ?? []);
  return changed;
}

export type VersionReason = 'created' | 'edited' | 'approved' | 'restored' | 'imported' | 'capacity';

/** Adds the listing as it is now to its history, numbered after the last entry. */
export async function writeVersion(
  tx: Tx,
  serviceId: string,
  by: string | null,
  now: Date,
  reason: VersionReason,
  extra: Record<string, unknown> = {},
): Promise<{ number: number; snapshot: ListingSnapshot }> {
  const loaded = await loadListing(tx, serviceId);
  if (!loaded) throw new Error('writeVersion: no such service');
  const snapshot = snapshotOf(loaded);
  const last = await tx.serviceVersion.aggregate({ where: { serviceId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  await tx.serviceVersion.create({
    data: {
      serviceId,
      number,
      snapshot: { ...snapshot, reason, ...extra } as unknown as Prisma.InputJsonValue,
      createdById: by,
      createdAt: now,
    },
  });
  return { number, snapshot };
}

/** The listing fields a stored version holds (older versions may hold only some of them). */
export function versionValues(json: unknown): Partial<ListingSnapshot> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const src = json as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of ALL_FIELDS) if (f in src) out[f] = src[f];
  if (Array.isArray(out.locations)) {
    out.locations = (out.locations as LocationSnapshot[]).map((l) => ({
      ...l,
      accessibility: Array.isArray(l.accessibility) ? l.accessibility : [],
    }));
  }
  return out as Partial<ListingSnapshot>;
}

/**
 * Bumps the version, the token two editors compare so neither overwrites the other unseen, and
 * notes who made it: a run of versions by one person starts where someone else's (or nobody's) ended.
 */
export async function bumpVersion(tx: Tx, serviceId: string, now: Date, by: string | null): Promise<number> {
  const rows = await tx.$queryRaw<{ version: number }[]>`
    UPDATE "Service"
    SET "editedFromVersion" = CASE WHEN "editedById" = ${by}::uuid THEN "editedFromVersion" ELSE version END,
        "editedById" = ${by}::uuid,
        version = version + 1,
        "updatedAt" = ${now}
    WHERE id = ${serviceId}::uuid
    RETURNING version`;
  if (!rows[0]) throw new Error('bumpVersion: no such service');
  return rows[0].version;
}
