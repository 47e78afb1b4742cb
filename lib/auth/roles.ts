import type { Route } from 'next';
import type { Role } from './types';

const homes = {
  provider: '/provider',
  link_worker: '/caseload',
  coordinator: '/triage',
  commissioner: '/reports',
  admin: '/admin',
} as const satisfies Record<Role, Route>;

/** Where each role lands after signing in. */
export function roleHome(role: Role): (typeof homes)[Role] {
  return homes[role];
}

/** Every role's home page: the proxy sends signed-out visitors of these paths to sign in. */
export const staffPathPrefixes: readonly string[] = [...Object.values(homes), '/home', '/cases'];

export const roleLabels: Record<Role, string> = {
  provider: 'Provider',
  link_worker: 'Link worker',
  coordinator: 'Coordinator',
  commissioner: 'Commissioner',
  admin: 'Administrator',
};

export const roleLabelsPlural: Record<Role, string> = {
  provider: 'Providers',
  link_worker: 'Link workers',
  coordinator: 'Coordinators',
  commissioner: 'Commissioners',
  admin: 'Administrators',
};

/**
 * A sign-in callback address we are willing to follow: a path on this site only, so a crafted
 * link cannot send someone elsewhere after they sign in.
 */
export function safeCallbackUrl(value: unknown, ownOrigin?: string): Route | null {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return null;
  // An absolute address on our own origin (an old bookmark, a mail client's rewrite): keep only its path.
  const raw = ownOrigin && value.startsWith(`${ownOrigin}/`) ? value.slice(ownOrigin.length) : value;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  let url: URL;
  try {
    url = new URL(raw, 'http://same-origin.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://same-origin.invalid') return null;
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/auth')) return null;
  // Checked above to be a path on this site; which page it names is only known at run time.
  return `${url.pathname}${url.search}${url.hash}` as Route;
}
