'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { isUuid, parseForm, refused, type FormState } from '@/lib/forms';
import { answerAsProvider, providerAnswerInput } from '@/lib/providers/inbox';
import { refusalMessage } from '@/lib/referrals/lifecycle';
import { formAction } from '@/lib/forms/action';

export const answerReferralAction = formAction(async function answerReferralAction(
  referralId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireRole('provider');
  if (!isUuid(referralId)) notFound();
  const parsed = parseForm(providerAnswerInput, form, { multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => answerAsProvider(tx, user, referralId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden') forbidden();
    if (result.reason === 'not_found') notFound();
    // Show the referral as it is now, with the reason it was refused.
    revalidatePath(`/provider/referrals/${referralId}`);
    return refused(parsed.values, refusalMessage[result.reason]);
  }
  revalidatePath('/provider/referrals');
  revalidatePath('/provider');
  redirect(`/provider/referrals/${referralId}?done=${result.status}`);
});
