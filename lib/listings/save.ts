// Saving a listing from the editor. Changes to the name, description, needs or contact details wait
// for a coordinator (a ListingChangeRequest holding each field's value before and after); other
// changes publish at once and are kept as a new version. A save based on an older version than the
// one stored is refused as a conflict, so two editors never overwrite each other unseen.
import { recordAudit } from '@/lib/audit/record';
import { assertCan, can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { geocoderFor, type Geocoder } from '@/lib/geo/geocoder';
import { applyValues, bumpVersion, lockService, onlyOwnVersionsSince, termIdsFor, UnknownNeeds, writeVersion } from './apply';
import type { FieldErrors, ListingInput } from './schema';
import { changedFields, pick } from './diff';
import { owningFeed } from './ownership';
import { KeptScheduleMissing } from './schedule-slots';
import {
  MODERATED_FIELDS,
  loadListing,
  locationFromInput,
  snapshotFromInput,
  snapshotOf,
  type ListingField,
  type ListingSnapshot,
  type LocationSnapshot,
} from './snapshot';

export type Editor = SessionUser;

export type SaveResult =
  | {
      ok: true;
      serviceId: string;
      version: number;
      created: boolean;
      /** Fields now live. */
      published: ListingField[];
      /** Fields waiting for a coordinator. */
      pending: ListingField[];
      /** The listing as a whole waits for a coordinator (a new listing, or a new group's). */
      awaitingApproval: boolean;
      /** Kept as a draft: not published, not sent for checking. */
      drafted: boolean;
      /** The listing went public with this save (a coordinator's new listing or draft). */
      wentLive: boolean;
      changeRequestId: string | null;
    }
  | { ok: false; reason: 'conflict'; currentVersion: number; current: ListingSnapshot; differs: ListingField[] }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'feed_owned'; feed: string }
  | { ok: false; reason: 'invalid'; errors: FieldErrors };

export type SaveOptions = {
  geocoder?: Geocoder;
  /** The person left the space as the form showed it: keep what is stored (a one-tap change since stays). */
  keepStoredCapacity?: boolean;
  /** Save a new or unpublished listing to finish later: nothing is published or sent for checking. */
  draft?: boolean;
};

export const DRAFT_TOO_LATE = 'This listing has been sent for checking or published, so it cannot be saved as a draft';

export const KEPT_MISSING =
  'This time has changed since you opened the form. Remove it, or open the listing again to see it as it is now';

/** Coordinators and admins publish directly; a group's own people go through moderation. */
export function publishesDirectly(user: Pick<SessionUser, 'role'>): boolean {
  return user.role === 'coordinator' || user.role === 'admin';
}

/** The place as typed, with coordinates from the postcode when none were given. */
async function resolveLocation(tx: Tx, input: ListingInput, geocoder: Geocoder): Promise<LocationSnapshot | null> {
  const l = input.location;
  if (!l) return null;
  let { latitude, longitude } = l;
  if ((latitude === null || longitude === null) && l.postcode) {
    const hit = await geocoder.postcode(l.postcode);
    if (hit) ({ latitude, longitude } = hit);
  }
  return locationFromInput(l, latitude, longitude);
}

async function pendingRequest(tx: Tx, serviceId: string, kind: 'new_listing' | 'change') {
  return tx.listingChangeRequest.findFirst({ where: { serviceId, kind, status: 'pending' }, orderBy: { createdAt: 'desc' } });
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * Creates (expectedVersion null, no serviceId) or updates a listing. Throws Forbidden when the user
 * may not edit the organisation's listings.
 */
export async function saveListing(
  tx: Tx,
  user: Editor,
  input: ListingInput & { serviceId?: string | null },
  expectedVersion: number | null,
  now: Date = new Date(),
  options: SaveOptions = {},
): Promise<SaveResult> {
  const geocoder = options.geocoder ?? geocoderFor(tx);
  try {
    await termIdsFor(tx, input.needs);
  } catch (error) {
    if (error instanceof UnknownNeeds) return { ok: false, reason: 'invalid', errors: { needs: ['Choose from the list'] } };
    throw error;
  }
  if (!input.serviceId) return createListing(tx, user, input, now, geocoder, options.draft ?? false);

  const locked = await lockService(tx, input.serviceId);
  if (!locked) return { ok: false, reason: 'not_found' };
  const current = await loadListing(tx, input.serviceId);
  if (!current) return { ok: false, reason: 'not_found' };
  assertCan(user, 'service.edit', { kind: 'service', organisationId: current.organisationId });
  const feed = await owningFeed(tx, current.id);
  if (feed) return { ok: false, reason: 'feed_owned', feed };

  const before = snapshotOf(current);
  // Newer than the form, but only by this person's own changes: not a conflict.
  const stale = locked.version !== expectedVersion && !onlyOwnVersionsSince(locked, user.id, expectedVersion);
  const location = await resolveLocation(tx, input, geocoder);
  // The editor edits the first place; any others the listing has are kept as they are.
  const proposedLocations = location
    ? [{ ...location, id: before.locations[0]?.id }, ...before.locations.slice(1)]
    : before.locations.slice(1);
  let fromForm: ListingSnapshot;
  try {
    // Schedules the form cannot show come back as "keep": they are taken from the listing as stored, unchanged.
    fromForm = snapshotFromInput(input, null, now, before.schedules);
  } catch (error) {
    if (!(error instanceof KeptScheduleMissing)) throw error;
    if (stale) {
      const known = { ...input, schedules: input.schedules.filter((x) => x.kind !== 'keep') };
      const partial = { ...snapshotFromInput(known, null, now), locations: proposedLocations };
      return {
        ok: false,
        reason: 'conflict',
        currentVersion: locked.version,
        current: before,
        differs: changedFields(before, partial),
      };
    }
    return { ok: false, reason: 'invalid', errors: { [`schedules-${error.slot}-kind`]: [KEPT_MISSING] } };
  }
  const proposed: ListingSnapshot = { ...fromForm, locations: proposedLocations };
  // A status of "closed for good" is only set by a coordinator; the editor keeps it.
  if (before.status === 'defunct' && proposed.status === 'inactive') proposed.status = 'defunct';
  if (options.keepStoredCapacity) {
    proposed.capacityStatus = before.capacityStatus;
    proposed.capacitySpaces = before.capacitySpaces;
  }

  if (stale) {
    return {
      ok: false,
      reason: 'conflict',
      currentVersion: locked.version,
      current: before,
      differs: changedFields(before, proposed),
    };
  }

  const changed = changedFields(before, proposed);
  const direct = publishesDirectly(user);
  const unpublished = !current.published;
  const newGroup = current.organisation.status !== 'approved';
  // Sent for its first check and waiting: it can no longer go back to being a draft.
  const firstCheck = unpublished ? await pendingRequest(tx, current.id, 'new_listing') : null;
  if (options.draft && (!unpublished || firstCheck)) return { ok: false, reason: 'invalid', errors: { name: [DRAFT_TOO_LATE] } };

  let published: ListingField[] = [];
  let pending: ListingField[] = [];
  let changeRequestId: string | null = null;
  let touched = false;
  let awaitingApproval = false;
  let firstPublished = false;

  if (unpublished && options.draft) {
    // A draft: it changes, and nothing is published or sent.
    published = await applyValues(tx, current.id, before, proposed);
    touched = published.length > 0;
  } else if (unpublished && direct && !newGroup && !firstCheck) {
    // A coordinator's own draft (or one sent back): published now.
    published = await applyValues(tx, current.id, before, proposed);
    await tx.service.update({ where: { id: current.id }, data: { published: true } });
    firstPublished = true;
    touched = true;
  } else if (unpublished && (!direct || newGroup)) {
    // Not public yet: the draft itself changes, and the request for its first check shows it as it is now.
    published = await applyValues(tx, current.id, before, proposed);
    awaitingApproval = true;
    const open = firstCheck;
    if (open) {
      await tx.listingChangeRequest.update({
        where: { id: open.id },
        data: { proposed: json(proposed), submittedById: user.id },
      });
      changeRequestId = open.id;
    } else {
      changeRequestId = (
        await tx.listingChangeRequest.create({
          data: {
            kind: 'new_listing',
            serviceId: current.id,
            organisationId: current.organisationId,
            previous: {},
            proposed: json(proposed),
            submittedById: user.id,
            createdAt: now,
          },
          select: { id: true },
        })
      ).id;
    }
    touched = published.length > 0 || !open;
  } else {
    const moderated: readonly ListingField[] = direct ? [] : newGroup ? changed : MODERATED_FIELDS;
    const waiting = changed.filter((f) => moderated.includes(f));
    const live = changed.filter((f) => !moderated.includes(f));
    if (live.length) published = await applyValues(tx, current.id, before, pick(proposed, live));

    // The form started from any change still waiting, so this save's differences replace it.
    const open = await pendingRequest(tx, current.id, 'change');
    if (open) {
      await tx.listingChangeRequest.update({
        where: { id: open.id },
        data: {
          status: 'closed',
          reviewedAt: now,
          reviewNote: waiting.length ? 'Replaced by a later change from the group.' : 'Withdrawn by the group.',
        },
      });
      touched = true;
    }
    if (waiting.length) {
      changeRequestId = (
        await tx.listingChangeRequest.create({
          data: {
            kind: 'change',
            serviceId: current.id,
            organisationId: current.organisationId,
            previous: json(pick(before, waiting)),
            proposed: json(pick(proposed, waiting)),
            submittedById: user.id,
            createdAt: now,
          },
          select: { id: true },
        })
      ).id;
      pending = waiting;
      touched = true;
    }
  }

  let version = locked.version;
  if (published.length || touched) version = await bumpVersion(tx, current.id, now, user.id);
  if (published.length && current.published) await writeVersion(tx, current.id, user.id, now, 'edited', { fields: published });
  if (firstPublished) await writeVersion(tx, current.id, user.id, now, 'created');
  // Saving the listing is checking it: the group has looked at every field.
  if (!direct) {
    await tx.service.update({
      where: { id: current.id },
      data: { assuredAt: now, assuredById: user.id, assurerEmail: user.email },
    });
  }
  await recordAudit(tx, {
    actor: user,
    action: 'listing.saved',
    entityType: 'service',
    entityId: current.id,
    detail: { fieldsPublished: published, fieldsWaiting: pending, version, ...(options.draft ? { draft: true } : {}) },
    at: now,
  });
  return {
    ok: true,
    serviceId: current.id,
    version,
    created: false,
    published,
    pending,
    awaitingApproval,
    drafted: unpublished && Boolean(options.draft),
    wentLive: firstPublished,
    changeRequestId,
  };
}

async function createListing(
  tx: Tx,
  user: Editor,
  input: ListingInput,
  now: Date,
  geocoder: Geocoder,
  draft: boolean,
): Promise<SaveResult> {
  assertCan(user, 'service.edit', { kind: 'organisation', organisationId: input.organisationId });
  const organisation = await tx.organisation.findUnique({
    where: { id: input.organisationId },
    select: { id: true, status: true },
  });
  if (!organisation || organisation.status === 'rejected')
    return { ok: false, reason: 'invalid', errors: { organisationId: ['Choose the group that runs it'] } };
  // A coordinator publishes at once, but only for an approved group: a new group's listing waits in
  // the queue with the group, whoever wrote it.
  const direct = publishesDirectly(user) && organisation.status === 'approved' && !draft;
  const location = await resolveLocation(tx, input, geocoder);
  const kept = input.schedules.find((x) => x.kind === 'keep');
  // A new listing has no stored schedules to keep.
  if (kept?.kind === 'keep') return { ok: false, reason: 'invalid', errors: { [`schedules-${kept.slot}-kind`]: [KEPT_MISSING] } };
  const proposed = snapshotFromInput(input, location, now);

  const service = await tx.service.create({
    data: {
      organisationId: organisation.id,
      name: proposed.name,
      description: proposed.description,
      published: direct,
      createdAt: now,
      updatedAt: now,
      assuredAt: now,
      assuredById: user.id,
      assurerEmail: user.email,
    },
    select: { id: true },
  });
  const blank = snapshotOf((await loadListing(tx, service.id))!);
  await applyValues(tx, service.id, blank, proposed);

  let changeRequestId: string | null = null;
  if (direct) {
    await writeVersion(tx, service.id, user.id, now, 'created');
  } else if (!draft) {
    changeRequestId = (
      await tx.listingChangeRequest.create({
        data: {
          kind: 'new_listing',
          serviceId: service.id,
          organisationId: organisation.id,
          previous: {},
          proposed: json(proposed),
          submittedById: user.id,
          createdAt: now,
        },
        select: { id: true },
      })
    ).id;
  }
  await recordAudit(tx, {
    actor: user,
    action: 'listing.created',
    entityType: 'service',
    entityId: service.id,
    detail: { published: direct, ...(draft ? { draft: true } : {}) },
    at: now,
  });
  return {
    ok: true,
    serviceId: service.id,
    version: 1,
    created: true,
    published: direct ? changedFields(blank, proposed) : [],
    pending: [],
    awaitingApproval: !direct && !draft,
    drafted: draft,
    wentLive: direct,
    changeRequestId,
  };
}

export type CapacityResult =
  { ok: true; version: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'feed_owned'; feed: string };

/**
 * The one-tap capacity change: open, waiting list or full, with spaces left when open. It sets
 * one field to the value the person chose, so it does not need the editor's version check.
 */
export async function setCapacity(
  tx: Tx,
  user: SessionUser,
  serviceId: string,
  status: 'open' | 'waiting_list' | 'full',
  spaces: number | null,
  now: Date = new Date(),
): Promise<CapacityResult> {
  const locked = await lockService(tx, serviceId);
  if (!locked) return { ok: false, reason: 'not_found' };
  const service = await tx.service.findUniqueOrThrow({
    where: { id: serviceId },
    select: { organisationId: true, published: true, capacityStatus: true, capacitySpaces: true },
  });
  assertCan(user, 'service.edit', { kind: 'service', organisationId: service.organisationId });
  const feed = await owningFeed(tx, serviceId);
  if (feed) return { ok: false, reason: 'feed_owned', feed };
  const capacitySpaces = status === 'full' ? null : spaces;
  if (service.capacityStatus === status && service.capacitySpaces === capacitySpaces)
    return { ok: true, version: locked.version };
  await tx.service.update({ where: { id: serviceId }, data: { capacityStatus: status, capacitySpaces } });
  const version = await bumpVersion(tx, serviceId, now, user.id);
  if (service.published)
    await writeVersion(tx, serviceId, user.id, now, 'capacity', { fields: ['capacityStatus', 'capacitySpaces'] });
  await recordAudit(tx, {
    actor: user,
    action: 'listing.capacity_set',
    entityType: 'service',
    entityId: serviceId,
    detail: { capacityStatus: status, spaces: capacitySpaces },
    at: now,
  });
  return { ok: true, version };
}

/** May this user open the editor for this organisation's listings? */
export function canEditOrganisation(user: SessionUser | null, organisationId: string): boolean {
  return can(user, 'service.edit', { kind: 'organisation', organisationId });
}
