// Sign-in throttling instead of a lock-out (docs/decisions/0012-server-side-sessions.md): failed
// sign-ins in a row per key (an account's digest, a network address, a browser that signed in to
// the account before) make the next attempt wait, doubling each time up to a cap. Nothing locks an
// account and nothing ends its sessions, so an outsider cannot turn this against a member of staff.
import { createHash } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { config } from '@/lib/config';

export type ThrottlePolicy = {
  /** Failures in a row per account (or per known browser) before delays start. */
  freeFailures: number;
  /** The same for one network address, shared by everyone behind it. */
  addressFreeFailures: number;
  maxDelaySeconds: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetAfterSeconds: number;
};

export function throttlePolicy(): ThrottlePolicy {
  const { freeFailures, addressFreeFailures, maxDelaySeconds } = config.auth;
  return { freeFailures, addressFreeFailures, maxDelaySeconds, forgetAfterSeconds: 24 * 60 * 60 };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An account's key: a digest, so the table holds no e-mail addresses (and unknown ones look the same). */
export const accountDigest = (email: string) => createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 32);
export const accountKey = (email: string) => `signin:account:${accountDigest(email)}`;
export const addressKey = (ip: string) =>
  `signin:ip:${createHash('sha256')
    .update(ip || 'unknown')
    .digest('hex')
    .slice(0, 32)}`;
export const deviceKey = (email: string, nonce: string) => `signin:device:${accountDigest(email)}:${nonce}`;

/** Seconds to wait after this many failures in a row: none for the free ones, then 1, 2, 4 ... up to the cap. */
export function delayAfter(failures: number, free: number, maxDelaySeconds: number): number {
  if (failures <= free) return 0;
  return Math.min(maxDelaySeconds, 2 ** Math.min(30, failures - free - 1));
}

/** Seconds until any of these keys may try again (0: go ahead). */
export async function waitFor(tx: Tx, keys: readonly string[], now: Date, policy: ThrottlePolicy): Promise<number> {
  const forgotten = new Date(now.getTime() - policy.forgetAfterSeconds * 1000);
  const rows = await tx.$queryRaw<{ next: Date | null }[]>`
    SELECT max("nextAttemptAt") AS next FROM "SignInThrottle"
    WHERE "key" = ANY(${keys as string[]}) AND "lastFailureAt" > ${forgotten}`;
  const next = rows[0]?.next;
  return next && next > now ? Math.ceil((next.getTime() - now.getTime()) / 1000) : 0;
}

/** Counts one failure against a key; returns the failures in a row and the delay that now applies. */
export async function countFailure(
  tx: Tx,
  key: string,
  free: number,
  now: Date,
  policy: ThrottlePolicy,
): Promise<{ failures: number; delaySeconds: number }> {
  const forgotten = new Date(now.getTime() - policy.forgetAfterSeconds * 1000);
  // One atomic upsert, so two instances counting at once cannot lose a failure.
  const rows = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt", "nextAttemptAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" <= ${forgotten} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "lastFailureAt" = ${now}
    RETURNING "failures"`;
  const failures = Number(rows[0].failures);
  const delaySeconds = delayAfter(failures, free, policy.maxDelaySeconds);
  if (delaySeconds > 0) {
    await tx.$executeRaw`
      UPDATE "SignInThrottle" SET "nextAttemptAt" = ${new Date(now.getTime() + delaySeconds * 1000)} WHERE "key" = ${key}`;
  }
  return { failures, delaySeconds };
}

export type AccountThrottle = { failures: number; waitSeconds: number };

/** The failures in a row counted against each of these accounts (by e-mail), for the staff screens. */
export async function accountThrottles(
  tx: Tx,
  emails: readonly string[],
  now: Date = new Date(),
  policy: ThrottlePolicy = throttlePolicy(),
): Promise<Map<string, AccountThrottle>> {
  const byKey = new Map(emails.map((e) => [accountKey(e), e]));
  const forgotten = new Date(now.getTime() - policy.forgetAfterSeconds * 1000);
  const rows = await tx.$queryRaw<{ key: string; failures: number; nextAttemptAt: Date }[]>`
    SELECT "key", "failures", "nextAttemptAt" FROM "SignInThrottle"
    WHERE "key" = ANY(${[...byKey.keys()]}) AND "lastFailureAt" > ${forgotten}`;
  const out = new Map<string, AccountThrottle>();
  for (const r of rows) {
    const waitMs = r.nextAttemptAt.getTime() - now.getTime();
    out.set(byKey.get(r.key)!, { failures: Number(r.failures), waitSeconds: waitMs > 0 ? Math.ceil(waitMs / 1000) : 0 });
  }
  return out;
}

export async function forget(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "SignInThrottle" WHERE "key" = ${key}`;
}

/**
 * An admin's "unlock": forgets the failures counted against this account, from anywhere and from
 * every browser that signed in to it before. (Network addresses are not the account's to clear.)
 */
export async function clearSignInThrottle(tx: Tx, email: string): Promise<void> {
  const digest = accountDigest(email);
  await tx.$executeRaw`
    DELETE FROM "SignInThrottle" WHERE "key" = ${`signin:account:${digest}`} OR "key" LIKE ${`signin:device:${digest}:%`}`;
}

/** Removes keys with no failure for a day; for the periodic job. */
export async function pruneSignInThrottle(tx: Tx, now: Date = new Date(), policy = throttlePolicy()): Promise<number> {
  const forgotten = new Date(now.getTime() - policy.forgetAfterSeconds * 1000);
  return tx.$executeRaw`DELETE FROM "SignInThrottle" WHERE "lastFailureAt" <= ${forgotten}`;
}
