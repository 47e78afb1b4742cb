'use server';

import { redirect } from 'next/navigation';
import { resetPassword } from '@/lib/auth/password-reset';
import { db } from '@/lib/db/client';
import { refused, type FormState } from '@/lib/forms';
import { looksLikeToken } from '@/lib/tokens';
import { formAction } from '@/lib/forms/action';

export const resetPasswordAction = formAction(async function resetPasswordAction(
  token: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  if (!looksLikeToken(token)) redirect('/reset-password/used');
  const posted = form.get('password');
  const password = typeof posted === 'string' ? posted : '';
  const result = await db().$transaction((tx) => resetPassword(tx, token, password));
  if (!result.ok) {
    if (result.reason === 'password') return refused({}, { field: 'password', message: result.message });
    redirect('/reset-password/used');
  }
  redirect('/reset-password/done');
});
