'use server';

import { encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { authenticate, type AuthenticatedUser } from './authenticate';
import { authSecret, claimsFor, sessionCookie, sessionMaxAgeSeconds } from './options';
import { clientIp } from './request';
import { roleHome, safeCallbackUrl } from './roles';
import { getSessionUser } from './session';
import { messageFor, signInInput, type SignInField, type SignInState } from './sign-in-form';

// The sign-in form posts here rather than to next-auth's callback endpoint so that it works
// without JavaScript and can answer with the GOV.UK error pattern (summary, field messages, the
// typed e-mail kept). The check is the same `authenticate` the Credentials provider uses, and the
// cookie is next-auth's own token format, name and options, so getServerSession reads it.
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = {
    email: String(form.get('email') ?? ''),
    password: String(form.get('password') ?? ''),
    callbackUrl: form.get('callbackUrl') ? String(form.get('callbackUrl')) : undefined,
  };
  const values = { email: raw.email.trim().slice(0, 320) };
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    const errors: Partial<Record<SignInField, string>> = {};
    if (fieldErrors.email?.[0]) errors.email = fieldErrors.email[0];
    if (fieldErrors.password?.[0]) errors.password = fieldErrors.password[0];
    return { errors, values };
  }

  const result = await authenticate(db(), {
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientIp(await headers()),
  });
  if (!result.ok) return { formError: messageFor(result), values };

  await issueSessionCookie(result.user);
  redirect(safeCallbackUrl(parsed.data.callbackUrl) ?? roleHome(result.user.role));
}

async function issueSessionCookie(user: AuthenticatedUser): Promise<void> {
  const maxAge = sessionMaxAgeSeconds();
  const token = await encode({ token: claimsFor(user), secret: await authSecret(), maxAge });
  const { name, options } = sessionCookie();
  (await cookies()).set(name, token, { ...options, maxAge });
}

export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) {
    await recordAudit(db(), { actor: user, action: 'auth.signed_out', entityType: 'user', entityId: user.id });
  }
  const { name, options } = sessionCookie();
  // Overwritten with the same attributes: a __Secure- cookie is only replaced by a Secure one.
  (await cookies()).set(name, '', { ...options, maxAge: 0 });
  redirect('/sign-in?signedOut=1');
}
