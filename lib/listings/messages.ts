// Who hears about listings and groups (the wording is in lib/notify/templates). Queued in the caller's transaction through
// the notification outbox, so a message goes if and only if the change that caused it commits.
import type { Tx } from '@/lib/db/client';
import { enqueueRendered, type Rendered } from '@/lib/notify';

export {
  addedToGroup,
  changeApproved,
  changeSentBack,
  invitation,
  organisationChangeDecided,
  organisationDecided,
  signUpWithExistingAccount,
  staffAccountNotAdded,
  verifyEmail,
} from '@/lib/notify/templates/listings';

export function queue(tx: Tx, recipient: string, m: Rendered, payload: Record<string, unknown>, now: Date) {
  return enqueueRendered(tx, { recipient, rendered: m, payload }, now);
}

/** Who hears about a listing: the person who asked for the change if still active, else the group's members or address. */
export async function listingContacts(tx: Tx, serviceId: string, submittedById: string | null): Promise<string[]> {
  if (submittedById) {
    const u = await tx.user.findUnique({ where: { id: submittedById }, select: { email: true, active: true, role: true } });
    if (u?.active && u.role === 'provider') return [u.email];
  }
  const s = await tx.service.findUnique({
    where: { id: serviceId },
    select: {
      email: true,
      organisation: {
        select: {
          email: true,
          members: { select: { user: { select: { email: true, active: true } } }, orderBy: { createdAt: 'asc' }, take: 3 },
        },
      },
    },
  });
  if (!s) return [];
  const members = s.organisation.members.filter((m) => m.user.active).map((m) => m.user.email);
  if (members.length) return members;
  const fallback = s.organisation.email ?? s.email;
  return fallback ? [fallback] : [];
}

/** Who hears about a group's own details: the person who asked if still active, else its members or its address. */
export async function organisationContacts(tx: Tx, organisationId: string, submittedById: string | null): Promise<string[]> {
  if (submittedById) {
    const u = await tx.user.findUnique({ where: { id: submittedById }, select: { email: true, active: true, role: true } });
    if (u?.active && u.role === 'provider') return [u.email];
  }
  const o = await tx.organisation.findUnique({
    where: { id: organisationId },
    select: {
      email: true,
      members: { select: { user: { select: { email: true, active: true } } }, orderBy: { createdAt: 'asc' }, take: 3 },
    },
  });
  if (!o) return [];
  const members = o.members.filter((m) => m.user.active).map((m) => m.user.email);
  if (members.length) return members;
  return o.email ? [o.email] : [];
}
