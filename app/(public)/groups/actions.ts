'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { acceptInvite, passwordInput, verifyByLink } from '@/lib/organisations';
import { looksLikeToken } from '@/lib/tokens';

export async function verifyEmailAction(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  if (!looksLikeToken(token)) redirect('/groups/verify/used');
  const result = await db().$transaction((tx) => verifyByLink(tx, token));
  if (!result.ok) redirect('/groups/verify/used');
  redirect('/sign-in?callbackUrl=%2Fprovider%2Flistings&verified=1');
}

export async function acceptInviteAction(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  if (!looksLikeToken(token)) redirect('/groups/invite/used');
  const parsed = passwordInput.safeParse({ password: formData.get('password') });
  if (!parsed.success) redirect(`/groups/invite/${token}?error=password`);
  const result = await db().$transaction((tx) => acceptInvite(tx, token, parsed.data.password));
  if (!result.ok) redirect('/groups/invite/used');
  redirect('/sign-in?callbackUrl=%2Fprovider%2Flistings');
}
