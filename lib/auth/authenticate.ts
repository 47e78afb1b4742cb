// The credential check behind every sign-in, as a plain function of the database and the clock so
// tests can call it directly. No Next.js imports here.
import type { Tx } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { deviceCookieValue, deviceNonce } from './device';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password';
import {
  accountKey,
  addressKey,
  countFailure,
  deviceKey,
  forget,
  normaliseEmail,
  throttlePolicy,
  waitFor,
  type ThrottlePolicy,
} from './throttle';
import type { Role } from './types';

export { normaliseEmail, accountKey };

export type AuthenticatedUser = { id: string; name: string; email: string; role: Role };

export type AuthResult =
  | {
      ok: true;
      user: AuthenticatedUser;
      /** A fresh device cookie for this account on this browser (see ./device.ts). */
      device: string;
    }
  /** Wrong e-mail or password, or an account that is no longer active: the same answer for all. */
  | { ok: false; reason: 'invalid' }
  /** Too many failures in a row for this account, this browser or this address: wait, then try again. */
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type Credentials = {
  email: string;
  password: string;
  ip: string;
  /** The browser's device cookie, if it has one. */
  device?: string | null;
};

export type AuthOptions = { now?: Date; policy?: ThrottlePolicy; secret: string };

const MAX_PASSWORD_LENGTH = 1024;

export async function authenticate(
  db: Tx,
  credentials: Credentials,
  { now = new Date(), policy = throttlePolicy(), secret }: AuthOptions,
): Promise<AuthResult> {
  const email = normaliseEmail(credentials.email);
  const password = credentials.password;

  // A browser this account signed in from before counts only its own failures; anywhere else
  // counts against the account and the network address. Unknown e-mails are counted the same way,
  // so the answers cannot tell which addresses have accounts.
  const nonce = deviceNonce(credentials.device, email, secret);
  const buckets = nonce
    ? [{ key: deviceKey(email, nonce), free: policy.freeFailures, scope: 'device' as const }]
    : [
        { key: accountKey(email), free: policy.freeFailures, scope: 'account' as const },
        { key: addressKey(credentials.ip), free: policy.addressFreeFailures, scope: 'address' as const },
      ];

  const wait = await waitFor(
    db,
    buckets.map((b) => b.key),
    now,
    policy,
  );
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

  const user =
    email && password && password.length <= MAX_PASSWORD_LENGTH
      ? await db.user.findFirst({
          where: { email: { equals: email, mode: 'insensitive' } },
          select: { id: true, name: true, email: true, role: true, passwordHash: true, active: true },
        })
      : null;

  // The hash is checked in every case (a dummy one for unknown addresses) so an unknown or
  // inactive account answers in the same time as a wrong password.
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password.slice(0, MAX_PASSWORD_LENGTH));

  if (!user || !passwordOk || !user.active) {
    for (const bucket of buckets) {
      const { failures, delaySeconds } = await countFailure(db, bucket.key, bucket.free, now, policy);
      // Audited once per run of failures, when delays begin; no e-mail or address in the record.
      if (delaySeconds > 0 && failures === bucket.free + 1) {
        await recordAudit(db, {
          actor: null,
          action: 'auth.sign_in_throttled',
          entityType: 'user',
          entityId: bucket.scope === 'address' ? undefined : user?.id,
          detail: { scope: bucket.scope, failures },
          at: now,
        });
      }
    }
    return { ok: false, reason: 'invalid' };
  }

  await db.user.update({
    where: { id: user.id },
    data: {
      lastLoginAt: now,
      ...(needsRehash(user.passwordHash) ? { passwordHash: await hashPassword(password) } : {}),
    },
  });
  // Successes never count against the address; the account's (or this browser's) run of failures ends.
  await forget(db, buckets[0].key);
  await recordAudit(db, {
    actor: { id: user.id, role: user.role },
    action: 'auth.signed_in',
    entityType: 'user',
    entityId: user.id,
    at: now,
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    device: deviceCookieValue(email, secret),
  };
}
