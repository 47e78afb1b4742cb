'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { referOut, referOutInput, referOutRefusalMessage } from '@/lib/cases/refer-out';
import { shareableFieldLabels, isShareableField } from '@/lib/cases/labels';
import { db } from '@/lib/db/client';
import { isUuid, parseForm, refused, type FormState } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';

export const referOutAction = formAction(async function referOutAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(referOutInput, form, { lists: ['fields'], multiline: ['message'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => referOut(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden') forbidden();
    if (result.reason === 'not_found') notFound();
    if (result.reason === 'not_consented' || result.reason === 'unknown_field') {
      const names = (result.fields ?? [])
        .map((f) => (isShareableField(f) ? shareableFieldLabels[f].toLowerCase() : f))
        .join(', ');
      return refused(parsed.values, {
        field: 'fields',
        message: `${referOutRefusalMessage[result.reason]}${names ? `: ${names}` : ''}`,
      });
    }
    return refused(parsed.values, referOutRefusalMessage[result.reason]);
  }
  revalidatePath(`/cases/${caseId}`);
  redirect(`/cases/${caseId}?done=referred#referral-${result.referralId}`);
});
