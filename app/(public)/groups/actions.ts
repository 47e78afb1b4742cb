'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { parseForm, refused, type FormState } from '@/lib/forms';
import { acceptInvite, passwordInput, verifyByLink } from '@/lib/organisations';
import { looksLikeToken } from '@/lib/tokens';
import { formAction } from '@/lib/forms/action';

export async function verifyEmailAction(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  if (!looksLikeToken(token)) redirect('/groups/verify/used');
  const result = await db().$transaction((tx) => verifyByLink(tx, token));
  if (!result.ok) redirect('/groups/verify/used');
  redirect('/sign-in?callbackUrl=%2Fprovider%2Flistings&verified=1');
}

/** The colleague's password goes through the same policy and form as staff invites and resets. */
export const acceptInviteAction = formAction(async function acceptInviteAction(
  token: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  if (!looksLikeToken(token)) redirect('/groups/invite/used');
  const parsed = parseForm(passwordInput, form, { omit: ['password'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => acceptInvite(tx, token, parsed.data.password));
  if (!result.ok) {
    if (result.reason === 'password') return refused({}, { field: 'password', message: result.message });
    redirect('/groups/invite/used');
  }
  redirect('/sign-in?callbackUrl=%2Fprovider%2Flistings');
});
