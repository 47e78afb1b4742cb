'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { isUuid, optionalText, parseForm, refusal, refused, type FormState } from '@/lib/forms';
import { nudgeListing } from '@/lib/freshness';
import { approveChange, changeRequestServiceId, closeReport, restoreVersion, sendBack } from '@/lib/moderation';
import { decideOrganisation } from '@/lib/organisations';
import { formAction } from '@/lib/forms/action';

// A note over 2,000 characters is refused with a message (and kept in the box), never cut short.
const decisionInput = z
  .object({
    decision: z.enum(['approve', 'send_back', 'close'], { error: 'Choose what to do with this request' }),
    note: optionalText('The note', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'send_back' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Write a message to the group saying what to change' });
  });

const DECISION_REFUSALS = {
  already_decided: 'Someone else has already decided this one',
  group_not_approved: 'Approve the group that runs this listing first: a listing is published only once its group is approved',
  not_found: 'We could not find that listing. It may have been removed',
  wrong_kind: 'That cannot be done to this kind of request',
} as const;

const organisationDecisionInput = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'Choose whether to approve the group' }),
    verified: z.literal('yes').optional(),
    note: optionalText('The note', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'approve' && !v.verified)
      ctx.addIssue({
        code: 'custom',
        path: ['verified'],
        message: 'Check the group exists and the contact is genuine, and tick the box, before you approve it',
      });
    if (v.decision === 'reject' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the group is not approved' });
  });

const ORGANISATION_REFUSALS = {
  already_decided: 'Someone else has already decided that group',
  not_checked: 'Check the group exists and the contact is genuine, and tick the box, before you approve it',
  not_found: 'We could not find that group',
} as const;

function refresh(serviceId?: string | null) {
  revalidatePath('/moderation');
  revalidatePath('/provider/organisation');
  if (serviceId) {
    revalidatePath(`/services/${serviceId}`);
    revalidatePath(`/provider/listings/${serviceId}`);
  }
}

/** Approve, send back or close one request; the decision comes from the button pressed. */
export const decideAction = formAction(async function decideAction(
  requestId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requirePermission('moderation.review');
  if (!isUuid(requestId)) redirect('/moderation');
  const parsed = parseForm(decisionInput, form, { multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const { decision, note } = parsed.data;
  const serviceId = await changeRequestServiceId(db(), requestId);
  const result = await db().$transaction((tx) =>
    decision === 'approve'
      ? approveChange(tx, user, requestId, note ?? null)
      : decision === 'send_back'
        ? sendBack(tx, user, requestId, note ?? '')
        : closeReport(tx, user, requestId, note ?? null),
  );
  refresh(serviceId);
  if (!result.ok) return refused(parsed.values, refusal(result.reason, DECISION_REFUSALS));
  redirect(`/moderation?done=${decision}`);
});

export async function restoreAction(serviceId: string, number: number): Promise<void> {
  const user = await requirePermission('moderation.review');
  if (!isUuid(serviceId) || !Number.isInteger(number)) redirect('/moderation');
  const result = await db().$transaction((tx) => restoreVersion(tx, user, serviceId, number));
  refresh(serviceId);
  if (!result.ok) redirect(`/moderation/listings/${serviceId}/versions/${number}?error=${result.reason}`);
  redirect(`/provider/listings/${serviceId}/history?restored=${number}`);
}

export async function nudgeAction(serviceId: string): Promise<void> {
  const user = await requirePermission('moderation.review');
  if (!isUuid(serviceId)) redirect('/moderation/freshness');
  const result = await db().$transaction((tx) => nudgeListing(tx, user, serviceId));
  revalidatePath('/moderation/freshness');
  redirect(`/moderation/freshness?nudged=${serviceId}&recipients=${result.recipients}`);
}

export const decideOrganisationAction = formAction(async function decideOrganisationAction(
  organisationId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requirePermission('moderation.review');
  if (!isUuid(organisationId)) redirect('/moderation/organisations');
  const parsed = parseForm(organisationDecisionInput, form, { multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const { decision, verified, note } = parsed.data;
  const result = await db().$transaction((tx) =>
    decideOrganisation(tx, user, organisationId, {
      approve: decision === 'approve',
      verified: verified === 'yes',
      note: note ?? null,
    }),
  );
  revalidatePath('/moderation/organisations');
  if (!result.ok) return refused(parsed.values, refusal(result.reason, ORGANISATION_REFUSALS, { not_checked: 'verified' }));
  redirect(`/moderation/organisations?done=${decision}&organisation=${organisationId}`);
});
