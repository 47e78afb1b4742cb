'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formValues, isUuid, refused, type FormState } from '@/lib/forms';
import { anonymisePerson } from '@/lib/people/subject-access';
import { formAction } from '@/lib/forms/action';

export const anonymiseAction = formAction(async function anonymiseAction(
  personId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireRole('admin');
  if (!isUuid(personId)) notFound();
  if (form.get('confirm') !== 'yes') {
    return refused(formValues(form), {
      field: 'confirm',
      message: 'Confirm that records retention duties allow this person’s record to be erased',
    });
  }
  const result = await db().$transaction((tx) => anonymisePerson(tx, user, personId));
  if (!result.ok) return result.reason === 'forbidden' ? forbidden() : notFound();
  revalidatePath(`/admin/people/${personId}`);
  redirect(`/admin/people/${personId}?done=anonymised`);
});
