'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { clientIp } from '@/lib/auth/request';
import { db } from '@/lib/db/client';
import { email, parseForm, refused, succeeded, type FormState } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';

const input = z.object({ email: email('Enter your email address') });

/** One answer whether or not the address has an account; only the throttle says anything else. */
export const forgotPasswordAction = formAction(async function forgotPasswordAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const ip = clientIp(await headers());
  const result = await db().$transaction((tx) => requestPasswordReset(tx, parsed.data.email, ip));
  if (!result.ok) return refused(parsed.values, 'There have been too many requests for a link. Wait an hour, then try again');
  return succeeded({}, `If ${parsed.data.email} has an account, we have sent a link to reset its password`);
});
