// The credential check behind every sign-in, as a plain function of the database and the clock so
// tests can call it directly. No Next.js imports here.
import { createHash } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { config } from '@/lib/config';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password';
import { clear, hit } from './rate-limit';
import type { Role } from './types';

export type AuthenticatedUser = { id: string; name: string; email: string; role: Role; sessionVersion: number };

export type AuthResult =
  | { ok: true; user: AuthenticatedUser }
  /** Wrong e-mail or password, or an account that is no longer active: the same answer for all. */
  | { ok: false; reason: 'invalid' }
  /** Too many failures for this account (or this address, whether or not it has an account). */
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }
  /** Too many attempts from one network address. */
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export type Credentials = { email: string; password: string; ip: string };

export type AuthPolicy = {
  maxFailedLogins: number;
  lockoutMinutes: number;
  perIpPerMinute: number;
};

export function authPolicy(): AuthPolicy {
  const { maxFailedLogins, lockoutMinutes, signInPerIpPerMinute } = config.auth;
  return { maxFailedLogins: Math.max(1, maxFailedLogins), lockoutMinutes, perIpPerMinute: signInPerIpPerMinute };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// The account key is a digest so the bucket table holds no e-mail addresses.
export const accountKey = (email: string) =>
  `signin:account:${createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 32)}`;
export const ipKey = (ip: string) => `signin:ip:${ip || 'unknown'}`;

const MAX_PASSWORD_LENGTH = 1024;

export async function authenticate(
  db: Tx,
  credentials: Credentials,
  now: Date = new Date(),
  policy: AuthPolicy = authPolicy(),
): Promise<AuthResult> {
  const email = normaliseEmail(credentials.email);
  const password = credentials.password;
  const lockoutSeconds = policy.lockoutMinutes * 60;
  const locked = { ok: false, reason: 'locked', retryAfterSeconds: lockoutSeconds } as const;

  const perIp = await hit(db, ipKey(credentials.ip), policy.perIpPerMinute, 60, now);
  if (!perIp.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: perIp.retryAfterSeconds };

  // Counted for every address, with or without an account, so "too many attempts" cannot be
  // used to learn which addresses exist. Cleared on success.
  const perAccount = await hit(db, accountKey(email), policy.maxFailedLogins, lockoutSeconds, now);
  if (!perAccount.allowed) return locked;

  if (!email || !password || password.length > MAX_PASSWORD_LENGTH) {
    await verifyAgainstDummy(password.slice(0, MAX_PASSWORD_LENGTH));
    return failedUnknown(perAccount.count, policy, locked);
  }

  const user = await db.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' } },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      passwordHash: true,
      active: true,
      sessionVersion: true,
      lockedUntil: true,
    },
  });

  if (!user) {
    await verifyAgainstDummy(password);
    return failedUnknown(perAccount.count, policy, locked);
  }

  // The hash is checked in every case so a locked or inactive account answers in the same time.
  const passwordOk = await verifyPassword(user.passwordHash, password);

  if (user.lockedUntil && user.lockedUntil > now) return locked;
  if (!user.active) return { ok: false, reason: 'invalid' };

  if (!passwordOk) {
    const lockedNow = await countFailure(db, user.id, policy, now);
    if (lockedNow) {
      await recordAudit(db, {
        actor: null,
        action: 'auth.locked_out',
        entityType: 'user',
        entityId: user.id,
        detail: { minutes: policy.lockoutMinutes },
      });
      return locked;
    }
    return { ok: false, reason: 'invalid' };
  }

  await db.user.update({
    where: { id: user.id },
    data: {
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: now,
      ...(needsRehash(user.passwordHash) ? { passwordHash: await hashPassword(password) } : {}),
    },
  });
  await clear(db, accountKey(email));
  await recordAudit(db, {
    actor: { id: user.id, role: user.role },
    action: 'auth.signed_in',
    entityType: 'user',
    entityId: user.id,
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}

function failedUnknown(attempts: number, policy: AuthPolicy, locked: AuthResult): AuthResult {
  // The failure that reaches the limit reads "locked", exactly as it would for a real account.
  return attempts >= policy.maxFailedLogins ? locked : { ok: false, reason: 'invalid' };
}

/**
 * Adds one failure in a single statement (so two instances racing cannot both miss the limit).
 * On reaching the limit the account locks, the count restarts, and sessionVersion moves on so
 * every session already open is refused.
 */
async function countFailure(db: Tx, userId: string, policy: AuthPolicy, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
  const rows = await db.$queryRaw<{ lockedNow: boolean }[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${policy.maxFailedLogins} THEN 0 ELSE "failedLoginCount" + 1 END,
      "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${policy.maxFailedLogins} THEN ${until} ELSE "lockedUntil" END,
      "sessionVersion" = CASE WHEN "failedLoginCount" + 1 >= ${policy.maxFailedLogins} THEN "sessionVersion" + 1 ELSE "sessionVersion" END,
      "updatedAt" = ${now}
    WHERE "id" = ${userId}::uuid
    RETURNING ("failedLoginCount" = 0) AS "lockedNow"`;
  return rows[0]?.lockedNow === true;
}
