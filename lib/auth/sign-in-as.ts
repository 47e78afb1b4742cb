import type { Tx } from '@/lib/db/client';
import { sessionCookie } from './cookies';
import { createSession, type SessionPolicy } from './load-user';

/**
 * Opens a session for a user without a password, as the sign-in action would after one: for the
 * benchmarks and tests that fetch pages as a member of staff. Returns the Cookie header to send.
 */
export async function signInAs(
  tx: Tx,
  userId: string,
  options: { now?: Date; policy?: SessionPolicy } = {},
): Promise<{ cookie: string; token: string; expiresAt: Date }> {
  const session = await createSession(tx, userId, { ...options, userAgent: 'benchmark' });
  return { cookie: `${sessionCookie().name}=${session.token}`, token: session.token, expiresAt: session.expiresAt };
}
