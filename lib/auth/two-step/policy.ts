// Who must use two-step sign-in. Pure: the caller passes the settings.
import { demoAccounts } from '@/lib/demo/accounts';
import type { Role } from '../types';

/**
 * Roles that can open a person's details: link workers and coordinators (their team's cases),
 * providers (referrals to their services carry the person's name, contact and needs) and admins
 * (subject access and erasure). Commissioners see aggregate reports only.
 */
export const ROLES_THAT_SEE_PEOPLE: readonly Role[] = ['link_worker', 'coordinator', 'provider', 'admin'];

export type TwoStepPolicy = { required: boolean; demoMode: boolean };

const demoEmails = new Set(demoAccounts.map((a) => a.email.toLowerCase()));

/** Must this user give a code after their password before they are signed in? */
export function twoStepRequired(user: { email: string; role: Role }, policy: TwoStepPolicy): boolean {
  if (!policy.required) return false;
  // The demo opens in one step; outside demo mode the same addresses get no pass.
  if (policy.demoMode && demoEmails.has(user.email.trim().toLowerCase())) return false;
  return ROLES_THAT_SEE_PEOPLE.includes(user.role);
}
