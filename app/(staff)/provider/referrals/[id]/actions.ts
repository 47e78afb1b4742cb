'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { failed, formInput, isUuid, refused, type FormState } from '@/lib/cases/form';
import { db } from '@/lib/db/client';
import { answerAsProvider, providerAnswerInput } from '@/lib/providers/inbox';
import { refusalMessage } from '@/lib/referrals/lifecycle';

export async function answerReferralAction(referralId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('provider');
  if (!isUuid(referralId)) notFound();
  const parsed = providerAnswerInput.safeParse(formInput(form));
  if (!parsed.success) return failed(parsed.error, form);
  const result = await db().$transaction((tx) => answerAsProvider(tx, user, referralId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden') forbidden();
    if (result.reason === 'not_found') notFound();
    // Show the referral as it is now, with the reason it was refused.
    revalidatePath(`/provider/referrals/${referralId}`);
    return refused(refusalMessage[result.reason], form);
  }
  revalidatePath('/provider/referrals');
  revalidatePath('/provider');
  redirect(`/provider/referrals/${referralId}?done=${result.status}`);
}
