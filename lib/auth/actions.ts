'use server';

import { encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { parseForm, refused, type FormState } from '@/lib/forms';
import { authenticate, type AuthenticatedUser } from './authenticate';
import { authSecret, claimsFor, sessionCookie, sessionMaxAgeSeconds } from './options';
import { clientIp } from './request';
import { roleHome, safeCallbackUrl } from './roles';
import { getSessionUser } from './session';
import { messageFor, signInInput } from './sign-in-form';

// The sign-in form posts here rather than to next-auth's callback endpoint so that it works
// without JavaScript and can answer with the GOV.UK error pattern (summary, field messages, the
// typed e-mail kept). The check is the same `authenticate` the Credentials provider uses, and the
// cookie is next-auth's own token format, name and options, so getServerSession reads it.
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  // The password is never sent back to the page.
  const parsed = parseForm(signInInput, form, { omit: ['password'] });
  if (!parsed.ok) return parsed.state;

  const result = await authenticate(db(), {
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientIp(await headers()),
  });
  if (!result.ok) return refused(parsed.values, messageFor(result));

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
