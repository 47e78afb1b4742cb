// The one place a sign-in becomes a session cookie: after the password, or after the second step.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { db } from '@/lib/db/client';
import { sessionCookie } from './cookies';
import { createSession } from './load-user';

export async function issueSession(userId: string, now: Date = new Date()): Promise<void> {
  const session = await createSession(db(), userId, { now, userAgent: (await headers()).get('user-agent') });
  const { name, options } = sessionCookie();
  (await cookies()).set(name, session.token, { ...options, expires: session.expiresAt });
}
