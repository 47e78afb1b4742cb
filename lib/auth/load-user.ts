// Server-side sessions (docs/decisions/0012-server-side-sessions.md): a row per signed-in browser,
// found by the SHA-256 of the random token only the cookie holds. Plain functions of the database
// and the clock, so tests pin time; no Next.js imports here.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { config } from '@/lib/config';
import type { Role, SessionUser } from './types';

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export function sessionPolicy(): SessionPolicy {
  const { sessionIdleMinutes, sessionMaxHours } = config.auth;
  return { idleMinutes: sessionIdleMinutes, maxHours: sessionMaxHours };
}

/** lastSeenAt is written at most this often: a conditional update, not one per request. */
export const TOUCH_EVERY_MS = 60_000;

// 32 random bytes in base64url: 43 characters.
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type NewSession = { token: string; id: string; expiresAt: Date };

/** Opens a session for a user; the token goes in the cookie and nowhere else. */
export async function createSession(
  tx: Tx,
  userId: string,
  {
    now = new Date(),
    userAgent,
    policy = sessionPolicy(),
  }: { now?: Date; userAgent?: string | null; policy?: SessionPolicy } = {},
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await tx.userSession.create({
    data: {
      id,
      userId,
      tokenHash: hashToken(token),
      userAgent: userAgent ? userAgentLabel(userAgent) : null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    },
  });
  return { token, id, expiresAt };
}

/** A short label ("Chrome on Windows") for a list of sessions; never the whole header. */
export function userAgentLabel(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'another system';
  return `${browser} on ${os}`;
}

export type LoadedSession = {
  id: string;
  user: SessionUser;
  /** When the session ends if nothing else happens: the idle limit or the absolute one, whichever is first. */
  endsAt: Date;
  /** Whole seconds from `now` to endsAt. */
  secondsLeft: number;
};

type Row = {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  organisationIds: string[];
};

function endsAt(lastSeenAt: Date, expiresAt: Date, policy: SessionPolicy): Date {
  const idleEnd = lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  return new Date(Math.min(idleEnd, expiresAt.getTime()));
}

/**
 * The session's user as the database says now, or null when the token matches no session, or the
 * session is revoked, idle too long or past its absolute limit, or the account is inactive. One
 * statement, because every signed-in request runs it: it also moves lastSeenAt on when the stored
 * value is more than a minute old (`touch: 'always'` for "stay signed in"; `'never'` to ask how
 * long is left without counting as activity).
 */
export async function loadSession(
  tx: Tx,
  token: string | undefined | null,
  now: Date = new Date(),
  { policy = sessionPolicy(), touch = 'sometimes' }: { policy?: SessionPolicy; touch?: 'sometimes' | 'always' | 'never' } = {},
): Promise<LoadedSession | null> {
  if (typeof token !== 'string' || !tokenShape.test(token)) return null;
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000);
  // Touch rows last seen before this moment ('never': nothing is that old).
  const touchBefore = touch === 'always' ? now : touch === 'never' ? new Date(0) : new Date(now.getTime() - TOUCH_EVERY_MS);
  const [row] = await tx.$queryRaw<Row[]>`
    WITH live AS (
      SELECT s.id AS "sessionId", s."lastSeenAt", s."expiresAt",
             u.id, u.name, u.email, u.role::text AS role, u."teamId"
      FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
      WHERE s."tokenHash" = ${hashToken(token)}
        AND s."revokedAt" IS NULL
        AND s."expiresAt" > ${now}
        AND s."lastSeenAt" > ${idleCutoff}
        AND u.active
    ), touched AS (
      UPDATE "UserSession" t SET "lastSeenAt" = ${now}
      FROM live WHERE t.id = live."sessionId" AND t."lastSeenAt" < ${touchBefore}
      RETURNING t.id
    )
    SELECT live."sessionId", live."expiresAt", live.id, live.name, live.email, live.role, live."teamId",
           CASE WHEN EXISTS (SELECT 1 FROM touched) THEN ${now}::timestamp(3) ELSE live."lastSeenAt" END AS "lastSeenAt",
           array(SELECT m."organisationId"::text FROM "OrganisationMember" m WHERE m."userId" = live.id ORDER BY m."organisationId") AS "organisationIds"
    FROM live`;
  if (!row) return null;
  const ends = endsAt(row.lastSeenAt, row.expiresAt, policy);
  return {
    id: row.sessionId,
    endsAt: ends,
    secondsLeft: Math.max(0, Math.floor((ends.getTime() - now.getTime()) / 1000)),
    user: {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      teamId: row.teamId,
      organisationIds: row.organisationIds,
    },
  };
}

/** Ends the session this token opened (signing out). */
export async function revokeSession(tx: Tx, token: string, now: Date = new Date()): Promise<void> {
  if (!tokenShape.test(token)) return;
  await tx.userSession.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every open session of a user at once: for leavers, role changes, "sign out everywhere".
 * Revoked rows stay revoked, so switching an account back on does not bring them back.
 */
export async function revokeSessions(tx: Tx, userId: string, now: Date = new Date()): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/**
 * Deletes sessions that can no longer be used: past their absolute limit, idle for longer than the
 * limit, or revoked, once a day has passed (kept that long to explain a recent sign-out). For the
 * periodic job.
 */
export async function pruneSessions(tx: Tx, now: Date = new Date(), policy: SessionPolicy = sessionPolicy()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const { count } = await tx.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff } }, { revokedAt: { lte: dayAgo } }] },
  });
  return count;
}
