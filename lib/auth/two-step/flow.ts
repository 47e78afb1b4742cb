// Between the password and the session: the pending cookie and where it sends people. The sign-in
// action calls `beginTwoStep` after a correct password when `needsSecondStep` says so.
import 'server-only';
import type { Route } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { config } from '@/lib/config';
import type { Role } from '../types';
import { resolveTwoStepKey } from './keys';
import { PENDING_SECONDS, openPending, sealPending, type Pending } from './pending';
import { twoStepRequired } from './policy';
import { isEnrolled } from './service';

let key: Promise<Buffer> | undefined;

/** This process's two-step key (from TWO_STEP_KEY, or the one generated for development). */
export function twoStepKey(): Promise<Buffer> {
  key ??= resolveTwoStepKey(db()).catch((error: unknown) => {
    key = undefined;
    throw error;
  });
  return key;
}

function pendingCookieName(): string {
  return config.baseUrl.startsWith('https://') ? '__Secure-two-step' : 'two-step';
}

function pendingCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: config.baseUrl.startsWith('https://') };
}

/**
 * Whether a sign-in needs a code after the password: the borough's policy says so for this user,
 * or they have set up an authenticator anyway.
 */
export async function needsSecondStep(tx: Tx, user: { id: string; email: string; role: Role }): Promise<boolean> {
  if (twoStepRequired(user, { required: config.twoStep.required, demoMode: config.demoMode })) return true;
  return isEnrolled(tx, user.id);
}

/** Remembers who passed the password step and sends them to give a code (or to set one up). */
export async function beginTwoStep(userId: string, callbackUrl?: string | null, now: Date = new Date()): Promise<never> {
  const token = sealPending(await twoStepKey(), userId, callbackUrl, now);
  (await cookies()).set(pendingCookieName(), token, { ...pendingCookieOptions(), maxAge: PENDING_SECONDS });
  redirect((await isEnrolled(db(), userId)) ? '/sign-in/two-step' : '/sign-in/two-step/set-up');
}

/** The sign-in waiting for its second step, or null. */
export async function readPending(now: Date = new Date()): Promise<Pending | null> {
  const token = (await cookies()).get(pendingCookieName())?.value;
  return openPending(await twoStepKey(), token, now);
}

export async function clearPending(): Promise<void> {
  (await cookies()).set(pendingCookieName(), '', { ...pendingCookieOptions(), maxAge: 0 });
}

/** The pending sign-in, or back to the sign-in page with a message when it has run out. */
export async function requirePending(): Promise<Pending> {
  const pending = await readPending();
  if (!pending) redirect('/sign-in?reason=two-step-expired' as Route);
  return pending;
}
