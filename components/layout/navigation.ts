import type { Route } from 'next';
import type { Role } from '@/lib/auth/types';

export type NavItem = { href: Route; text: string };

const find: NavItem = { href: '/services', text: 'Find help' };

/**
 * The header's links for each kind of visitor. Sign in / sign out are added by the header itself.
 * Add a role's new pages here so the whole service shows them.
 */
const reports: NavItem = { href: '/reports', text: 'Reports' };

const byRole: Record<Role | 'public', readonly NavItem[]> = {
  public: [find, { href: '/refer', text: 'Refer yourself' }],
  link_worker: [{ href: '/caseload', text: 'My caseload' }, find],
  coordinator: [
    { href: '/triage', text: 'Triage' },
    { href: '/caseload', text: 'Caseloads' },
    { href: '/moderation', text: 'Moderation' },
    { href: '/admin/staff', text: 'Link workers' },
    reports,
    find,
  ],
  provider: [{ href: '/provider', text: 'My listings' }, { href: '/provider/referrals', text: 'Referrals' }, find],
  commissioner: [reports],
  admin: [
    { href: '/admin', text: 'Admin' },
    { href: '/admin/staff', text: 'Staff accounts' },
    { href: '/admin/people', text: 'Subject access' },
    reports,
    find,
  ],
};

export function navItemsFor(role: Role | null | undefined): readonly NavItem[] {
  return byRole[role ?? 'public'];
}

/** Whether a nav link is the current section (exact page, or a page below it). */
export function isCurrent(href: string, pathname: string | null | undefined): boolean {
  if (!pathname) return false;
  return pathname === href || pathname.startsWith(`${href}/`);
}
