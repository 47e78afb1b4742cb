// What the provider's pages show: their listings, and one listing ready for the editor (with any
// change still waiting for a coordinator laid over it, so the group sees what they asked for).
import { subMonths } from 'date-fns';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { mapCentre } from '@/lib/directory/map';
import { PROBLEM_KINDS } from '@/lib/directory/vocab';
import { versionValues } from './apply';
import type { ListingValues, ScheduleValues } from './schema';
import { approximateScheduleValues, keptScheduleValues, scheduleIdentity, type ScheduleSnapshot } from './schedule-slots';
import { FIELD_LABELS, listingValues, loadListing, snapshotOf, type ListingField } from './snapshot';

export type NeedOption = { code: string; name: string };

export async function needOptions(tx: Tx): Promise<NeedOption[]> {
  return tx.taxonomyTerm.findMany({
    where: { parentId: null },
    select: { code: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });
}

export type ProviderListingRow = {
  id: string;
  name: string;
  published: boolean;
  status: string;
  capacityStatus: 'open' | 'waiting_list' | 'full';
  capacitySpaces: number | null;
  lastCheckedAt: Date;
  needsChecking: boolean;
  /** When the group was sent the "Is this still right?" e-mail, if that was after the last check. */
  remindedAt: Date | null;
  waiting: 'new_listing' | 'change' | null;
  openReports: number;
};

/** The last "still right?" e-mail, if it came after the listing was last checked (else it has been answered). */
function remindedSince(remindedAt: Date | null, lastCheckedAt: Date | null): Date | null {
  return remindedAt && (!lastCheckedAt || remindedAt >= lastCheckedAt) ? remindedAt : null;
}

export type ProviderGroup = { id: string; name: string; status: string; listings: ProviderListingRow[] };

/** The groups this person edits, with their listings (coordinators and admins: a group they pick). */
export async function providerListings(
  tx: Tx,
  user: SessionUser,
  now: Date = new Date(),
  organisationId?: string,
): Promise<ProviderGroup[]> {
  const ids = organisationId ? [organisationId] : user.organisationIds;
  const allowed = ids.filter((id) => can(user, 'service.edit', { kind: 'organisation', organisationId: id }));
  if (allowed.length === 0) return [];
  const staleBefore = subMonths(now, config.freshness.warnAfterMonths);
  const orgs = await tx.organisation.findMany({
    where: { id: { in: allowed } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      status: true,
      services: {
        where: { status: { not: 'defunct' } },
        orderBy: { name: 'asc' },
        select: {
          id: true,
          name: true,
          published: true,
          status: true,
          capacityStatus: true,
          capacitySpaces: true,
          assuredAt: true,
          createdAt: true,
          checkRemindedAt: true,
          changeRequests: { where: { status: 'pending' }, select: { kind: true } },
        },
      },
    },
  });
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    status: o.status,
    listings: o.services.map((s) => {
      const lastCheckedAt = s.assuredAt ?? s.createdAt;
      const waiting = s.changeRequests.find((r) => r.kind === 'new_listing')
        ? 'new_listing'
        : s.changeRequests.find((r) => r.kind === 'change')
          ? 'change'
          : null;
      return {
        id: s.id,
        name: s.name,
        published: s.published,
        status: s.status,
        capacityStatus: s.capacityStatus,
        capacitySpaces: s.capacitySpaces,
        lastCheckedAt,
        needsChecking: lastCheckedAt <= staleBefore,
        remindedAt: remindedSince(s.checkRemindedAt, lastCheckedAt),
        waiting,
        openReports: s.changeRequests.filter((r) => r.kind === 'problem_report').length,
      };
    }),
  }));
}

export type EditorData = {
  id: string;
  name: string;
  published: boolean;
  status: string;
  organisationId: string;
  organisationName: string;
  organisationStatus: string;
  version: number;
  lastCheckedAt: Date | null;
  /** When the group was sent the "Is this still right?" e-mail, if that was after the last check. */
  remindedAt: Date | null;
  capacityStatus: 'open' | 'waiting_list' | 'full';
  capacitySpaces: number | null;
  values: ListingValues;
  /** A change of name, description, needs or contact waiting for a coordinator. */
  pending: { id: string; fields: string[]; createdAt: Date } | null;
  awaitingFirstCheck: boolean;
  /** The coordinator's latest message, when they sent something back and nothing newer is waiting. */
  sentBack: { note: string; at: Date } | null;
  reports: Array<{ id: string; problem: string; message: string | null; createdAt: Date }>;
};

/** One listing for the editor; null when it does not exist or this person may not edit it. */
export async function editorData(
  tx: Tx,
  user: SessionUser,
  serviceId: string,
  now: Date = new Date(),
): Promise<EditorData | null> {
  const live = await loadListing(tx, serviceId);
  if (!live || !can(user, 'service.edit', { kind: 'service', organisationId: live.organisationId })) return null;
  const requests = await tx.listingChangeRequest.findMany({ where: { serviceId }, orderBy: { createdAt: 'desc' }, take: 50 });
  const snapshot = snapshotOf(live);
  const pendingChange = requests.find((r) => r.kind === 'change' && r.status === 'pending') ?? null;
  const overlay = pendingChange ? versionValues(pendingChange.proposed) : {};
  const pendingFields = Object.keys(overlay) as ListingField[];
  const newest = requests.find((r) => r.kind !== 'problem_report');
  return {
    id: live.id,
    name: live.name,
    published: live.published,
    status: live.status,
    organisationId: live.organisationId,
    organisationName: live.organisation.name,
    organisationStatus: live.organisation.status,
    version: live.version,
    lastCheckedAt: live.assuredAt,
    remindedAt: remindedSince(live.checkRemindedAt, live.assuredAt ?? live.createdAt),
    capacityStatus: live.capacityStatus,
    capacitySpaces: live.capacitySpaces,
    values: listingValues(live.organisationId, { ...snapshot, ...overlay }, now),
    pending: pendingChange
      ? { id: pendingChange.id, fields: pendingFields.map((f) => FIELD_LABELS[f]), createdAt: pendingChange.createdAt }
      : null,
    awaitingFirstCheck: requests.some((r) => r.kind === 'new_listing' && r.status === 'pending'),
    sentBack:
      newest?.status === 'sent_back' && newest.reviewNote
        ? { note: newest.reviewNote, at: newest.reviewedAt ?? newest.createdAt }
        : null,
    reports: requests
      .filter((r) => r.kind === 'problem_report' && r.status === 'pending')
      .map((r) => {
        const p = (r.proposed ?? {}) as Record<string, unknown>;
        const problem =
          typeof p.problemText === 'string'
            ? p.problemText
            : typeof p.problem === 'string' && p.problem in PROBLEM_KINDS
              ? PROBLEM_KINDS[p.problem as keyof typeof PROBLEM_KINDS]
              : 'Something is wrong';
        return { id: r.id, problem, message: r.message, createdAt: r.createdAt };
      }),
  };
}

/** The groups a person can add a listing to (for the "new listing" page). */
export async function groupsForNewListing(
  tx: Tx,
  user: SessionUser,
  organisationId?: string | null,
): Promise<Array<{ id: string; name: string; status: string }>> {
  if (user.role === 'provider') {
    return tx.organisation.findMany({
      where: { id: { in: user.organisationIds }, status: { not: 'rejected' }, members: { some: { userId: user.id } } },
      select: { id: true, name: true, status: true },
      orderBy: { name: 'asc' },
    });
  }
  if ((user.role === 'coordinator' || user.role === 'admin') && organisationId) {
    const o = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true, status: true } });
    return o && o.status !== 'rejected' ? [o] : [];
  }
  return [];
}

/** What the editor's pin map needs: the configured tiles, and where to look before there is a pin. */
export async function editorMap(tx: Tx): Promise<{ tiles: { url: string; attribution: string }; centre: [number, number] }> {
  return {
    tiles: { url: config.map.tileUrl, attribution: config.map.attribution },
    // The middle of the places already listed; central London when there are none yet.
    centre: (await mapCentre(tx)) ?? [51.5074, -0.1278],
  };
}

/** The listing's schedules as stored, when this person may edit it. */
async function storedSchedules(tx: Tx, user: SessionUser, serviceId: string | null): Promise<ScheduleSnapshot[]> {
  const live = serviceId ? await loadListing(tx, serviceId) : null;
  return live && can(user, 'service.edit', { kind: 'service', organisationId: live.organisationId })
    ? snapshotOf(live).schedules
    : [];
}

/**
 * Fills in what the form shows for each kept schedule (its words and next dates), from the listing
 * as stored: the form posts only which schedule it is. A schedule no longer stored shows as such.
 */
export async function withKeptSchedules(
  tx: Tx,
  user: SessionUser,
  serviceId: string | null,
  values: ListingValues,
  now: Date = new Date(),
): Promise<ListingValues> {
  if (!values.schedules.some((s) => s.kind === 'keep')) return values;
  const stored = await storedSchedules(tx, user, serviceId);
  const schedules = values.schedules.map((s): ScheduleValues => {
    if (s.kind !== 'keep') return s;
    const found = stored.find((x) => scheduleIdentity(x) === s.keep);
    return found ? keptScheduleValues(found, now) : { ...s, kept: null };
  });
  return { ...values, schedules };
}

/**
 * The provider chose to replace a kept schedule: the slot becomes the form's questions, filled in
 * as near as they can get, with the words of what it replaces. Null when it is no longer stored.
 */
export async function replaceKeptSchedule(
  tx: Tx,
  user: SessionUser,
  serviceId: string | null,
  slot: ScheduleValues,
  now: Date = new Date(),
): Promise<ScheduleValues | null> {
  const found = (await storedSchedules(tx, user, serviceId)).find((x) => scheduleIdentity(x) === slot.keep);
  if (!found) return null;
  // The identity stays with the slot, so the person can still change their mind and keep it.
  return { ...approximateScheduleValues(found), keep: slot.keep, replaces: keptScheduleValues(found, now).kept!.text };
}
