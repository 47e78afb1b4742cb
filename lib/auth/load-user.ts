import type { Tx } from '@/lib/db/client';
import type { Role, SessionUser } from './types';

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
  // One statement (the user and their organisations): this runs on every request.
  const [user] = await tx.$queryRaw<
    Array<{
      id: string;
      name: string;
      email: string;
      role: Role;
      teamId: string | null;
      active: boolean;
      sessionVersion: number;
      lockedUntil: Date | null;
      organisationIds: string[];
    }>
  >`
    SELECT u.id, u.name, u.email, u.role::text AS role, u."teamId", u.active, u."sessionVersion", u."lockedUntil",
           array(SELECT m."organisationId"::text FROM "OrganisationMember" m WHERE m."userId" = u.id ORDER BY m."organisationId") AS "organisationIds"
    FROM "User" u
    WHERE u.id = ${userId}::uuid`;
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  if (user.lockedUntil && user.lockedUntil > now) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    organisationIds: user.organisationIds,
  };
}

/** Ends every open session of a user: for leavers, role changes, "sign out everywhere". */
export async function revokeSessions(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
