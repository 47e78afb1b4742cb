// E-mails about staff accounts, in plain English, queued through the outbox in the caller's transaction.
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { enqueueNotification } from '@/lib/notify';

const base = () => config.baseUrl.replace(/\/+$/, '');
export const staffUrls = {
  invite: (raw: string) => `${base()}/accept-invite/${raw}`,
  signIn: () => `${base()}/sign-in`,
};

export async function sendStaffInvite(
  tx: Tx,
  d: { to: string; name: string; inviterName: string; roleLabel: string; raw: string; expiresAt: Date; userId: string },
  now: Date,
) {
  const url = staffUrls.invite(d.raw);
  const expiresOn = formatDate(d.expiresAt);
  await enqueueNotification(
    tx,
    {
      channel: 'email',
      template: 'staff_invitation',
      recipient: d.to,
      subject: `You have been invited to ${config.borough.serviceName}`,
      body: [
        `Hello ${d.name},`,
        '',
        `${d.inviterName} has set up an account for you on ${config.borough.serviceName} as a ${d.roleLabel.toLowerCase()}.`,
        '',
        'To set your password and sign in, use this link:',
        url,
        '',
        `The link works once and stops working on ${expiresOn}. If it has stopped working, ask ${d.inviterName} to send you a new one.`,
        '',
        `If you were not expecting this, you can ignore this email or contact ${config.borough.contactEmail}.`,
        '',
        config.borough.serviceName,
      ].join('\n'),
      payload: {
        userId: d.userId,
        personalisation: { name: d.name, inviter_name: d.inviterName, role: d.roleLabel, invite_url: url, expires_on: expiresOn },
      },
    },
    now,
  );
}
