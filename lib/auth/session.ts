// The authoritative checks for pages, server actions and route handlers.
import type { Route } from 'next';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { SIGNED_OUT_DIGEST } from '@/lib/forms/state';
import { insideFormAction } from '@/lib/forms/action';
import { refreshSettings } from '@/lib/settings';
import { sessionCookie } from './cookies';
import { loadSession, type LoadedSession } from './load-user';
import { can, type Action, type Resource } from './permissions';
import { REQUEST_PATH_HEADER } from './request';
import { roleHome, safeCallbackUrl } from './roles';
import type { Role, SessionUser } from './types';

export type { SessionUser };
export { roleHome };

/**
 * This request's session, checked against the database once per request; null when signed out.
 * A database error is not "signed out": it propagates to the error page and the cookie is kept.
 */
export const getSession = cache(async (): Promise<LoadedSession | null> => {
  // Reading the request first makes every page that asks dynamic, so no build-time prerender
  // reaches for the database.
  await headers();
  const token = (await cookies()).get(sessionCookie().name)?.value;
  if (!token) return null;
  // The session lengths are an admin's settings: check against them as they are now.
  await refreshSettings();
  return loadSession(db(), token);
});

/** The signed-in user; null when signed out. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => (await getSession())?.user ?? null);

/**
 * Thrown instead of redirecting when a server action finds no session: a redirect would throw
 * away what the person typed. The form's action (lib/forms/action.ts) turns it into a refusal
 * that keeps every value; the page (components/ui/use-form-action.ts) asks them to sign in again
 * and sends the form once more.
 */
export class SignedOut extends Error {
  readonly digest = SIGNED_OUT_DIGEST;
  constructor() {
    super('The session ended before this form was sent');
    this.name = 'SignedOut';
  }
}

async function signInPath(): Promise<Route> {
  const here = safeCallbackUrl((await headers()).get(REQUEST_PATH_HEADER));
  return here ? `/sign-in?callbackUrl=${encodeURIComponent(here)}` : '/sign-in';
}

/** The signed-in user, or a redirect to sign in that comes back to this page afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    // A form's action (lib/forms/action.ts), or any server action called from the page (React sends
    // this header): answer so the form keeps its text.
    if (insideFormAction() || (await headers()).has('next-action')) throw new SignedOut();
    redirect(await signInPath());
  }
  return user;
}

/** The signed-in user if they have one of these roles; otherwise a 403 page. */
export async function requireRole(...allowed: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!allowed.includes(user.role)) forbidden();
  return user;
}

/** The signed-in user if `can(user, action, resource)`; otherwise a 403 page. */
export async function requirePermission(action: Action, resource?: Resource): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, resource)) forbidden();
  return user;
}
