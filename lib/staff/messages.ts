// E-mails about staff accounts (wording in lib/notify/templates), queued through the outbox in the caller's transaction.
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { enqueueRendered, templates } from '@/lib/notify';

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
  const rendered = templates.staffInvitation({
    name: d.name,
    inviterName: d.inviterName,
    roleLabel: d.roleLabel,
    inviteUrl: staffUrls.invite(d.raw),
    expiresOn: formatDate(d.expiresAt),
  });
  await enqueueRendered(tx, { recipient: d.to, rendered, payload: { userId: d.userId } }, now);
}
