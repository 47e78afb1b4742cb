// The coordinator's moderation queue: new listings, changes to name, description, needs or contact,
// changes to a group's own details, and public problem reports, oldest first. Approving applies
// the change (and, for a listing, adds a version); sending back tells the group why; any earlier
// version of a listing can be restored.
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { ChangeRequestKind, ChangeRequestStatus } from '@/lib/db/generated/client';
import { PROBLEM_KINDS } from '@/lib/directory/vocab';
import { applyValues, bumpVersion, lockService, versionValues, writeVersion } from '@/lib/listings/apply';
import { diffRows, type DiffRow } from '@/lib/listings/describe';
import {
  changeApproved,
  changeSentBack,
  listingContacts,
  organisationChangeDecided,
  organisationContacts,
  queue,
} from '@/lib/listings/messages';
import { changedFields } from '@/lib/listings/diff';
import {
  ALL_FIELDS,
  FIELD_LABELS,
  loadListing,
  snapshotOf,
  type ListingField,
  type ListingSnapshot,
} from '@/lib/listings/snapshot';
import { listingUrls } from '@/lib/listings/urls';
import { plainText } from '@/lib/listings/text';
import {
  ORGANISATION_FIELDS,
  ORGANISATION_FIELD_LABELS,
  applyOrganisationValues,
  changedOrganisationFields,
  describeOrganisationValue,
  lockOrganisation,
  organisationDetailsSelect,
  organisationRequestValues,
  type OrganisationDetails,
  type OrganisationField,
} from '@/lib/organisations/details';

export type Reviewer = SessionUser;

export const KIND_LABELS: Record<ChangeRequestKind, string> = {
  new_listing: 'New listing',
  change: 'Change',
  problem_report: 'Problem reported',
  organisation_change: 'Group details',
};

export type QueueItem = {
  id: string;
  kind: ChangeRequestKind;
  createdAt: Date;
  serviceId: string | null;
  serviceName: string;
  organisationName: string;
  organisationPending: boolean;
  /** The fields a change would alter (listing fields, or a group's fields). */
  fields: string[];
  /** The same, in words. */
  fieldLabels: string[];
  summary: string | null;
};

function reportSummary(proposed: Record<string, unknown>, message: string | null): string {
  const what = typeof proposed.problemText === 'string' ? proposed.problemText : null;
  const said = message ? (message.length > 140 ? `${message.slice(0, 140).replace(/\s+\S*$/, '')}…` : message) : null;
  return [what, said].filter(Boolean).join(': ') || 'Something is wrong';
}

const fieldsOf = (json: unknown): ListingField[] =>
  json && typeof json === 'object' && !Array.isArray(json) ? ALL_FIELDS.filter((f) => f in (json as object)) : [];
const organisationFieldsOf = (json: unknown): OrganisationField[] =>
  json && typeof json === 'object' && !Array.isArray(json) ? ORGANISATION_FIELDS.filter((f) => f in (json as object)) : [];

function queueFields(kind: ChangeRequestKind, proposed: unknown): { fields: string[]; fieldLabels: string[] } {
  if (kind === 'change') {
    const fields = fieldsOf(proposed);
    return { fields, fieldLabels: fields.map((f) => FIELD_LABELS[f]) };
  }
  if (kind === 'organisation_change') {
    const fields = organisationFieldsOf(proposed);
    return { fields, fieldLabels: fields.map((f) => ORGANISATION_FIELD_LABELS[f]) };
  }
  return { fields: [], fieldLabels: [] };
}

/** Everything waiting for a coordinator, oldest first. */
export async function moderationQueue(tx: Tx, options: { kind?: ChangeRequestKind; limit?: number } = {}): Promise<QueueItem[]> {
  const rows = await tx.listingChangeRequest.findMany({
    where: { status: 'pending', ...(options.kind ? { kind: options.kind } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: options.limit ?? 200,
    include: {
      service: { select: { id: true, name: true } },
      organisation: { select: { name: true, status: true } },
    },
  });
  return rows.map((r) => {
    const proposed = (r.proposed ?? {}) as Record<string, unknown>;
    return {
      id: r.id,
      kind: r.kind,
      createdAt: r.createdAt,
      serviceId: r.serviceId,
      serviceName:
        r.kind === 'organisation_change'
          ? (r.organisation?.name ?? 'A group')
          : (r.service?.name ?? (typeof proposed.name === 'string' ? proposed.name : 'A listing')),
      organisationName: r.organisation?.name ?? '',
      organisationPending: r.organisation?.status === 'pending',
      ...queueFields(r.kind, r.proposed),
      summary: r.kind === 'problem_report' ? reportSummary(proposed, r.message) : r.message,
    };
  });
}

export async function countPending(tx: Tx): Promise<number> {
  return tx.listingChangeRequest.count({ where: { status: 'pending' } });
}

async function needNames(tx: Tx): Promise<Record<string, string>> {
  const terms = await tx.taxonomyTerm.findMany({ select: { code: true, name: true } });
  return Object.fromEntries(terms.map((t) => [t.code, t.name]));
}

export type ChangeRequestView = {
  id: string;
  kind: ChangeRequestKind;
  status: ChangeRequestStatus;
  createdAt: Date;
  message: string | null;
  reviewNote: string | null;
  reviewedAt: Date | null;
  submittedBy: string | null;
  reporterEmail: string | null;
  problem: string | null;
  service: { id: string; name: string; published: boolean; organisationName: string; organisationStatus: string } | null;
  /** The group whose own details a change of kind organisation_change would alter. */
  organisation: { id: string; name: string; status: string; verified: boolean } | null;
  /** Field by field: the value when the change was asked for (or now, for a new listing: empty) and the value proposed. */
  rows: Array<DiffRow | OrganisationDiffRow>;
  /** Fields that changed in the live listing (or group) since the request was made (approving overwrites them). */
  movedSince: Array<ListingField | OrganisationField>;
  /** The same, in words. */
  movedSinceLabels: string[];
};

export type OrganisationDiffRow = { field: OrganisationField; label: string; before: string; after: string };

function organisationDiffRows(
  before: Partial<OrganisationDetails>,
  after: Partial<OrganisationDetails>,
  fields: readonly OrganisationField[],
): OrganisationDiffRow[] {
  return fields.map((field) => ({
    field,
    label: ORGANISATION_FIELD_LABELS[field],
    before: field in before ? describeOrganisationValue(before[field]) : 'Not given',
    after: describeOrganisationValue(after[field]),
  }));
}

/** One request with its field-by-field difference. */
export async function changeRequestView(tx: Tx, id: string, now: Date = new Date()): Promise<ChangeRequestView | null> {
  const r = await tx.listingChangeRequest.findUnique({
    where: { id },
    include: {
      service: { include: { organisation: { select: { name: true, status: true } } } },
      organisation: { select: { id: true, status: true, verified: true, ...organisationDetailsSelect } },
    },
  });
  if (!r) return null;
  const names = await needNames(tx);
  const submitter = r.submittedById ? await tx.user.findUnique({ where: { id: r.submittedById }, select: { name: true } }) : null;
  const previous = versionValues(r.previous);
  const proposed = versionValues(r.proposed);
  let rows: Array<DiffRow | OrganisationDiffRow> = [];
  let movedSince: Array<ListingField | OrganisationField> = [];
  let movedSinceLabels: string[] = [];
  if (r.kind === 'organisation_change') {
    const before = organisationRequestValues(r.previous);
    const after = organisationRequestValues(r.proposed);
    rows = organisationDiffRows(before, after, organisationFieldsOf(r.proposed));
    if (r.organisation && r.status === 'pending') {
      const moved = changedOrganisationFields(r.organisation, before);
      movedSince = moved;
      movedSinceLabels = moved.map((f) => ORGANISATION_FIELD_LABELS[f]);
    }
  } else if (r.kind === 'change') {
    const fields = fieldsOf(r.proposed);
    rows = diffRows(previous, proposed, fields, names, now);
    if (r.serviceId && r.status === 'pending') {
      const live = await loadListing(tx, r.serviceId);
      if (live) {
        const moved = changedFields(snapshotOf(live), previous);
        movedSince = moved;
        movedSinceLabels = moved.map((f) => FIELD_LABELS[f]);
      }
    }
  } else if (r.kind === 'new_listing') {
    const live = r.serviceId ? await loadListing(tx, r.serviceId) : null;
    // The draft itself is what would be published.
    const shown: Partial<ListingSnapshot> = live ? snapshotOf(live) : proposed;
    rows = diffRows(
      {},
      shown,
      ALL_FIELDS.filter((f) => f in shown),
      names,
      now,
    ).map((row) => ({ ...row, before: '' }));
  }
  const proposedRaw = (r.proposed ?? {}) as Record<string, unknown>;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    createdAt: r.createdAt,
    message: r.message,
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt,
    submittedBy: submitter?.name ?? null,
    reporterEmail: r.reporterEmail,
    problem:
      r.kind === 'problem_report'
        ? typeof proposedRaw.problemText === 'string'
          ? proposedRaw.problemText
          : typeof proposedRaw.problem === 'string' && proposedRaw.problem in PROBLEM_KINDS
            ? PROBLEM_KINDS[proposedRaw.problem as keyof typeof PROBLEM_KINDS]
            : 'Something is wrong'
        : null,
    service: r.service
      ? {
          id: r.service.id,
          name: r.service.name,
          published: r.service.published,
          organisationName: r.service.organisation.name,
          organisationStatus: r.service.organisation.status,
        }
      : null,
    organisation:
      r.kind === 'organisation_change' && r.organisation
        ? { id: r.organisation.id, name: r.organisation.name, status: r.organisation.status, verified: r.organisation.verified }
        : null,
    rows,
    movedSince,
    movedSinceLabels,
  };
}

/** The listing a change request is about (null for an organisation's request or an unknown id). */
export async function changeRequestServiceId(tx: Tx, id: string): Promise<string | null> {
  const request = await tx.listingChangeRequest.findUnique({ where: { id }, select: { serviceId: true } });
  return request?.serviceId ?? null;
}

export type DecisionResult =
  { ok: true; version?: number } | { ok: false; reason: 'not_found' | 'already_decided' | 'wrong_kind' | 'group_not_approved' };

/** Takes the request if it is still pending (a second coordinator deciding at the same time gets already_decided). */
async function claim(tx: Tx, id: string, status: ChangeRequestStatus, reviewer: Reviewer, note: string | null, now: Date) {
  const rows = await tx.listingChangeRequest.updateManyAndReturn({
    where: { id, status: 'pending' },
    data: { status, reviewedById: reviewer.id, reviewedAt: now, reviewNote: note },
  });
  return rows[0] ?? null;
}

async function exists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.listingChangeRequest.count({ where: { id } })) > 0;
}

// The form refuses a note over its limit with a message; it is never cut here.
const cleanNote = (note: string | null | undefined) => {
  const t = plainText(note ?? '');
  return t === '' ? null : t;
};

async function groupApproved(tx: Tx, serviceId: string): Promise<boolean> {
  const s = await tx.service.findUnique({ where: { id: serviceId }, select: { organisation: { select: { status: true } } } });
  return s?.organisation.status === 'approved';
}

/** Approves a new listing (publishes it) or a change (applies it); both add a version. */
export async function approveChange(
  tx: Tx,
  reviewer: Reviewer,
  id: string,
  note?: string | null,
  now: Date = new Date(),
): Promise<DecisionResult> {
  assertCan(reviewer, 'moderation.review');
  const peek = await tx.listingChangeRequest.findUnique({
    where: { id },
    select: { kind: true, serviceId: true, organisationId: true },
  });
  if (!peek) return { ok: false, reason: 'not_found' };
  if (peek.kind === 'organisation_change') return approveOrganisationChange(tx, reviewer, id, peek.organisationId, note, now);
  if (peek.kind === 'problem_report' || !peek.serviceId) return { ok: false, reason: 'wrong_kind' };
  // Lock the listing first, as the editor does, so an approval and a save queue up rather than interleave.
  if (!(await lockService(tx, peek.serviceId))) return { ok: false, reason: 'not_found' };
  // A listing goes public only once a coordinator has approved (and so checked) the group that runs it.
  if (peek.kind === 'new_listing' && !(await groupApproved(tx, peek.serviceId)))
    return { ok: false, reason: 'group_not_approved' };
  const r = await claim(tx, id, 'approved', reviewer, cleanNote(note), now);
  if (!r) return { ok: false, reason: (await exists(tx, id)) ? 'already_decided' : 'not_found' };
  const serviceId = peek.serviceId;
  const live = await loadListing(tx, serviceId);
  if (!live) return { ok: false, reason: 'not_found' };

  if (r.kind === 'new_listing') {
    await tx.service.update({ where: { id: serviceId }, data: { published: true } });
  } else {
    const proposed = versionValues(r.proposed);
    // Needs that have left the taxonomy since cannot be applied; the rest of the change still is.
    if (proposed.needs) {
      const known = await tx.taxonomyTerm.findMany({ where: { code: { in: proposed.needs } }, select: { code: true } });
      proposed.needs = proposed.needs.filter((c) => known.some((k) => k.code === c));
    }
    await applyValues(tx, serviceId, snapshotOf(live), proposed);
  }
  const version = await bumpVersion(tx, serviceId, now, reviewer.id);
  await writeVersion(tx, serviceId, r.submittedById ?? reviewer.id, now, 'approved', {
    approvedById: reviewer.id,
    changeRequestId: r.id,
  });
  await recordAudit(tx, {
    actor: reviewer,
    action: 'moderation.approved',
    entityType: 'listing_change_request',
    entityId: r.id,
    detail: { kind: r.kind, serviceId },
    at: now,
  });

  const name = (await tx.service.findUniqueOrThrow({ where: { id: serviceId }, select: { name: true } })).name;
  const message = changeApproved({
    serviceName: name,
    kind: r.kind === 'new_listing' ? 'new_listing' : 'change',
    publicUrl: listingUrls.publicPage(serviceId),
    note: r.reviewNote,
  });
  for (const to of await listingContacts(tx, serviceId, r.submittedById))
    await queue(tx, to, message, { serviceId, changeRequestId: r.id }, now);
  return { ok: true, version };
}

/** Applies a waiting change to a group's own details and tells the person who asked (or the members). */
async function approveOrganisationChange(
  tx: Tx,
  reviewer: Reviewer,
  id: string,
  organisationId: string | null,
  note: string | null | undefined,
  now: Date,
): Promise<DecisionResult> {
  if (!organisationId) return { ok: false, reason: 'not_found' };
  // Lock the group first, as its editor does, so an approval and a save queue up rather than interleave.
  if (!(await lockOrganisation(tx, organisationId))) return { ok: false, reason: 'not_found' };
  const r = await claim(tx, id, 'approved', reviewer, cleanNote(note), now);
  if (!r) return { ok: false, reason: (await exists(tx, id)) ? 'already_decided' : 'not_found' };
  const proposed = organisationRequestValues(r.proposed);
  const version = await applyOrganisationValues(tx, organisationId, proposed);
  await recordAudit(tx, {
    actor: reviewer,
    action: 'moderation.approved',
    entityType: 'listing_change_request',
    entityId: r.id,
    detail: { kind: r.kind, organisationId, fields: organisationFieldsOf(r.proposed) },
    at: now,
  });
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
  const message = organisationChangeDecided({
    organisationName: org.name,
    approved: true,
    note: r.reviewNote,
    url: listingUrls.organisation(),
  });
  for (const to of await organisationContacts(tx, organisationId, r.submittedById))
    await queue(tx, to, message, { organisationId, changeRequestId: r.id }, now);
  return { ok: true, version };
}

/** Sends a new listing or a change back to the group with a message; nothing is published. */
export async function sendBack(
  tx: Tx,
  reviewer: Reviewer,
  id: string,
  message: string,
  now: Date = new Date(),
): Promise<DecisionResult> {
  assertCan(reviewer, 'moderation.review');
  const text = cleanNote(message);
  if (!text) throw new Error('sendBack needs a message');
  const peek = await tx.listingChangeRequest.findUnique({ where: { id }, select: { kind: true } });
  if (!peek) return { ok: false, reason: 'not_found' };
  if (peek.kind === 'problem_report') return { ok: false, reason: 'wrong_kind' };
  const r = await claim(tx, id, 'sent_back', reviewer, text, now);
  if (!r) return { ok: false, reason: 'already_decided' };
  await recordAudit(tx, {
    actor: reviewer,
    action: 'moderation.sent_back',
    entityType: 'listing_change_request',
    entityId: r.id,
    detail: { kind: r.kind, serviceId: r.serviceId, organisationId: r.organisationId },
    at: now,
  });
  if (r.kind === 'organisation_change' && r.organisationId) {
    const org = await tx.organisation.findUnique({ where: { id: r.organisationId }, select: { name: true } });
    const m = organisationChangeDecided({
      organisationName: org?.name ?? 'your group',
      approved: false,
      note: text,
      url: listingUrls.organisation(),
    });
    for (const to of await organisationContacts(tx, r.organisationId, r.submittedById))
      await queue(tx, to, m, { organisationId: r.organisationId, changeRequestId: r.id }, now);
  } else if (r.serviceId) {
    const s = await tx.service.findUnique({ where: { id: r.serviceId }, select: { name: true } });
    const m = changeSentBack({
      serviceName: s?.name ?? 'your listing',
      kind: r.kind as 'new_listing' | 'change',
      message: text,
      editUrl: listingUrls.editor(r.serviceId),
    });
    for (const to of await listingContacts(tx, r.serviceId, r.submittedById))
      await queue(tx, to, m, { serviceId: r.serviceId, changeRequestId: r.id }, now);
  }
  return { ok: true };
}

/** Closes a problem report once it has been dealt with (the note says how). */
export async function closeReport(
  tx: Tx,
  reviewer: Reviewer,
  id: string,
  note: string | null,
  now: Date = new Date(),
): Promise<DecisionResult> {
  assertCan(reviewer, 'moderation.review');
  const peek = await tx.listingChangeRequest.findUnique({ where: { id }, select: { kind: true } });
  if (!peek) return { ok: false, reason: 'not_found' };
  if (peek.kind !== 'problem_report') return { ok: false, reason: 'wrong_kind' };
  const r = await claim(tx, id, 'closed', reviewer, cleanNote(note), now);
  if (!r) return { ok: false, reason: 'already_decided' };
  await recordAudit(tx, {
    actor: reviewer,
    action: 'moderation.report_closed',
    entityType: 'listing_change_request',
    entityId: r.id,
    detail: { serviceId: r.serviceId },
    at: now,
  });
  return { ok: true };
}

export type VersionEntry = { number: number; createdAt: Date; by: string | null; reason: string | null; fields: ListingField[] };

/** The listing's history, newest first, with the fields each version changed from the one before. */
export async function listingHistory(tx: Tx, serviceId: string): Promise<VersionEntry[]> {
  const versions = await tx.serviceVersion.findMany({ where: { serviceId }, orderBy: { number: 'asc' } });
  const userIds = [...new Set(versions.map((v) => v.createdById).filter((x): x is string => Boolean(x)))];
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const out: VersionEntry[] = [];
  let prev: Partial<ListingSnapshot> = {};
  for (const v of versions) {
    const values = versionValues(v.snapshot);
    const snap = v.snapshot as Record<string, unknown>;
    out.push({
      number: v.number,
      createdAt: v.createdAt,
      by: users.find((u) => u.id === v.createdById)?.name ?? null,
      reason: typeof snap?.reason === 'string' ? snap.reason : null,
      fields: out.length === 0 ? [] : changedFields(prev, values),
    });
    prev = { ...prev, ...values };
  }
  return out.reverse();
}

/** One version against the listing as it is now. */
export async function versionDiff(tx: Tx, serviceId: string, number: number, now: Date = new Date()) {
  const v = await tx.serviceVersion.findUnique({ where: { serviceId_number: { serviceId, number } } });
  const live = await loadListing(tx, serviceId);
  if (!v || !live) return null;
  const values = versionValues(v.snapshot);
  const current = snapshotOf(live);
  const fields = changedFields(current, values);
  return {
    number: v.number,
    createdAt: v.createdAt,
    rows: diffRows(current, values, fields, await needNames(tx), now),
    serviceName: live.name,
    version: live.version,
  };
}

export type RestoreResult =
  { ok: true; version: number; number: number; fields: ListingField[] } | { ok: false; reason: 'not_found' | 'no_change' };

/** Makes the listing as it was at an earlier version (the fields that version holds); adds a new version. */
export async function restoreVersion(
  tx: Tx,
  reviewer: Reviewer,
  serviceId: string,
  number: number,
  now: Date = new Date(),
): Promise<RestoreResult> {
  assertCan(reviewer, 'moderation.review');
  if (!(await lockService(tx, serviceId))) return { ok: false, reason: 'not_found' };
  const v = await tx.serviceVersion.findUnique({ where: { serviceId_number: { serviceId, number } } });
  const live = await loadListing(tx, serviceId);
  if (!v || !live) return { ok: false, reason: 'not_found' };
  const values = versionValues(v.snapshot);
  if (values.needs) {
    const known = await tx.taxonomyTerm.findMany({ where: { code: { in: values.needs } }, select: { code: true } });
    values.needs = values.needs.filter((c) => known.some((k) => k.code === c));
  }
  const fields = await applyValues(tx, serviceId, snapshotOf(live), values);
  if (fields.length === 0) return { ok: false, reason: 'no_change' };
  const version = await bumpVersion(tx, serviceId, now, reviewer.id);
  const written = await writeVersion(tx, serviceId, reviewer.id, now, 'restored', { restoredFrom: number, fields });
  await recordAudit(tx, {
    actor: reviewer,
    action: 'listing.restored',
    entityType: 'service',
    entityId: serviceId,
    detail: { fromVersion: number, toVersion: written.number, fields },
    at: now,
  });
  return { ok: true, version, number: written.number, fields };
}

export type RecentDecision = {
  id: string;
  kind: ChangeRequestKind;
  status: ChangeRequestStatus;
  serviceName: string;
  reviewedAt: Date | null;
};

/** The latest decisions, for the queue page's "recently decided" list. */
export async function recentDecisions(tx: Tx, limit = 10): Promise<RecentDecision[]> {
  const rows = await tx.listingChangeRequest.findMany({
    where: { status: { not: 'pending' }, reviewedAt: { not: null } },
    orderBy: { reviewedAt: 'desc' },
    take: limit,
    include: { service: { select: { name: true } }, organisation: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    serviceName: (r.kind === 'organisation_change' ? r.organisation?.name : r.service?.name) ?? '',
    reviewedAt: r.reviewedAt,
  }));
}
