'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { formState, parseForm, refused, type FormState } from '@/lib/forms';
import { authenticate } from './authenticate';
import { deviceCookie, sessionCookie } from './cookies';
import { issueSession } from './issue-session';
import { loadSession, revokeSession } from './load-user';
import { clientIp } from './request';
import { roleHome, safeCallbackUrl } from './roles';
import { authSecret } from './secret';
import { getSession } from './session';
import { messageFor, signInInput } from './sign-in-form';
import { beginTwoStep, needsSecondStep, twoStepKey } from './two-step/flow';
import { codeRefusal } from './two-step/forms';
import { hasApp, isEnrolled, verifyCode } from './two-step/service';
import { formAction } from '@/lib/forms/action';

type SignedIn = { ok: true; home: ReturnType<typeof roleHome> } | { ok: false; state: FormState };

const CODE_NEEDED = 'Enter the 6-digit code from your authenticator app';
// The dialog takes a code only: a key needs the sign-in page's own steps.
const KEY_ONLY =
  'Your account signs in with a security key or passkey, which cannot be used here. Sign in on the sign-in page in a new tab, then come back, choose Cancel and save again';

// The sign-in form posts to a server action so that it works without JavaScript and answers with
// the GOV.UK error pattern (summary, field messages, the typed e-mail kept). On the sign-in page a
// second step is a page of its own (beginTwoStep); in the dialog that saves a form after a timeout
// the code is asked for in the dialog, so the page and what was typed on it stay put (someone with
// only security keys or passkeys is sent to the sign-in page in another tab).
async function signIn(form: FormData, where: 'page' | 'dialog'): Promise<SignedIn> {
  // The password is never sent back to the page.
  const parsed = parseForm(signInInput, form, { omit: ['password'] });
  if (!parsed.ok) return { ok: false, state: parsed.state };

  const jar = await cookies();
  const h = await headers();
  const result = await authenticate(
    db(),
    {
      email: parsed.data.email,
      password: parsed.data.password,
      ip: clientIp(h),
      device: jar.get(deviceCookie().name)?.value ?? null,
    },
    { secret: await authSecret() },
  );
  if (!result.ok) return { ok: false, state: refused(parsed.values, messageFor(result)) };

  // The password was right on this browser, whatever the second step says.
  const device = deviceCookie();
  jar.set(device.name, result.device, device.options);
  if (await needsSecondStep(db(), result.user)) {
    if (where === 'page') await beginTwoStep(result.user.id, safeCallbackUrl(form.get('callbackUrl')));
    const keysOnly = !(await hasApp(db(), result.user.id)) && (await isEnrolled(db(), result.user.id));
    if (keysOnly) return { ok: false, state: refused(parsed.values, KEY_ONLY) };
    const code = String(form.get('code') ?? '').trim();
    if (!code) return { ok: false, state: refused(parsed.values, { field: 'code', message: CODE_NEEDED }) };
    const checked = await verifyCode(db(), result.user, code, { key: await twoStepKey() });
    if (!checked.ok) return { ok: false, state: refused(parsed.values, codeRefusal(checked.reason, checked.retryAfterSeconds)) };
  }
  await issueSession(result.user.id);
  return { ok: true, home: roleHome(result.user.role) };
}

export const signInAction = formAction(async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await signIn(form, 'page');
  if (!result.ok) return result.state;
  redirect(safeCallbackUrl(form.get('callbackUrl')) ?? result.home);
});

/**
 * Signing in again from a page whose session ended (the dialog in components/auth): stays on the
 * page, so the form that was refused can be sent again with everything typed in it.
 */
export const signInAgainAction = formAction(async function signInAgainAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const result = await signIn(form, 'dialog');
  if (!result.ok) return result.state;
  return formState({ email: String(form.get('email') ?? '') }, { done: 'You are signed in again.' });
});

export async function signOutAction(): Promise<void> {
  const session = await getSession();
  const { name, options } = sessionCookie();
  const jar = await cookies();
  const token = jar.get(name)?.value;
  // The row is revoked, so the token is useless even if a copy of the cookie survives.
  if (token) await revokeSession(db(), token);
  if (session) {
    await recordAudit(db(), {
      actor: session.user,
      action: 'auth.signed_out',
      entityType: 'user',
      entityId: session.user.id,
    });
  }
  jar.set(name, '', { ...options, maxAge: 0 });
  redirect('/sign-in?signedOut=1');
}

export type SessionTime = { secondsLeft: number } | null;

async function timeLeft(touch: 'always' | 'never'): Promise<SessionTime> {
  const token = (await cookies()).get(sessionCookie().name)?.value;
  const session = token ? await loadSession(db(), token, new Date(), { touch }) : null;
  return session ? { secondsLeft: session.secondsLeft } : null;
}

/** How long this session has left, as the server sees it (other tabs count); asking is not activity. */
export async function sessionTimeLeftAction(): Promise<SessionTime> {
  return timeLeft('never');
}

/** "Stay signed in": counts as activity now. */
export async function staySignedInAction(): Promise<SessionTime> {
  return timeLeft('always');
}
