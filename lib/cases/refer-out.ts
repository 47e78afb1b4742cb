// Referring a person on the worker's caseload to a service: only the details the person agreed to
// share with that provider go with it. Creating and sending go through lib/referrals, which owns
// the referral's status; the worker's later moves (withdraw, send again, a provider's answer
// given by phone) do too.
import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import type { ReferralStatus } from '@/lib/db/generated/enums';
import { createReferral, sendReferral } from '@/lib/referrals/send';
import { canMove, isDeclineReason, moveReferral, providerStatuses, type MoveRefusal } from '@/lib/referrals/lifecycle';
import { ANSWER_PURPOSE } from '@/lib/referrals/answer-links';
import { revokeTokens } from '@/lib/tokens';
import { caseAccess } from './access';
import { limitShared, shareableWith } from './consent';
import { isUuid, optionalText, uuid, version } from '@/lib/forms';
import { contactMethodLabels, isShareableField, shareableFields, type ShareableField } from './labels';

/** Statuses in which a referral is still open: another to the same service would be a duplicate. */
export const openStatuses: readonly ReferralStatus[] = ['draft', 'sent', 'accepted', 'waitlisted', 'attending'];

type SharingSource = {
  person: {
    name: string;
    phone: string | null;
    email: string | null;
    preferredContact: string;
    contactNotes: string | null;
    ageBand: string | null;
    postcode: string | null;
  };
  whatMatters: string;
  needs: string[];
  goals: string;
};

/** The value of each shareable detail, or null when there is nothing to share. */
export function sharingValues(s: SharingSource): Record<ShareableField, string | string[] | null> {
  const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    name: text(s.person.name),
    phone: text(s.person.phone),
    email: text(s.person.email),
    preferredContact: contactMethodLabels[s.person.preferredContact as keyof typeof contactMethodLabels]
      ? s.person.preferredContact
      : null,
    contactNotes: text(s.person.contactNotes),
    ageBand: text(s.person.ageBand),
    postcode: text(s.person.postcode),
    whatMatters: text(s.whatMatters),
    needs: s.needs.length ? s.needs : null,
    goals: text(s.goals),
  };
}

/** The copy sent with a referral: the chosen details that are allowed and have a value. */
export function buildSharedInfo(
  values: Record<ShareableField, string | string[] | null>,
  chosen: readonly string[],
  allowed: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of shareableFields) {
    if (!chosen.includes(field) || !allowed.includes(field)) continue;
    const value = values[field];
    if (value !== null) out[field] = value;
  }
  return out;
}

async function sharingSource(tx: Tx, caseId: string): Promise<SharingSource> {
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      whatMatters: true,
      person: {
        select: {
          name: true,
          phone: true,
          email: true,
          preferredContact: true,
          contactNotes: true,
          ageBand: true,
          postcode: true,
        },
      },
      needs: { select: { term: { select: { name: true } } } },
      conversations: {
        where: { supersededBy: { is: null } },
        orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
        take: 1,
        select: { whatMatters: true, goals: true, needs: { select: { term: { select: { name: true } } } } },
      },
    },
  });
  const latest = kase.conversations[0];
  const needs = [...new Set([...(latest?.needs ?? []), ...kase.needs].map((n) => n.term.name))];
  return { person: kase.person, whatMatters: latest?.whatMatters || kase.whatMatters, needs, goals: latest?.goals ?? '' };
}

export type ReferralService = {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  capacityStatus: string;
  status: string;
};

export async function referableService(tx: Tx, serviceId: string): Promise<ReferralService | null> {
  if (!isUuid(serviceId)) return null;
  const s = await tx.service.findFirst({
    where: { id: serviceId, published: true, status: { not: 'defunct' }, organisation: { status: { not: 'rejected' } } },
    select: {
      id: true,
      name: true,
      organisationId: true,
      capacityStatus: true,
      status: true,
      organisation: { select: { name: true } },
    },
  });
  return (
    s && {
      id: s.id,
      name: s.name,
      organisationId: s.organisationId,
      organisationName: s.organisation.name,
      capacityStatus: s.capacityStatus,
      status: s.status,
    }
  );
}

export type ReferOutForm = {
  service: ReferralService;
  /** Details the person agreed to share with this provider, with what would be sent. */
  allowed: Array<{ field: ShareableField; value: string | string[] }>;
  /** Details that have a value but no agreement to share them with this provider. */
  notAllowed: ShareableField[];
  openReferral: { id: string; status: ReferralStatus } | null;
  caseClosed: boolean;
};

/** What the refer-out form offers for this case and service. The caller has checked access. */
export async function referOutForm(
  tx: Tx,
  caseId: string,
  service: ReferralService,
  now: Date = new Date(),
): Promise<ReferOutForm> {
  const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { personId: true, status: true } });
  const consents = await tx.consent.findMany({ where: { personId: kase.personId } });
  const source = await sharingSource(tx, caseId);
  const open = await tx.referral.findFirst({
    where: { caseId, serviceId: service.id, status: { in: [...openStatuses] } },
    select: { id: true, status: true },
  });
  const allowedFields = shareableWith(consents, service.organisationId, now);
  const values = sharingValues(source);
  return {
    service,
    allowed: allowedFields.flatMap((field) => (values[field] === null ? [] : [{ field, value: values[field]! }])),
    notAllowed: shareableFields.filter((f) => values[f] !== null && !allowedFields.includes(f)),
    openReferral: open,
    caseClosed: kase.status === 'closed',
  };
}

export const referOutInput = z.object({
  serviceId: uuid('Choose a service to refer to'),
  fields: z.array(z.string()).default([]),
  message: optionalText('The message to the provider', 2000),
});
export type ReferOutInput = z.infer<typeof referOutInput>;

export type ReferOutRefusal =
  'not_found' | 'forbidden' | 'no_service' | 'closed' | 'duplicate' | 'not_consented' | 'unknown_field' | MoveRefusal;

export type ReferOutResult =
  { ok: true; referralId: string; providerNotified: boolean } | { ok: false; reason: ReferOutRefusal; fields?: string[] };

export const referOutRefusalMessage: Record<ReferOutRefusal, string> = {
  not_found: 'This case could not be found.',
  forbidden: 'You cannot refer people from this case.',
  no_service: 'This service is no longer in the directory. Choose another.',
  closed: 'This case is closed. Referrals can only be made from an open case.',
  duplicate: 'This person already has an open referral to this service.',
  not_consented: 'The person has not agreed to share some of these details with this provider',
  unknown_field: 'Select details from the list',
  not_allowed: 'This referral could not be sent.',
  changed_since: 'This referral changed since you opened it.',
  forbidden_actor: 'You cannot send this referral.',
  reason_required: 'Select a reason.',
};

/** Creates the referral with the details chosen (checked against consent) and sends it. */
export async function referOut(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: ReferOutInput,
  now: Date = new Date(),
): Promise<ReferOutResult> {
  const access = await caseAccess(tx, user, caseId, 'referral.create');
  if (!access.ok) return access;
  // Serialise referrals from one case, so a double submit finds the first one.
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId}::uuid FOR UPDATE`;
  const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, personId: true } });
  if (kase.status === 'closed') return { ok: false, reason: 'closed' };
  const service = await referableService(tx, input.serviceId);
  if (!service) return { ok: false, reason: 'no_service' };
  const unknown = input.fields.filter((f) => !isShareableField(f));
  if (unknown.length) return { ok: false, reason: 'unknown_field', fields: unknown };

  const duplicate = await tx.referral.findFirst({
    where: { caseId, serviceId: service.id, status: { in: [...openStatuses] } },
    select: { id: true },
  });
  if (duplicate) return { ok: false, reason: 'duplicate' };

  const consents = await tx.consent.findMany({ where: { personId: kase.personId } });
  const allowed = shareableWith(consents, service.organisationId, now);
  const refusedFields = input.fields.filter((f) => !allowed.includes(f as ShareableField));
  if (refusedFields.length) return { ok: false, reason: 'not_consented', fields: refusedFields };

  const sharedInfo = buildSharedInfo(sharingValues(await sharingSource(tx, caseId)), input.fields, allowed);
  const draft = await createReferral(
    tx,
    { caseId, serviceId: service.id, createdById: user.id, sharedInfo, message: input.message ?? null },
    now,
  );
  const sent = await sendReferral(
    tx,
    { referralId: draft.id, actor: { kind: 'worker', userId: user.id }, expectedStatus: 'draft' },
    now,
  );
  if (!sent.ok) return { ok: false, reason: sent.reason };
  await recordAudit(tx, {
    actor: user,
    action: 'referral.sent',
    entityType: 'referral',
    entityId: draft.id,
    personId: kase.personId,
    detail: {
      caseId,
      serviceId: service.id,
      sharedFields: Object.keys(sharedInfo),
      providerNotified: sent.providerNotified ?? false,
    },
    at: now,
  });
  return { ok: true, referralId: draft.id, providerNotified: sent.providerNotified ?? false };
}

// ---------- the worker's later moves ----------

export const workerMoves = ['withdraw', 'send', 'on_behalf'] as const;
export type WorkerMove = (typeof workerMoves)[number];

export const workerMoveInput = z
  .object({
    move: z.enum(workerMoves, { error: 'Choose what to do' }),
    expectedVersion: version(),
    to: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(providerStatuses, { error: 'Select what the provider said' }).optional(),
    ),
    reason: optionalText('The reason', 500),
    note: optionalText('Notes', 2000),
    // Withdrawing asks for a reason and a ticked box: the provider stops seeing the person.
    confirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.move === 'withdraw' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter why the referral is being withdrawn' });
    if (v.move === 'withdraw' && v.confirm !== 'yes')
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'Confirm that you want to withdraw this referral' });
    if (v.move === 'on_behalf' && !v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Select what the provider said' });
    if (v.move === 'on_behalf' && v.to === 'declined' && !isDeclineReason(v.reason)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Select why the provider cannot take the referral' });
    }
  });
export type WorkerMoveInput = z.infer<typeof workerMoveInput>;

export type WorkerMoveResult = { ok: true; status: ReferralStatus } | { ok: false; reason: MoveRefusal | 'forbidden' };

/** The provider's answers a worker can record by phone from this status. */
export function onBehalfChoices(status: ReferralStatus): ReferralStatus[] {
  return providerStatuses.filter((s) => canMove(status, s));
}

export async function moveAsWorker(
  tx: Tx,
  user: SessionUser,
  referralId: string,
  input: WorkerMoveInput,
  now: Date = new Date(),
): Promise<WorkerMoveResult> {
  if (!isUuid(referralId)) return { ok: false, reason: 'not_found' };
  const r = await tx.referral.findUnique({
    where: { id: referralId },
    select: {
      id: true,
      caseId: true,
      status: true,
      sharedInfo: true,
      case: { select: { teamId: true, personId: true } },
      service: { select: { organisationId: true } },
    },
  });
  if (!r) return { ok: false, reason: 'not_found' };
  if (
    !can(user, 'referral.respond', {
      kind: 'referral',
      serviceOrganisationId: r.service.organisationId,
      caseTeamId: r.case.teamId,
    }) ||
    user.role === 'provider'
  ) {
    return { ok: false, reason: 'forbidden' };
  }
  const actor = { kind: 'worker' as const, userId: user.id };
  let result;
  if (input.move === 'send') {
    // Sending (again) shares the copy afresh: cut it to what the person agrees to now.
    const consents = await tx.consent.findMany({ where: { personId: r.case.personId } });
    const limited = limitShared(r.sharedInfo, shareableWith(consents, r.service.organisationId, now));
    await tx.referral.update({ where: { id: r.id }, data: { sharedInfo: limited as object } });
    result = await sendReferral(tx, { referralId, actor, expectedVersion: input.expectedVersion, note: input.note ?? null }, now);
  } else {
    const to: ReferralStatus = input.move === 'withdraw' ? 'withdrawn' : input.to!;
    result = await moveReferral(
      tx,
      {
        referralId,
        to,
        actor,
        expectedVersion: input.expectedVersion,
        onBehalf: input.move === 'on_behalf',
        reason: input.reason ?? null,
        note: input.note ?? null,
      },
      now,
    );
  }
  if (!result.ok) return { ok: false, reason: result.reason };
  // Answered or withdrawn: the links in the provider's e-mail must not answer it again.
  if (result.from === 'sent' && result.referral.status !== 'sent')
    await revokeTokens(tx, { purpose: ANSWER_PURPOSE, subjectId: referralId }, now);
  await recordAudit(tx, {
    actor: user,
    action:
      input.move === 'on_behalf'
        ? 'referral.answer_recorded'
        : input.move === 'withdraw'
          ? 'referral.withdrawn'
          : 'referral.sent',
    entityType: 'referral',
    entityId: referralId,
    personId: r.case.personId,
    detail: { caseId: r.caseId, from: result.from, to: result.referral.status, onBehalf: input.move === 'on_behalf' },
    at: now,
  });
  return { ok: true, status: result.referral.status };
}

/** A worker moves a referral from its case's page: a referral of another case is not found there. */
export async function moveCaseReferral(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  referralId: string,
  input: WorkerMoveInput,
): Promise<WorkerMoveResult> {
  const r = await tx.referral.findUnique({ where: { id: referralId }, select: { caseId: true } });
  if (!r || r.caseId !== caseId) return { ok: false as const, reason: 'not_found' as const };
  return moveAsWorker(tx, user, referralId, input);
}
