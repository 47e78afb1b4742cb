// What a person agreed to: to be contacted, to have named details shared with a provider (any, or
// one named organisation), to have their GP told the outcome. Withdrawing stops sharing from then
// on: later referrals cannot carry the details, and copies already held for providers are cut
// down to what the remaining agreements allow.
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import type { ConsentScope } from '@/lib/db/generated/enums';
import { caseAccess } from './access';
import { confirmed, optionalText, text, uuid } from '@/lib/forms';
import { consentScopes, isShareableField, shareableFields, type ShareableField } from './labels';

export type ConsentLike = {
  scope: ConsentScope;
  organisationId: string | null;
  fields: string[];
  withdrawnAt: Date | null;
  givenAt: Date;
};

export function isActive(consent: Pick<ConsentLike, 'withdrawnAt' | 'givenAt'>, at: Date = new Date()): boolean {
  return (
    consent.givenAt.getTime() <= at.getTime() && (consent.withdrawnAt === null || consent.withdrawnAt.getTime() > at.getTime())
  );
}

/** The details the person has agreed (and not withdrawn) to share with this organisation. */
export function shareableWith(consents: readonly ConsentLike[], organisationId: string, at: Date = new Date()): ShareableField[] {
  const allowed = new Set<string>();
  for (const c of consents) {
    if (c.scope !== 'share_with_provider' || !isActive(c, at)) continue;
    if (c.organisationId !== null && c.organisationId !== organisationId) continue;
    for (const f of c.fields) allowed.add(f);
  }
  return shareableFields.filter((f) => allowed.has(f));
}

export function hasActiveConsent(consents: readonly ConsentLike[], scope: ConsentScope, at: Date = new Date()): boolean {
  return consents.some((c) => c.scope === scope && isActive(c, at));
}

/** Only the keys of `shared` that are allowed. */
export function limitShared(shared: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!shared || typeof shared !== 'object' || Array.isArray(shared)) return {};
  return Object.fromEntries(Object.entries(shared as Record<string, unknown>).filter(([key]) => allowed.includes(key)));
}

export const consentInput = z
  .object({
    scope: z.enum(consentScopes, { error: 'Select what the person agreed to' }),
    organisationId: z.preprocess((v) => (v === '' ? undefined : v), uuid('Select a provider from the list').optional()),
    fields: z.array(z.string()).default([]),
    note: optionalText('Notes', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'share_with_provider') {
      if (v.fields.length === 0)
        ctx.addIssue({ code: 'custom', path: ['fields'], message: 'Select the details the person agreed to share' });
      if (v.fields.some((f) => !isShareableField(f)))
        ctx.addIssue({ code: 'custom', path: ['fields'], message: 'Select details from the list' });
    }
  });

export type ConsentInput = z.infer<typeof consentInput>;

export type ConsentResult =
  | { ok: true; consentId: string }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'unknown_organisation' | 'already_withdrawn' };

export const consentRefusalMessage: Record<Exclude<ConsentResult, { ok: true }>['reason'], string> = {
  not_found: 'This agreement could not be found.',
  forbidden: 'You cannot change this case.',
  unknown_organisation: 'Select a provider from the list',
  already_withdrawn: 'This agreement has already been withdrawn.',
};

export async function recordConsent(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: ConsentInput,
  now: Date = new Date(),
): Promise<ConsentResult> {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  const organisationId = input.scope === 'share_with_provider' ? (input.organisationId ?? null) : null;
  if (organisationId && !(await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) {
    return { ok: false, reason: 'unknown_organisation' };
  }
  const consent = await tx.consent.create({
    data: {
      personId: access.facts.personId,
      scope: input.scope,
      organisationId,
      fields: input.scope === 'share_with_provider' ? input.fields : input.scope === 'tell_gp' ? ['outcome'] : [],
      givenAt: now,
      recordedById: user.id,
      note: input.note ?? null,
    },
  });
  await recordAudit(tx, {
    actor: user,
    action: 'consent.recorded',
    entityType: 'consent',
    entityId: consent.id,
    personId: access.facts.personId,
    detail: { caseId, scope: input.scope, organisationId, fieldNames: consent.fields },
    at: now,
  });
  return { ok: true, consentId: consent.id };
}

export const withdrawConsentInput = z.object({
  consentId: uuid(),
  reason: text('Reason', 1000, 'Enter why the agreement is being withdrawn'),
  confirm: confirmed('Confirm that you want to withdraw this agreement'),
});
export type WithdrawConsentInput = z.infer<typeof withdrawConsentInput>;

type SharedReferral = { id: string; serviceName: string; sharedInfo: unknown; organisationId: string };

/**
 * The person's referrals whose shared copy the agreements in force (`consents`, as they would be)
 * no longer allow in full, with what each copy would keep.
 */
async function referralsToCut(tx: Tx, personId: string, consents: readonly ConsentLike[], now: Date) {
  const referrals = await tx.referral.findMany({
    where: { case: { personId } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, sharedInfo: true, service: { select: { name: true, organisationId: true } } },
  });
  const cut: Array<SharedReferral & { after: Record<string, unknown> }> = [];
  for (const r of referrals) {
    const before = r.sharedInfo && typeof r.sharedInfo === 'object' ? Object.keys(r.sharedInfo as object) : [];
    const after = limitShared(r.sharedInfo, shareableWith(consents, r.service.organisationId, now));
    if (Object.keys(after).length === before.length) continue;
    cut.push({
      id: r.id,
      serviceName: r.service.name,
      sharedInfo: r.sharedInfo,
      organisationId: r.service.organisationId,
      after,
    });
  }
  return cut;
}

/** What withdrawing would change, for the page that asks to confirm: the services that would stop seeing details. */
export async function withdrawalPreview(tx: Tx, personId: string, consentId: string, now: Date = new Date()) {
  const consents = await tx.consent.findMany({ where: { personId } });
  const target = consents.find((c) => c.id === consentId);
  if (!target) return null;
  const after = consents.map((c) => (c.id === consentId && c.withdrawnAt === null ? { ...c, withdrawnAt: now } : c));
  const cut = target.scope === 'share_with_provider' ? await referralsToCut(tx, personId, after, now) : [];
  return { consent: target, servicesLosingDetails: [...new Set(cut.map((r) => r.serviceName))] };
}

/**
 * Withdraws an agreement, with the reason given. For sharing, every referral of the person keeps
 * only what the agreements still in force allow for its provider, so providers stop seeing the rest.
 */
export async function withdrawConsent(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: Pick<WithdrawConsentInput, 'consentId' | 'reason'>,
  now: Date = new Date(),
): Promise<ConsentResult & { referralsLimited?: number }> {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  const personId = access.facts.personId;
  const { consentId } = input;
  const consent = await tx.consent.findFirst({ where: { id: consentId, personId } });
  if (!consent) return { ok: false, reason: 'not_found' };
  const updated = await tx.consent.updateMany({
    where: { id: consentId, withdrawnAt: null },
    data: { withdrawnAt: now, withdrawnById: user.id, withdrawnReason: input.reason },
  });
  if (updated.count === 0) return { ok: false, reason: 'already_withdrawn' };

  let referralsLimited = 0;
  if (consent.scope === 'share_with_provider') {
    const consents = await tx.consent.findMany({ where: { personId } });
    for (const r of await referralsToCut(tx, personId, consents, now)) {
      // Only the shared copy changes; the status column belongs to lib/referrals.
      await tx.referral.update({ where: { id: r.id }, data: { sharedInfo: r.after as object } });
      referralsLimited += 1;
    }
  }
  await recordAudit(tx, {
    actor: user,
    action: 'consent.withdrawn',
    entityType: 'consent',
    entityId: consentId,
    personId,
    detail: { caseId, scope: consent.scope, referralsLimited },
    at: now,
  });
  return { ok: true, consentId, referralsLimited };
}
