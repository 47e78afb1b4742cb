// What the staff account forms accept. Pure (zod and labels), so forms and tests import it too.
import { z } from 'zod';
import { roles, type Role } from '@/lib/auth/types';
import { email, text, uuid, version } from '@/lib/forms';

const roleField = z.enum(roles, { error: 'Select a role' });
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), uuid('Select a team from the list').nullable());

export const inviteStaffInput = z.object({
  name: text('Their full name', 100, 'Enter their full name'),
  email: email('Enter their email address').transform((s) => s.toLowerCase()),
  role: roleField,
  teamId: optionalId,
  organisationId: z.preprocess((v) => (v === '' || v === undefined ? null : v), uuid('Select a group from the list').nullable()),
});
export type InviteStaffInput = z.output<typeof inviteStaffInput>;

export const updateStaffInput = z.object({
  role: roleField,
  teamId: optionalId,
  /** Groups the account stays in (providers only), and one to add. */
  keepOrganisationIds: z.array(uuid()).default([]),
  addOrganisationId: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    uuid('Select a group from the list').nullable(),
  ),
  version: version(1),
});
export type UpdateStaffInput = z.output<typeof updateStaffInput>;

export const staffSorts = ['name', 'email', 'role', 'lastSignIn'] as const;
export type StaffSort = (typeof staffSorts)[number];
export const staffStatuses = ['active', 'invited', 'off'] as const;
export type StaffStatus = (typeof staffStatuses)[number];

export const staffStatusLabels: Record<StaffStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  off: 'Switched off',
};

/** Roles that work in a team, and the one that belongs to groups. */
export const teamRoles: readonly Role[] = ['link_worker', 'coordinator'];
export const needsTeam = (role: Role) => teamRoles.includes(role);

/** The account history's events in words. */
const historyLabels: Record<string, string> = {
  'staff.invited': 'Invited to set a password',
  'staff.invite_resent': 'Invite sent again',
  'staff.invite_cancelled': 'Invite cancelled',
  'staff.invite_accepted': 'Set their password from the invite',
  'staff.updated': 'Role, team or groups changed',
  'staff.switched_off': 'Switched off (all sessions ended)',
  'staff.switched_on': 'Switched back on',
  'staff.unlocked': 'Sign-in delays cleared',
  'account.password_reset_requested': 'Asked for a password reset link',
  'account.password_reset': 'Reset their password (all sessions ended)',
  'account.invite_accepted': 'Set their password from a group invite',
  'account.email_verified': 'Confirmed their email address',
  'auth.signed_in': 'Signed in',
  'auth.sign_in_throttled': 'Sign-in delayed after wrong passwords',
  'auth.two_step.enrolled': 'Set up two-step sign-in',
  'auth.two_step.replaced': 'Replaced their authenticator app',
  'auth.two_step.recovery_codes_replaced': 'Made new recovery codes',
  'auth.two_step.recovery_code_used': 'Signed in with a recovery code',
  'auth.two_step.passkey_added': 'Added a security key or passkey',
  'auth.two_step.passkey_removed': 'Removed a security key or passkey',
  'auth.two_step.reset': 'Two-step sign-in reset (all sessions ended)',
  'auth.oidc.linked': "Linked to their organisation's account (single sign-on)",
  'auth.oidc.refused': "Sign-in with their organisation's account refused",
};

export function staffHistoryLabel(action: string): string {
  return historyLabels[action] ?? action;
}
