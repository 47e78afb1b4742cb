// Fixed-window counters in PostgreSQL ("RateLimitBucket"), never in process memory, so every app
// instance counts the same attempts. One atomic upsert per hit; no transaction needed.
import type { Tx } from '@/lib/db/client';

export type RateLimitResult = {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  limit: number;
  resetAt: Date;
  /** Seconds until the window ends (0 when allowed). */
  retryAfterSeconds: number;
};

export function windowStartFor(now: Date, windowSeconds: number): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/**
 * Counts one attempt against `key` and says whether it is within `limit` attempts per
 * `windowSeconds`. Keys are namespaced by the caller, e.g. `signin:ip:203.0.113.9` or
 * `self-referral:ip:...`.
 */
export async function hit(
  tx: Tx,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError('windowSeconds must be a positive integer');
  const windowStart = windowStartFor(now, windowSeconds);
  const rows = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0].count);
  if (count === 1) {
    // First hit of a new window: the key's older windows can go (the prune job sweeps the rest).
    await tx.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowStart" < ${windowStart}`;
  }
  const resetAt = new Date(windowStart.getTime() + windowSeconds * 1000);
  const allowed = count <= limit;
  return {
    allowed,
    count,
    limit,
    resetAt,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Forgets every window of a key (after a successful sign-in, for example). */
export async function clear(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${key}`;
}

/** Removes windows that started before `before`; for a periodic job. Returns how many went. */
export async function pruneRateLimitBuckets(tx: Tx, before: Date): Promise<number> {
  return tx.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowStart" < ${before}`;
}
