'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { confirmByLink } from '@/lib/freshness';
import { looksLikeToken } from '@/lib/tokens';

/** The page's "Yes, it is still right" button: uses the link once. */
export async function confirmStillRight(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  if (!looksLikeToken(token)) redirect('/listing-check/done?status=unusable');
  const result = await db().$transaction((tx) => confirmByLink(tx, token, new Date()));
  if (!result.ok) redirect('/listing-check/done?status=unusable');
  revalidatePath(`/services/${result.serviceId}`);
  redirect(`/listing-check/done?status=confirmed&listing=${result.serviceId}`);
}
