import type { Tx } from '@/lib/db/client';
import type { SessionUser } from './types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session's user as the database says now, or null when the account has gone, is inactive,
 * is locked, or has moved on to a newer sessionVersion (lock-out, role change, leaver, sign-out).
 * Called on every request, so those changes take effect at once despite stateless JWTs.
 */
export async function loadSessionUser(
  tx: Tx,
  userId: string,
  sessionVersion: number,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  if (!uuid.test(userId) || !Number.isInteger(sessionVersion)) return null;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      teamId: true,
      active: true,
      sessionVersion: true,
      lockedUntil: true,
      memberships: { select: { organisationId: true }, orderBy: { organisationId: 'asc' } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  if (user.lockedUntil && user.lockedUntil > now) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    organisationIds: user.memberships.map((m) => m.organisationId),
  };
}

/** Ends every open session of a user: for leavers, role changes, "sign out everywhere". */
export async function revokeSessions(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
