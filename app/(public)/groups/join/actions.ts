'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/request';
import { db } from '@/lib/db/client';
import { parseForm, refused, type FormState } from '@/lib/forms';
import { joinInput, registerGroup } from '@/lib/organisations';
import { formAction } from '@/lib/forms/action';

export const joinAction = formAction(async function joinAction(_prev: FormState, form: FormData): Promise<FormState> {
  // The password is checked but never sent back to the page.
  const parsed = parseForm(joinInput, form, { omit: ['password'], multiline: ['description'] });
  if (!parsed.ok) return parsed.state;
  const ip = clientIp(await headers());
  const result = await db().$transaction((tx) => registerGroup(tx, parsed.data, `ip:${ip}`));
  // An address that already has an account gets this same answer (its owner is e-mailed instead).
  if (!result.ok)
    return refused(parsed.values, 'There have been several sign-ups from here in a short time. Wait an hour, then try again');
  redirect('/groups/join/sent');
});
