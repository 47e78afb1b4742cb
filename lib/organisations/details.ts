// A group edits its own details. Changes to what the public reads about the group (its name,
// description and contact details) wait for a coordinator, as a field-by-field change request in
// the same queue as listing changes; the charity and company numbers change at once. Every save
// carries the version the form was loaded with, so two members editing at once get a conflict
// instead of overwriting each other.
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { characterErrors, issuesToErrors, lengthLimit, type FieldErrors } from '@/lib/forms';
import { normalisePhone, normaliseUrl, plainLine, plainText } from '@/lib/listings/text';

export const ORGANISATION_FIELDS = [
  'name',
  'description',
  'email',
  'phone',
  'website',
  'charityNumber',
  'companyNumber',
] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

/** Changes to these wait for a coordinator (when a coordinator has already approved the group). */
export const MODERATED_ORGANISATION_FIELDS = [
  'name',
  'description',
  'email',
  'phone',
  'website',
] as const satisfies readonly OrganisationField[];

export const ORGANISATION_FIELD_LABELS: Record<OrganisationField, string> = {
  name: 'Name of the group',
  description: 'About the group',
  email: 'Email address',
  phone: 'Phone number',
  website: 'Website',
  charityNumber: 'Charity number',
  companyNumber: 'Company number',
};

export type OrganisationDetails = {
  name: string;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  charityNumber: string | null;
  companyNumber: string | null;
};

/** The form's values as typed, kept so a form with errors comes back as the person left it. */
export type OrganisationValues = Record<OrganisationField, string>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const orNull = (s: string) => (s === '' ? null : s);

export const organisationInput = z
  .object({
    name: z.preprocess(
      (v) => plainLine(str(v)),
      z.string().min(1, 'Enter the name of your group').superRefine(lengthLimit('The name', 120)),
    ),
    description: z.preprocess((v) => plainText(str(v)), z.string().superRefine(lengthLimit('The description', 1000))),
    email: z.preprocess(
      (v) => plainLine(str(v)).toLowerCase(),
      z.union([
        z.literal(''),
        z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).max(254),
      ]),
    ),
    phone: z.preprocess((v) => str(v).trim(), z.string()),
    website: z.preprocess((v) => str(v).trim(), z.string()),
    charityNumber: z.preprocess(
      (v) => plainLine(str(v)).replace(/\s/g, ''),
      z.string().regex(/^(\d{6,8}(-\d{1,2})?)?$/, 'Enter a charity number like 1234567, or leave it blank'),
    ),
    companyNumber: z.preprocess(
      (v) => plainLine(str(v)).replace(/\s/g, '').toUpperCase(),
      z.string().regex(/^([A-Z0-9]{8})?$/, 'Enter a company number of 8 characters, like 01234567, or leave it blank'),
    ),
  })
  .superRefine(
    (s, ctx) => {
      // Runs even when another field failed, so every problem shows at once.
      if (typeof s.website === 'string' && s.website !== '' && !normaliseUrl(s.website)) {
        ctx.addIssue({ code: 'custom', path: ['website'], message: 'Enter a web address, like www.example.org' });
      }
      if (typeof s.phone === 'string' && s.phone !== '' && !normalisePhone(s.phone)) {
        ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a UK phone number, like 01632 960 123' });
      }
    },
    { when: () => true },
  )
  .transform((s): OrganisationDetails => ({
    name: s.name,
    description: s.description,
    email: orNull(s.email),
    phone: s.phone === '' ? null : normalisePhone(s.phone),
    website: s.website === '' ? null : normaliseUrl(s.website),
    charityNumber: orNull(s.charityNumber),
    companyNumber: orNull(s.companyNumber),
  }));

export type ParsedOrganisation = { ok: true; data: OrganisationDetails } | { ok: false; fieldErrors: FieldErrors };

export function parseOrganisation(values: OrganisationValues): ParsedOrganisation {
  const parsed = organisationInput.safeParse(values);
  const characters = characterErrors(values, ['description']);
  if (parsed.success && Object.keys(characters).length === 0) return { ok: true, data: parsed.data };
  return {
    ok: false,
    fieldErrors: { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues).fieldErrors), ...characters },
  };
}

export function organisationValuesFromForm(form: FormData): OrganisationValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  return Object.fromEntries(ORGANISATION_FIELDS.map((f) => [f, text(f)])) as OrganisationValues;
}

export function organisationValues(d: OrganisationDetails): OrganisationValues {
  return Object.fromEntries(ORGANISATION_FIELDS.map((f) => [f, d[f] ?? ''])) as OrganisationValues;
}

/** The columns an organisation's details are read from (also by moderation's before and after). */
export const organisationDetailsSelect = {
  name: true,
  description: true,
  email: true,
  phone: true,
  website: true,
  charityNumber: true,
  companyNumber: true,
} as const;

function detailsOf(row: Record<OrganisationField, string | null>): OrganisationDetails {
  return {
    name: row.name ?? '',
    description: row.description ?? '',
    email: row.email,
    phone: row.phone,
    website: row.website,
    charityNumber: row.charityNumber,
    companyNumber: row.companyNumber,
  };
}

/** A value as the form would store it, so that a stored value in another spelling does not count as a change. */
function comparable(field: OrganisationField, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field === 'website') return normaliseUrl(value) ?? value;
  if (field === 'phone') return normalisePhone(value) ?? value;
  if (field === 'email') return value.trim().toLowerCase();
  return value;
}

export function changedOrganisationFields(
  before: Partial<OrganisationDetails>,
  after: Partial<OrganisationDetails>,
): OrganisationField[] {
  return ORGANISATION_FIELDS.filter((f) => f in after && comparable(f, before[f]) !== comparable(f, after[f]));
}

export function pickOrganisation(
  d: Partial<OrganisationDetails>,
  fields: readonly OrganisationField[],
): Partial<OrganisationDetails> {
  const out: Partial<OrganisationDetails> = {};
  for (const f of fields) if (f in d) (out as Record<string, unknown>)[f] = d[f];
  return out;
}

/** A stored request's values, keeping only the fields a group's details have. */
export function organisationRequestValues(json: unknown): Partial<OrganisationDetails> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const out: Partial<OrganisationDetails> = {};
  for (const f of ORGANISATION_FIELDS) {
    if (!(f in json)) continue;
    const v = (json as Record<string, unknown>)[f];
    if (typeof v === 'string' || v === null)
      (out as Record<string, unknown>)[f] = f === 'name' || f === 'description' ? (v ?? '') : v;
  }
  return out;
}

export function describeOrganisationValue(value: string | null | undefined): string {
  return value === undefined ? 'Not recorded' : value === null || value === '' ? 'Not given' : value;
}

/** Locks the organisation's row for the rest of the transaction. */
export async function lockOrganisation(
  tx: Tx,
  organisationId: string,
): Promise<{ id: string; version: number; status: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; version: number; status: string }[]>`
    SELECT id, version, status::text AS status FROM "Organisation" WHERE id = ${organisationId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Writes these fields to the organisation and moves its version on; returns the new version. */
export async function applyOrganisationValues(
  tx: Tx,
  organisationId: string,
  values: Partial<OrganisationDetails>,
): Promise<number> {
  const data: Prisma.OrganisationUpdateInput = { version: { increment: 1 } };
  for (const f of ORGANISATION_FIELDS)
    if (f in values)
      (data as Record<string, unknown>)[f] = f === 'name' || f === 'description' ? (values[f] ?? '') : (values[f] ?? null);
  const row = await tx.organisation.update({ where: { id: organisationId }, data, select: { version: true } });
  return row.version;
}

async function pendingOrganisationRequest(tx: Tx, organisationId: string) {
  return tx.listingChangeRequest.findFirst({
    where: { organisationId, kind: 'organisation_change', status: 'pending' },
    orderBy: { createdAt: 'desc' },
  });
}

export type OrganisationEditor = {
  id: string;
  name: string;
  status: string;
  verified: boolean;
  version: number;
  /** What the form starts from: the live details with any change still waiting laid over them. */
  values: OrganisationValues;
  pending: { id: string; fields: OrganisationField[]; createdAt: Date } | null;
  /** The coordinator's latest message when they sent a change back and nothing newer is waiting. */
  sentBack: { note: string; at: Date } | null;
};

/** One group's details for its editor; null unless this person may edit the group. */
export async function organisationEditor(tx: Tx, user: SessionUser, organisationId: string): Promise<OrganisationEditor | null> {
  const org = await tx.organisation.findUnique({
    where: { id: organisationId },
    select: { ...organisationDetailsSelect, id: true, status: true, verified: true, version: true },
  });
  if (!org || !can(user, 'service.edit', { kind: 'organisation', organisationId })) return null;
  const latest = await tx.listingChangeRequest.findFirst({
    where: { organisationId, kind: 'organisation_change' },
    orderBy: { createdAt: 'desc' },
  });
  const pending = latest?.status === 'pending' ? latest : null;
  const overlay = pending ? organisationRequestValues(pending.proposed) : {};
  return {
    id: org.id,
    name: org.name,
    status: org.status,
    verified: org.verified,
    version: org.version,
    values: organisationValues({ ...detailsOf(org), ...overlay }),
    pending: pending ? { id: pending.id, fields: changedOrganisationFields({}, overlay), createdAt: pending.createdAt } : null,
    sentBack:
      latest?.status === 'sent_back' && latest.reviewNote
        ? { note: latest.reviewNote, at: latest.reviewedAt ?? latest.createdAt }
        : null,
  };
}

export type SaveOrganisationResult =
  | {
      ok: true;
      version: number;
      /** Fields now live. */
      published: OrganisationField[];
      /** Fields waiting for a coordinator. */
      pending: OrganisationField[];
      changeRequestId: string | null;
    }
  | { ok: false; reason: 'conflict'; currentVersion: number; current: OrganisationDetails; differs: OrganisationField[] }
  | { ok: false; reason: 'not_found' | 'rejected' };

/**
 * Saves a group's details. A member of an approved group publishes the charity and company
 * numbers at once, and asks a coordinator for the rest; while the group itself waits for
 * approval its details change directly (the coordinator checks the whole group). Coordinators and
 * admins publish directly. Throws Forbidden for anyone who is not a member.
 */
export async function saveOrganisation(
  tx: Tx,
  user: SessionUser,
  organisationId: string,
  input: OrganisationDetails,
  expectedVersion: number | null,
  now: Date = new Date(),
): Promise<SaveOrganisationResult> {
  assertCan(user, 'service.edit', { kind: 'organisation', organisationId });
  const locked = await lockOrganisation(tx, organisationId);
  if (!locked) return { ok: false, reason: 'not_found' };
  if (locked.status === 'rejected') return { ok: false, reason: 'rejected' };
  const before = detailsOf(
    await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: organisationDetailsSelect }),
  );
  if (locked.version !== expectedVersion) {
    return {
      ok: false,
      reason: 'conflict',
      currentVersion: locked.version,
      current: before,
      differs: changedOrganisationFields(before, input),
    };
  }

  const changed = changedOrganisationFields(before, input);
  const direct = user.role === 'coordinator' || user.role === 'admin' || locked.status === 'pending';
  const moderated: readonly OrganisationField[] = direct ? [] : MODERATED_ORGANISATION_FIELDS;
  const waiting = changed.filter((f) => moderated.includes(f));
  const live = changed.filter((f) => !moderated.includes(f));

  let version = locked.version;
  if (live.length) version = await applyOrganisationValues(tx, organisationId, pickOrganisation(input, live));

  // The form started from any change still waiting, so this save's differences replace it.
  let touched = false;
  const open = await pendingOrganisationRequest(tx, organisationId);
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
  let changeRequestId: string | null = null;
  if (waiting.length) {
    changeRequestId = (
      await tx.listingChangeRequest.create({
        data: {
          kind: 'organisation_change',
          serviceId: null,
          organisationId,
          previous: pickOrganisation(before, waiting) as Prisma.InputJsonValue,
          proposed: pickOrganisation(input, waiting) as Prisma.InputJsonValue,
          submittedById: user.id,
          createdAt: now,
        },
        select: { id: true },
      })
    ).id;
    touched = true;
  }
  // A waiting change moves the version on too: a form loaded before it would otherwise replace it unseen.
  if (touched && !live.length) {
    version = (
      await tx.organisation.update({
        where: { id: organisationId },
        data: { version: { increment: 1 } },
        select: { version: true },
      })
    ).version;
  }
  if (changed.length || touched) {
    await recordAudit(tx, {
      actor: user,
      action: 'organisation.details_saved',
      entityType: 'organisation',
      entityId: organisationId,
      detail: { fieldsPublished: live, fieldsWaiting: waiting, version },
      at: now,
    });
  }
  return { ok: true, version, published: live, pending: waiting, changeRequestId };
}
