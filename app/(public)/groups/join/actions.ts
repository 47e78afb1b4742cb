'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientIp } from '@/lib/auth/request';
import { db } from '@/lib/db/client';
import { joinInput, registerGroup } from '@/lib/organisations';
import type { JoinFormState, JoinValues } from '@/lib/organisations/form-state';

const FIELDS = ['organisationName', 'description', 'charityNumber', 'companyNumber', 'website', 'organisationPhone', 'contactName', 'email', 'confirm'] as const;

export async function joinAction(_prev: JoinFormState, form: FormData): Promise<JoinFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, typeof form.get(f) === 'string' ? String(form.get(f)).slice(0, 5000) : ''])) as JoinValues;
  const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
  const parsed = joinInput.safeParse({ ...values, password, nickname: form.get('nickname') ?? '' });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const [k, v] of Object.entries(z.flattenError(parsed.error).fieldErrors)) if (v?.[0]) errors[k] = v[0];
    return { values, errors };
  }
  const ip = clientIp(await headers());
  const result = await db().$transaction((tx) => registerGroup(tx, parsed.data, `ip:${ip}`));
  if (!result.ok) {
    if (result.reason === 'email_taken') {
      return { values, errors: { email: 'There is already an account with this email address. Sign in instead, or use another address' } };
    }
    return { values, errors: { form: 'There have been several sign-ups from here in a short time. Wait an hour, then try again' } };
  }
  redirect('/groups/join/sent');
}
