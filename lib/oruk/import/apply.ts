// Writing a checked feed: groups, places and listings matched on (feed, the feed's id), created
// when new, updated when different, left alone when the same or adopted; listings the feed no
// longer lists are unpublished and marked, never deleted. The caller runs it in one transaction,
// so a feed goes in whole or not at all (a dry run is the same transaction, rolled back).
import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { geocoderFor, type Geocoder } from '@/lib/geo/geocoder';
import { bulkInsert, columnsOf } from '@/lib/import/bulk';
import { LISTING_COLUMNS, writeImportedParts } from '@/lib/import/listing-parts';
import { changedFields } from '@/lib/listings/diff';
import { listingInclude, snapshotOf, type ListingSnapshot, type LocationSnapshot } from '@/lib/listings/snapshot';
import type { FeedLocation, FeedOrganisation, FeedService, FeedTerm } from './types';

export type ApplyCounts = {
  organisations: { created: number; updated: number; unchanged: number };
  locations: { created: number; updated: number; unchanged: number };
  services: { created: number; updated: number; unchanged: number; adopted: number; vanished: number };
};

export type UnmappedTerm = FeedTerm & { services: number };

export type ApplyResult = { feedId: string; counts: ApplyCounts; unmapped: UnmappedTerm[] };

export type ApplyInput = {
  feed: { name: string; url?: string | null };
  services: readonly FeedService[];
  /** The whole feed was read: listings it no longer has are marked as gone. */
  complete: boolean;
};

const SLICE = 2000;
const termKey = (vocabulary: string, code: string) => `${vocabulary.toLowerCase()}\u0000${code.toLowerCase()}`;

async function inChunks<T>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** Our needs codes for a feed's terms: the admin's mapping first, then a term whose code or name is the same. */
async function termResolver(tx: Tx) {
  const mapped = new Map<string, string | null>();
  for (const m of await tx.orukTermMapping.findMany({
    select: { vocabulary: true, code: true, term: { select: { code: true } } },
  }))
    mapped.set(termKey(m.vocabulary, m.code), m.term?.code ?? null);
  const ours = await tx.taxonomyTerm.findMany({ select: { id: true, code: true, name: true } });
  const byWord = new Map<string, string>();
  for (const t of ours) {
    byWord.set(t.name.toLowerCase(), t.code);
    byWord.set(t.code.toLowerCase(), t.code);
  }
  const ids = new Map(ours.map((t) => [t.code, t.id]));
  const unmapped = new Map<string, UnmappedTerm>();
  return {
    ids,
    unmapped,
    codes(terms: readonly FeedTerm[]): string[] {
      const out = new Set<string>();
      for (const t of terms) {
        const key = termKey(t.vocabulary, t.code);
        const code = mapped.get(key) ?? byWord.get(t.code.toLowerCase()) ?? byWord.get(t.label.toLowerCase());
        if (code) out.add(code);
        else {
          const u = unmapped.get(key) ?? { ...t, services: 0 };
          u.services++;
          unmapped.set(key, u);
        }
      }
      return [...out].sort();
    },
  };
}

export async function applyFeed(
  tx: Tx,
  input: ApplyInput,
  actor: AuditActor | null,
  now: Date = new Date(),
  geocoder: Geocoder = geocoderFor(tx),
): Promise<ApplyResult> {
  const counts: ApplyCounts = {
    organisations: { created: 0, updated: 0, unchanged: 0 },
    locations: { created: 0, updated: 0, unchanged: 0 },
    services: { created: 0, updated: 0, unchanged: 0, adopted: 0, vanished: 0 },
  };
  const feed =
    (await tx.orukFeed.findUnique({ where: { name: input.feed.name } })) ??
    (await tx.orukFeed.create({
      data: { name: input.feed.name, url: input.feed.url ?? null, schedule: input.feed.url ? 'daily' : 'manual' },
    }));
  const feedId = feed.id;

  // ---------- groups ----------
  const orgRows = new Map<string, FeedOrganisation>();
  for (const s of input.services) if (!orgRows.has(s.organisation.sourceId)) orgRows.set(s.organisation.sourceId, s.organisation);
  const orgId = new Map<string, string>();
  const approved = new Set<string>();
  const newOrgs: Array<Record<string, unknown>> = [];
  await inChunks([...orgRows.keys()], 5000, async (chunk) => {
    const found = new Map(
      (await tx.organisation.findMany({ where: { sourceFeedId: feedId, sourceId: { in: chunk } } })).map((o) => [o.sourceId!, o]),
    );
    for (const key of chunk) {
      const o = orgRows.get(key)!;
      const data = {
        name: o.name,
        description: o.description,
        email: o.email,
        website: o.website,
        phone: o.phone,
        charityNumber: o.charityNumber,
        companyNumber: o.companyNumber,
      };
      const existing = found.get(key);
      if (!existing) {
        // A feed the admin configured is trusted: its groups are approved, so its listings publish.
        const id = randomUUID();
        orgId.set(key, id);
        approved.add(id);
        newOrgs.push({ id, sourceFeedId: feedId, sourceId: key, ...data, status: 'approved', createdAt: now, updatedAt: now });
        continue;
      }
      orgId.set(key, existing.id);
      if (existing.status === 'approved') approved.add(existing.id);
      const same = (Object.keys(data) as Array<keyof typeof data>).every((k) => existing[k] === data[k]);
      if (same) counts.organisations.unchanged++;
      else {
        await tx.organisation.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
        counts.organisations.updated++;
      }
    }
  });
  await bulkInsert(
    tx,
    'Organisation',
    columnsOf(newOrgs, {
      id: 'uuid',
      sourceFeedId: 'uuid',
      sourceId: 'text',
      name: 'text',
      description: 'text',
      email: 'text',
      website: 'text',
      phone: 'text',
      charityNumber: 'text',
      companyNumber: 'text',
      status: { enum: 'OrganisationStatus' },
      createdAt: 'timestamp',
      updatedAt: 'timestamp',
    }),
  );
  counts.organisations.created = newOrgs.length;

  // ---------- places ----------
  const placeRows = new Map<string, FeedLocation>();
  for (const s of input.services) for (const l of s.locations) if (!placeRows.has(l.sourceId)) placeRows.set(l.sourceId, l);
  const postcodes = new Map<string, { latitude: number; longitude: number; areaId: string | null }>();
  await inChunks([...new Set([...placeRows.values()].map((l) => l.postcode).filter(Boolean))], 5000, async (chunk) => {
    for (const p of await tx.postcode.findMany({
      where: { postcode: { in: chunk } },
      select: { postcode: true, latitude: true, longitude: true, areaId: true },
    }))
      postcodes.set(p.postcode, p);
  });
  const placeId = new Map<string, string>();
  const placeSnapshot = new Map<string, LocationSnapshot>();
  const newPlaces: Array<Record<string, unknown>> = [];
  const looked = new Map<string, { latitude: number; longitude: number; areaId: string | null } | null>();
  await inChunks([...placeRows.keys()], 5000, async (chunk) => {
    const found = new Map(
      (await tx.location.findMany({ where: { sourceFeedId: feedId, sourceId: { in: chunk } } })).map((l) => [l.sourceId!, l]),
    );
    for (const key of chunk) {
      const l = placeRows.get(key)!;
      let known = postcodes.get(l.postcode);
      // Not in our postcode table: ask the configured look-up (postcodes.io, say) once per postcode.
      if (!known && l.latitude === null && /^[A-Z0-9]+ [A-Z0-9]+$/.test(l.postcode)) {
        if (!looked.has(l.postcode)) {
          const hit = await geocoder.postcode(l.postcode);
          looked.set(l.postcode, hit ? { latitude: hit.latitude, longitude: hit.longitude, areaId: hit.areaId } : null);
        }
        known = looked.get(l.postcode) ?? undefined;
      }
      const data = {
        name: l.name,
        description: l.description,
        address1: l.address1,
        address2: l.address2,
        city: l.city,
        postcode: l.postcode,
        latitude: l.latitude ?? known?.latitude ?? null,
        longitude: l.longitude ?? known?.longitude ?? null,
        accessibility: l.accessibility,
        areaId: known?.areaId ?? null,
      };
      const existing = found.get(key);
      const id = existing?.id ?? randomUUID();
      placeId.set(key, id);
      placeSnapshot.set(key, {
        id,
        name: data.name,
        address1: data.address1,
        address2: data.address2,
        city: data.city,
        postcode: data.postcode,
        latitude: data.latitude,
        longitude: data.longitude,
        accessibility: [...data.accessibility],
      });
      if (!existing) {
        newPlaces.push({ id, sourceFeedId: feedId, sourceId: key, ...data, createdAt: now, updatedAt: now });
        continue;
      }
      const same =
        (Object.keys(data) as Array<keyof typeof data>).every((k) => k === 'accessibility' || existing[k] === data[k]) &&
        JSON.stringify([...existing.accessibility].sort()) === JSON.stringify([...data.accessibility].sort());
      if (same) counts.locations.unchanged++;
      else {
        await tx.location.update({ where: { id: existing.id }, data });
        counts.locations.updated++;
      }
    }
  });
  await bulkInsert(
    tx,
    'Location',
    columnsOf(newPlaces, {
      id: 'uuid',
      sourceFeedId: 'uuid',
      sourceId: 'text',
      name: 'text',
      description: 'text',
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
  counts.locations.created = newPlaces.length;

  // ---------- listings ----------
  const terms = await termResolver(tx);
  const seen: string[] = [];
  for (let start = 0; start < input.services.length; start += SLICE) {
    const slice = input.services.slice(start, start + SLICE);
    seen.push(...slice.map((s) => s.sourceId));
    await applySlice(tx, slice, { feedId, orgId, approved, placeSnapshot, terms, actor, now, counts });
  }

  // ---------- listings the feed no longer has ----------
  if (input.complete) {
    counts.services.vanished = await tx.$executeRaw`
      UPDATE "Service" SET published = false, "sourceMissingSince" = ${now}, "updatedAt" = ${now}
      WHERE "sourceFeedId" = ${feedId}::uuid AND "adoptedAt" IS NULL AND "sourceMissingSince" IS NULL
        AND NOT ("sourceId" = ANY(${seen}::text[]))`;
  }

  // ---------- terms nobody has mapped yet, for the admin's table ----------
  const unmapped = [...terms.unmapped.values()].sort((a, b) => b.services - a.services || a.label.localeCompare(b.label));
  await inChunks(
    unmapped,
    1000,
    (chunk) =>
      tx.$executeRaw`
      INSERT INTO "OrukTermMapping" (id, vocabulary, code, label, "seenAt")
      SELECT gen_random_uuid(), v, c, l, ${now} FROM unnest(${chunk.map((u) => u.vocabulary)}::text[], ${chunk.map((u) => u.code)}::text[], ${chunk.map((u) => u.label)}::text[]) AS u(v, c, l)
      ON CONFLICT (vocabulary, code) DO UPDATE SET "seenAt" = EXCLUDED."seenAt", label = EXCLUDED.label`,
  );

  await tx.orukFeed.update({ where: { id: feedId }, data: { lastRunAt: now } });
  await recordAudit(tx, {
    actor,
    action: 'directory.oruk_imported',
    entityType: 'oruk_feed',
    entityId: feedId,
    detail: { read: input.services.length, ...counts },
    at: now,
  });
  return { feedId, counts, unmapped };
}

type SliceContext = {
  feedId: string;
  orgId: Map<string, string>;
  approved: ReadonlySet<string>;
  placeSnapshot: Map<string, LocationSnapshot>;
  terms: Awaited<ReturnType<typeof termResolver>>;
  actor: AuditActor | null;
  now: Date;
  counts: ApplyCounts;
};

const dateOnly = (key: string) => new Date(`${key}T00:00:00Z`);

async function applySlice(tx: Tx, services: readonly FeedService[], ctx: SliceContext): Promise<void> {
  const { feedId, orgId, approved, placeSnapshot, terms, actor, now, counts } = ctx;
  const existing = new Map(
    (
      await tx.service.findMany({
        where: { sourceFeedId: feedId, sourceId: { in: services.map((s) => s.sourceId) } },
        include: listingInclude,
      })
    ).map((s) => [s.sourceId!, s]),
  );

  type Planned = { id: string; s: FeedService; snapshot: ListingSnapshot; organisationId: string; assuredAt: Date };
  const creates: Planned[] = [];
  const updates: Planned[] = [];
  for (const s of services) {
    const found = existing.get(s.sourceId);
    if (found?.adoptedAt) {
      counts.services.adopted++;
      continue;
    }
    const organisationId = orgId.get(s.organisation.sourceId)!;
    const snapshot: ListingSnapshot = {
      name: s.name,
      description: s.description,
      url: s.url,
      email: s.email,
      phone: s.phone,
      contactName: s.contactName,
      status: s.status,
      minimumAge: s.minimumAge,
      maximumAge: s.maximumAge,
      eligibility: s.eligibility,
      isFree: s.isFree,
      costDescription: s.costDescription,
      languages: s.languages,
      deliveryModes: s.deliveryModes,
      // Feeds say nothing about how to join or spaces left: what we hold is kept.
      accessMethods: found ? [...found.accessMethods] : [],
      capacityStatus: found?.capacityStatus ?? 'open',
      capacitySpaces: found?.capacitySpaces ?? null,
      alert: s.alert,
      needs: terms.codes(s.terms),
      locations: [...new Map(s.locations.map((l) => [l.sourceId, placeSnapshot.get(l.sourceId)!])).values()].sort((a, b) =>
        a.id!.localeCompare(b.id!),
      ),
      schedules: s.schedules,
    };
    // The feed's own "last checked"; without one, the import is the check.
    const assuredAt = s.assuredDate ? dateOnly(s.assuredDate) : (found?.assuredAt ?? now);
    if (!found) {
      creates.push({ id: randomUUID(), s, snapshot, organisationId, assuredAt });
      continue;
    }
    const stored = snapshotOf(found);
    const before = { ...stored, locations: [...stored.locations].sort((a, b) => a.id!.localeCompare(b.id!)) };
    const sameLocations =
      JSON.stringify(before.locations.map((l) => l.id)) === JSON.stringify(snapshot.locations.map((l) => l.id));
    const changed =
      changedFields(before, snapshot).length > 0 ||
      !sameLocations ||
      found.organisationId !== organisationId ||
      found.published !== approved.has(organisationId) ||
      found.sourceMissingSince !== null ||
      found.assuredAt?.getTime() !== assuredAt.getTime() ||
      found.assurerEmail !== s.assurerEmail;
    if (changed) updates.push({ id: found.id, s, snapshot, organisationId, assuredAt });
    else counts.services.unchanged++;
  }
  existing.clear();

  const scalar = (p: Planned) => ({
    organisationId: p.organisationId,
    name: p.snapshot.name,
    description: p.snapshot.description,
    url: p.snapshot.url,
    email: p.snapshot.email,
    phone: p.snapshot.phone,
    contactName: p.snapshot.contactName,
    status: p.snapshot.status,
    published: approved.has(p.organisationId),
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
    assurerEmail: p.s.assurerEmail,
  });
  await bulkInsert(
    tx,
    'Service',
    columnsOf(
      creates.map((p) => ({
        id: p.id,
        sourceFeedId: feedId,
        sourceId: p.s.sourceId,
        ...scalar(p),
        createdAt: now,
        updatedAt: now,
        version: 1,
      })),
      {
        id: 'uuid',
        sourceFeedId: 'uuid',
        sourceId: 'text',
        ...LISTING_COLUMNS,
        assurerEmail: 'text',
      },
    ),
  );
  for (const p of updates) {
    await tx.service.update({
      where: { id: p.id },
      data: {
        ...scalar(p),
        sourceMissingSince: null,
        version: { increment: 1 },
        updatedAt: now,
        editedById: null,
        editedFromVersion: null,
      } satisfies Prisma.ServiceUncheckedUpdateInput,
    });
  }
  await writeImportedParts(
    tx,
    [...creates, ...updates],
    updates.map((p) => p.id),
    terms.ids,
    actor?.id ?? null,
    now,
  );
  counts.services.created += creates.length;
  counts.services.updated += updates.length;
}
