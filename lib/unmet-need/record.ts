// Unmet need: when nothing fits, the worker records the need theme and why, in a few clicks. The
// area and ward come from the person's postcode, never typed; the note stays with the case.
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import { caseAccess } from '@/lib/cases/access';
import { isUuid, optionalText, uuid } from '@/lib/forms';
import { unmetNeedReasons } from '@/lib/cases/labels';
import type { Tx } from '@/lib/db/client';
import type { UnmetNeedReason } from '@/lib/db/generated/enums';

export const unmetNeedInput = z.object({
  termId: uuid('Select the need that could not be met'),
  reason: z.enum(unmetNeedReasons, { error: 'Select why the need could not be met' }),
  note: optionalText('Notes', 1000),
  referralId: z.preprocess((v) => (v === '' ? undefined : v), uuid().optional()),
});
export type UnmetNeedInput = z.infer<typeof unmetNeedInput>;

export type UnmetNeedResult =
  | { ok: true; id: string; areaId: string | null; wardId: string | null }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'unknown_theme' | 'unknown_referral' };

export const unmetNeedRefusalMessage: Record<Exclude<UnmetNeedResult, { ok: true }>['reason'], string> = {
  not_found: 'This case could not be found.',
  forbidden: 'You cannot add to this case.',
  unknown_theme: 'Select the need that could not be met',
  unknown_referral: 'That referral is not part of this case.',
};

/** A declined referral suggests a reason: "full" is "full", the rest are the provider's judgement. */
export function reasonForDecline(declineReason: string | null | undefined): UnmetNeedReason | undefined {
  if (declineReason === 'full') return 'full';
  if (declineReason === 'not_eligible') return 'not_eligible';
  return undefined;
}

/** The area (LSOA) and ward a person's postcode falls in, from the person's record or the postcode table. */
export async function areaOfPerson(tx: Tx, personId: string): Promise<{ areaId: string | null; wardId: string | null }> {
  const person = await tx.person.findUnique({ where: { id: personId }, select: { areaId: true, postcode: true } });
  let areaId = person?.areaId ?? null;
  if (!areaId && person?.postcode) {
    const pc = await tx.postcode.findUnique({ where: { postcode: person.postcode }, select: { areaId: true } });
    areaId = pc?.areaId ?? null;
  }
  if (!areaId) return { areaId: null, wardId: null };
  const area = await tx.area.findUnique({ where: { id: areaId }, select: { wardId: true } });
  return { areaId, wardId: area?.wardId ?? null };
}

export async function recordUnmetNeed(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: UnmetNeedInput,
  now: Date = new Date(),
): Promise<UnmetNeedResult> {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  if (!isUuid(input.termId) || !(await tx.taxonomyTerm.findUnique({ where: { id: input.termId }, select: { id: true } }))) {
    return { ok: false, reason: 'unknown_theme' };
  }
  if (input.referralId) {
    const r = await tx.referral.findFirst({ where: { id: input.referralId, caseId }, select: { id: true } });
    if (!r) return { ok: false, reason: 'unknown_referral' };
  }
  const { areaId, wardId } = await areaOfPerson(tx, access.facts.personId);
  const row = await tx.unmetNeed.create({
    data: {
      termId: input.termId,
      reason: input.reason,
      note: input.note ?? null,
      caseId,
      referralId: input.referralId ?? null,
      areaId,
      wardId,
      recordedById: user.id,
      recordedAt: now,
    },
  });
  await recordAudit(tx, {
    actor: user,
    action: 'unmet_need.recorded',
    entityType: 'unmet_need',
    entityId: row.id,
    personId: access.facts.personId,
    detail: { caseId, termId: input.termId, reason: input.reason, referralId: input.referralId ?? null },
    at: now,
  });
  return { ok: true, id: row.id, areaId, wardId };
}
