// The authoritative checks for pages, server actions and route handlers.
import type { Route } from 'next';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { can, type Action, type Resource } from './permissions';
import { getAuthOptions, type AppSession } from './options';
import { REQUEST_PATH_HEADER } from './request';
import { roleHome, safeCallbackUrl } from './roles';
import type { Role, SessionUser } from './types';

export type { SessionUser };
export { roleHome };

/** The signed-in user, re-checked against the database once per request; null when signed out. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Reading the request first makes every page that asks dynamic, so no build-time prerender
  // reaches for the database.
  await headers();
  const session = (await getServerSession(await getAuthOptions())) as AppSession | null;
  return session?.user ?? null;
});

async function signInPath(): Promise<Route> {
  const here = safeCallbackUrl((await headers()).get(REQUEST_PATH_HEADER));
  return here ? `/sign-in?callbackUrl=${encodeURIComponent(here)}` : '/sign-in';
}

/** The signed-in user, or a redirect to sign in that comes back to this page afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
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
