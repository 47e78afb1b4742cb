// Emails about staff accounts: an invitation to set a password, and a password reset link.
import { config } from '../../config';
import { email, lines, type Rendered } from './render';

export type StaffInvitation = { name: string; inviterName: string; roleLabel: string; inviteUrl: string; expiresOn: string };

export function staffInvitation(d: StaffInvitation): Rendered {
  const service = config.borough.serviceName;
  return email(
    'staff_invitation',
    `You have been invited to ${service}`,
    lines(
      `Hello ${d.name},`,
      '',
      `${d.inviterName} has set up an account for you on ${service} as a ${d.roleLabel.toLowerCase()}.`,
      '',
      'To set your password and sign in, use this link:',
      d.inviteUrl,
      '',
      `The link works once and stops working on ${d.expiresOn}. If it has stopped working, ask ${d.inviterName} to send you a new one.`,
      '',
      `If you were not expecting this, you can ignore this email or contact ${config.borough.contactEmail}.`,
      '',
      service,
    ),
    { name: d.name, inviter_name: d.inviterName, role: d.roleLabel, invite_url: d.inviteUrl, expires_on: d.expiresOn },
  );
}

export type PasswordReset = { name: string; resetUrl: string; minutes: number };

export function passwordReset(d: PasswordReset): Rendered {
  const service = config.borough.serviceName;
  return email(
    'password_reset',
    `Reset your password for ${service}`,
    lines(
      `Hello ${d.name},`,
      '',
      'Someone (we hope you) asked to reset the password for your account. To choose a new password, use this link:',
      d.resetUrl,
      '',
      `The link works once and stops working after ${d.minutes} minutes. When you set a new password, you will be signed out everywhere else.`,
      '',
      `If you did not ask for this, you can ignore this email: your password has not changed. If it keeps happening, contact ${config.borough.contactEmail}.`,
      '',
      service,
    ),
    { name: d.name, reset_url: d.resetUrl, minutes: String(d.minutes) },
  );
}
