'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { nudgeListing } from '@/lib/freshness';
import { approveChange, closeReport, restoreVersion, sendBack } from '@/lib/moderation';
import { decideOrganisation } from '@/lib/organisations';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim().slice(0, 2000) : '';
};

function refresh(serviceId?: string | null) {
  revalidatePath('/moderation');
  revalidatePath('/provider/organisation');
  if (serviceId) {
    revalidatePath(`/services/${serviceId}`);
    revalidatePath(`/provider/listings/${serviceId}`);
  }
}

/** Approve, send back or close one request; the decision comes from the button pressed. */
export async function decideAction(requestId: string, form: FormData): Promise<void> {
  const user = await requirePermission('moderation.review');
  if (!uuid.test(requestId)) redirect('/moderation');
  const decision = text(form, 'decision');
  const note = text(form, 'note');
  const here = `/moderation/${requestId}` as const;
  if (decision === 'send_back' && !note) redirect(`${here}?error=note`);
  const request = await db().listingChangeRequest.findUnique({ where: { id: requestId }, select: { serviceId: true } });
  const result = await db().$transaction((tx) =>
    decision === 'approve'
      ? approveChange(tx, user, requestId, note || null)
      : decision === 'send_back'
        ? sendBack(tx, user, requestId, note)
        : decision === 'close'
          ? closeReport(tx, user, requestId, note || null)
          : Promise.resolve({ ok: false as const, reason: 'wrong_kind' as const }),
  );
  refresh(request?.serviceId);
  if (!result.ok) redirect(`${here}?error=${result.reason}`);
  redirect(`/moderation?done=${decision}`);
}

export async function restoreAction(serviceId: string, number: number): Promise<void> {
  const user = await requirePermission('moderation.review');
  if (!uuid.test(serviceId) || !Number.isInteger(number)) redirect('/moderation');
  const result = await db().$transaction((tx) => restoreVersion(tx, user, serviceId, number));
  refresh(serviceId);
  if (!result.ok) redirect(`/moderation/listings/${serviceId}/versions/${number}?error=${result.reason}`);
  redirect(`/provider/listings/${serviceId}/history?restored=${number}`);
}

export async function nudgeAction(serviceId: string): Promise<void> {
  const user = await requirePermission('moderation.review');
  if (!uuid.test(serviceId)) redirect('/moderation/freshness');
  const result = await db().$transaction((tx) => nudgeListing(tx, user, serviceId));
  revalidatePath('/moderation/freshness');
  redirect(`/moderation/freshness?nudged=${serviceId}&recipients=${result.recipients}`);
}

export async function decideOrganisationAction(organisationId: string, form: FormData): Promise<void> {
  const user = await requirePermission('moderation.review');
  if (!uuid.test(organisationId)) redirect('/moderation/organisations');
  const decision = text(form, 'decision');
  const note = text(form, 'note');
  if (decision !== 'approve' && decision !== 'reject') redirect('/moderation/organisations');
  if (decision === 'reject' && !note) redirect(`/moderation/organisations?error=note&organisation=${organisationId}`);
  const result = await db().$transaction((tx) =>
    decideOrganisation(tx, user, organisationId, { approve: decision === 'approve', verified: form.get('verified') === 'yes', note: note || null }),
  );
  revalidatePath('/moderation/organisations');
  if (!result.ok) redirect(`/moderation/organisations?error=${result.reason}`);
  redirect(`/moderation/organisations?done=${decision}&organisation=${organisationId}`);
}
