// The one place a sign-in that has passed both steps becomes a session.
import 'server-only';
import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { authSecret, claimsFor, sessionCookie, sessionMaxAgeSeconds } from '../options';
import { roleHome } from '../roles';
import { clearPending } from './flow';
import type { Pending } from './pending';

/**
 * Signs in the user named by the pending step and goes on to where they were heading. The account
 * is read again here: one switched off or locked between the two steps gets no session.
 */
export async function completeSignIn(pending: Pending, now: Date = new Date()): Promise<never> {
  const user = await db().user.findUnique({
    where: { id: pending.userId },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, active: true, lockedUntil: true },
  });
  await clearPending();
  if (!user || !user.active || (user.lockedUntil && user.lockedUntil > now)) redirect('/sign-in');

  // the session is issued here
  const maxAge = sessionMaxAgeSeconds();
  const token = await encode({ token: claimsFor(user), secret: await authSecret(), maxAge });
  const { name, options } = sessionCookie();
  (await cookies()).set(name, token, { ...options, maxAge });

  await recordAudit(db(), { actor: user, action: 'auth.two_step.passed', entityType: 'user', entityId: user.id, at: now });
  redirect(pending.callbackUrl ?? roleHome(user.role));
}
