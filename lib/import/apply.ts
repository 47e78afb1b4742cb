// Writing a checked import: groups, places and listings matched on their ids (created when new,
// updated when different, left alone when the same), each changed listing kept as a version.
// The caller runs it in one transaction, so an import is all or nothing.
import { randomUUID } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { normalisePostcode } from '@/lib/geo/postcode';
import { changedFields } from '@/lib/listings/diff';
import {
  listingInclude,
  snapshotFromInput,
  snapshotOf,
  type ListingSnapshot,
  type LocationSnapshot,
} from '@/lib/listings/snapshot';
import { bulkInsert, columnsOf } from './bulk';
import { LISTING_COLUMNS, writeImportedParts } from './listing-parts';
import { postcodesOf, type ImportRow } from './validate';

export type ImportSummary = {
  organisations: { created: number; updated: number };
  locations: { created: number; updated: number };
  services: { created: number; updated: number; unchanged: number };
};

const SLICE = 2000;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function inChunks<T>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** Rows already in the database for these keys: by external id, or by our own id (an export of listings that had none). */
async function existingByKey<T extends { id: string; externalId: string | null }>(
  keys: readonly string[],
  find: (where: { externalId?: { in: string[] }; id?: { in: string[] }; AND?: unknown }) => Promise<T[]>,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  await inChunks(keys, 5000, async (chunk) => {
    for (const row of await find({ externalId: { in: chunk } })) if (row.externalId) out.set(row.externalId, row);
    const ids = chunk.filter((k) => uuid.test(k) && !out.has(k));
    if (ids.length) for (const row of await find({ id: { in: ids } })) if (!out.has(row.id)) out.set(row.id, row);
  });
  return out;
}

const dateOnly = (key: string) => new Date(`${key}T00:00:00Z`);

export async function importRows(
  tx: Tx,
  rows: readonly ImportRow[],
  actor: SessionUser,
  now: Date = new Date(),
): Promise<ImportSummary> {
  assertCan(actor, 'users.manage');
  const summary: ImportSummary = {
    organisations: { created: 0, updated: 0 },
    locations: { created: 0, updated: 0 },
    services: { created: 0, updated: 0, unchanged: 0 },
  };

  // ---------- groups ----------
  const orgRows = new Map<string, ImportRow['organisation']>();
  for (const r of rows) if (!orgRows.has(r.organisation.key)) orgRows.set(r.organisation.key, r.organisation);
  const existingOrgs = await existingByKey([...orgRows.keys()], (where) =>
    tx.organisation.findMany({
      where: where as Prisma.OrganisationWhereInput,
      select: {
        id: true,
        externalId: true,
        name: true,
        email: true,
        phone: true,
        website: true,
        charityNumber: true,
        status: true,
      },
    }),
  );
  const orgId = new Map<string, string>();
  // A listing is published only for an approved group; an import's new groups are approved.
  const approvedOrgIds = new Set<string>();
  const newOrgs: Prisma.OrganisationCreateManyInput[] = [];
  for (const [key, o] of orgRows) {
    const found = existingOrgs.get(key);
    if (!found) {
      const id = randomUUID();
      orgId.set(key, id);
      approvedOrgIds.add(id);
      newOrgs.push({
        id,
        externalId: key,
        name: o.name,
        email: o.email,
        phone: o.phone,
        website: o.website,
        charityNumber: o.charityNumber,
        status: 'approved',
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    orgId.set(key, found.id);
    if (found.status === 'approved') approvedOrgIds.add(found.id);
    const differs =
      found.name !== o.name ||
      found.email !== o.email ||
      found.phone !== o.phone ||
      found.website !== o.website ||
      found.charityNumber !== o.charityNumber ||
      found.externalId !== key;
    if (differs) {
      await tx.organisation.update({
        where: { id: found.id },
        data: {
          externalId: key,
          name: o.name,
          email: o.email,
          phone: o.phone,
          website: o.website,
          charityNumber: o.charityNumber,
          version: { increment: 1 },
        },
      });
      summary.organisations.updated++;
    }
  }
  await bulkInsert(
    tx,
    'Organisation',
    columnsOf(newOrgs as Array<Record<string, unknown>>, {
      id: 'uuid',
      externalId: 'text',
      name: 'text',
      email: 'text',
      phone: 'text',
      website: 'text',
      charityNumber: 'text',
      status: { enum: 'OrganisationStatus' },
      createdAt: 'timestamp',
      updatedAt: 'timestamp',
    }),
  );
  summary.organisations.created = newOrgs.length;

  // ---------- places ----------
  const postcodes = new Map(
    (
      await tx.postcode.findMany({
        where: { postcode: { in: postcodesOf(rows) } },
        select: { postcode: true, latitude: true, longitude: true, areaId: true },
      })
    ).map((p) => [p.postcode, p]),
  );
  const placeOf = (r: ImportRow): (LocationSnapshot & { areaId: string | null }) | null => {
    const l = r.listing.location;
    if (!l) return null;
    const pc = l.postcode ? normalisePostcode(l.postcode) : null;
    const known = pc ? postcodes.get(pc) : undefined;
    return {
      name: l.name,
      address1: l.address1 ?? '',
      address2: l.address2,
      city: l.city ?? '',
      postcode: pc ?? '',
      latitude: l.latitude ?? known?.latitude ?? null,
      longitude: l.longitude ?? known?.longitude ?? null,
      accessibility: [...l.accessibility],
      areaId: known?.areaId ?? null,
    };
  };
  const placeRows = new Map<string, LocationSnapshot & { areaId: string | null }>();
  for (const r of rows) if (r.locationKey && !placeRows.has(r.locationKey)) placeRows.set(r.locationKey, placeOf(r)!);
  const existingPlaces = await existingByKey([...placeRows.keys()], (where) =>
    tx.location.findMany({ where: where as Prisma.LocationWhereInput }),
  );
  const placeId = new Map<string, string>();
  const newPlaces: Prisma.LocationCreateManyInput[] = [];
  for (const [key, p] of placeRows) {
    const found = existingPlaces.get(key);
    const data = {
      name: p.name,
      address1: p.address1,
      address2: p.address2,
      city: p.city,
      postcode: p.postcode,
      latitude: p.latitude,
      longitude: p.longitude,
      accessibility: p.accessibility,
      areaId: p.areaId,
    };
    if (!found) {
      const id = randomUUID();
      placeId.set(key, id);
      newPlaces.push({ id, externalId: key, ...data, createdAt: now, updatedAt: now });
      continue;
    }
    placeId.set(key, found.id);
    const same =
      found.externalId === key &&
      found.name === p.name &&
      found.address1 === p.address1 &&
      found.address2 === p.address2 &&
      found.city === p.city &&
      found.postcode === p.postcode &&
      found.latitude === p.latitude &&
      found.longitude === p.longitude &&
      found.areaId === p.areaId &&
      JSON.stringify([...found.accessibility].sort()) === JSON.stringify([...p.accessibility].sort());
    if (!same) {
      await tx.location.update({ where: { id: found.id }, data: { externalId: key, ...data } });
      summary.locations.updated++;
    }
  }
  await bulkInsert(
    tx,
    'Location',
    columnsOf(newPlaces as Array<Record<string, unknown>>, {
      id: 'uuid',
      externalId: 'text',
      name: 'text',
      address1: 'text',
      address2: 'text',
      city: 'text',
      postcode: 'text',
      latitude: 'float8',
      longitude: 'float8',
      accessibility: 'text[]',
      areaId: 'uuid',
      createdAt: 'timestamp',
      updatedAt: 'timestamp',
    }),
  );
  summary.locations.created = newPlaces.length;

  // ---------- listings ----------
  // A slice of rows at a time: the listings already stored, the plan and the writes for one slice
  // are dropped before the next, so memory stays flat however long the file is.
  const termIds = new Map((await tx.taxonomyTerm.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  for (let start = 0; start < rows.length; start += SLICE) {
    const slice = rows.slice(start, start + SLICE);
    const counts = await importListingSlice(tx, slice, { orgId, approvedOrgIds, placeId, termIds, placeOf, actor, now });
    summary.services.created += counts.created;
    summary.services.updated += counts.updated;
    summary.services.unchanged += counts.unchanged;
  }

  await recordAudit(tx, {
    actor,
    action: 'directory.imported',
    entityType: 'import',
    detail: { rows: rows.length, ...summary },
    at: now,
  });
  return summary;
}

type SliceContext = {
  orgId: Map<string, string>;
  approvedOrgIds: ReadonlySet<string>;
  placeId: Map<string, string>;
  termIds: Map<string, string>;
  placeOf: (r: ImportRow) => (LocationSnapshot & { areaId: string | null }) | null;
  actor: SessionUser;
  now: Date;
};

async function importListingSlice(
  tx: Tx,
  rows: readonly ImportRow[],
  ctx: SliceContext,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const { orgId, approvedOrgIds, placeId, termIds, placeOf, actor, now } = ctx;
  const existingServices = await existingByKey(
    rows.map((r) => r.serviceKey),
    (where) => tx.service.findMany({ where: where as Prisma.ServiceWhereInput, include: listingInclude }),
  );

  type Planned = { row: ImportRow; id: string; snapshot: ListingSnapshot; organisationId: string; assuredAt: Date };
  const creates: Planned[] = [];
  const updates: Planned[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const place = placeOf(row);
    const snapshot = snapshotFromInput(row.listing, place ? { ...place, id: placeId.get(row.locationKey!) } : null, now);
    const organisationId = orgId.get(row.organisation.key)!;
    const assuredAt = row.lastChecked ? dateOnly(row.lastChecked) : now;
    const found = existingServices.get(row.serviceKey);
    if (!found) {
      creates.push({ row, id: randomUUID(), snapshot, organisationId, assuredAt });
      continue;
    }
    const before = snapshotOf(found);
    // The file holds one place per listing: every other place the listing has is kept (places are
    // removed in the editor). Which place came "first" is not stable, so none is singled out.
    const extra = before.locations.filter((l) => !snapshot.locations.some((s) => s.id === l.id));
    if (extra.length) snapshot.locations.push(...extra);
    const locationIdsDiffer =
      JSON.stringify(before.locations.map((l) => l.id)) !== JSON.stringify(snapshot.locations.map((l) => l.id));
    const changed =
      changedFields(before, snapshot).length > 0 ||
      locationIdsDiffer ||
      found.organisationId !== organisationId ||
      found.published !== approvedOrgIds.has(organisationId) ||
      found.externalId !== row.serviceKey;
    if (changed)
      updates.push({
        row,
        id: found.id,
        snapshot,
        organisationId,
        assuredAt: row.lastChecked ? assuredAt : (found.assuredAt ?? now),
      });
    else unchanged++;
  }
  existingServices.clear();

  const scalar = (p: Planned) => ({
    externalId: p.row.serviceKey,
    organisationId: p.organisationId,
    name: p.snapshot.name,
    description: p.snapshot.description,
    url: p.snapshot.url,
    email: p.snapshot.email,
    phone: p.snapshot.phone,
    contactName: p.snapshot.contactName,
    status: p.snapshot.status,
    published: approvedOrgIds.has(p.organisationId),
    minimumAge: p.snapshot.minimumAge,
    maximumAge: p.snapshot.maximumAge,
    eligibility: p.snapshot.eligibility,
    isFree: p.snapshot.isFree,
    costDescription: p.snapshot.costDescription,
    languages: p.snapshot.languages,
    deliveryModes: p.snapshot.deliveryModes,
    accessMethods: p.snapshot.accessMethods,
    capacityStatus: p.snapshot.capacityStatus,
    capacitySpaces: p.snapshot.capacitySpaces,
    alert: p.snapshot.alert,
    assuredAt: p.assuredAt,
  });

  await bulkInsert(
    tx,
    'Service',
    columnsOf(
      creates.map((p) => ({ id: p.id, ...scalar(p), createdAt: now, updatedAt: now, version: 1 })),
      {
        id: 'uuid',
        externalId: 'text',
        ...LISTING_COLUMNS,
      },
    ),
  );
  for (const p of updates) {
    // An import's version is nobody's own change: an editor's form opened before it is out of date.
    await tx.service.update({
      where: { id: p.id },
      data: { ...scalar(p), version: { increment: 1 }, updatedAt: now, editedById: null, editedFromVersion: null },
    });
  }
  await writeImportedParts(
    tx,
    [...creates, ...updates],
    updates.map((p) => p.id),
    termIds,
    actor.id,
    now,
  );
  return { created: creates.length, updated: updates.length, unchanged };
}
