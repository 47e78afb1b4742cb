import type { Tx } from '@/lib/db/client';
import { pruneSessions } from './load-user';
import { pruneRateLimitBuckets } from './rate-limit';
import { pruneSignInThrottle } from './throttle';

/**
 * Clears what sign-in and the rate limits leave behind: sessions that can no longer be used,
 * throttle counts with no failure for a day, and rate-limit windows over a day old (the longest
 * window is an hour). For the periodic sweep.
 */
export async function pruneAuthRecords(tx: Tx, now: Date = new Date()) {
  return {
    sessions: await pruneSessions(tx, now),
    throttles: await pruneSignInThrottle(tx, now),
    rateLimitWindows: await pruneRateLimitBuckets(tx, new Date(now.getTime() - 86_400_000)),
  };
}
