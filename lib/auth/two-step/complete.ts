// The one place a sign-in that has passed both steps becomes a session.
import 'server-only';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { issueSession } from '../issue-session';
import { roleHome } from '../roles';
import { clearPending } from './flow';
import type { Pending } from './pending';

/**
 * Signs in the user named by the pending step and goes on to where they were heading. The account
 * is read again here: one switched off between the two steps gets no session.
 */
export async function completeSignIn(pending: Pending, now: Date = new Date()): Promise<never> {
  const user = await db().user.findUnique({
    where: { id: pending.userId },
    select: { id: true, role: true, active: true },
  });
  await clearPending();
  if (!user || !user.active) redirect('/sign-in');
  await issueSession(user.id, now);

  await recordAudit(db(), { actor: user, action: 'auth.two_step.passed', entityType: 'user', entityId: user.id, at: now });
  redirect(pending.callbackUrl ?? roleHome(user.role));
}
