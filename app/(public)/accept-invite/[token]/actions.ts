'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { refused, type FormState } from '@/lib/forms';
import { acceptStaffInvite } from '@/lib/staff';
import { looksLikeToken } from '@/lib/tokens';
import { formAction } from '@/lib/forms/action';

export const acceptStaffInviteAction = formAction(async function acceptStaffInviteAction(
  token: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  if (!looksLikeToken(token)) redirect('/accept-invite/used');
  const posted = form.get('password');
  const password = typeof posted === 'string' ? posted : '';
  const result = await db().$transaction((tx) => acceptStaffInvite(tx, token, password));
  if (!result.ok) {
    if (result.reason === 'password') return refused({}, { field: 'password', message: result.message });
    redirect('/accept-invite/used');
  }
  redirect('/accept-invite/done');
});
