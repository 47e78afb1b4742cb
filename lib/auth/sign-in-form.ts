import { z } from 'zod';
import type { Refusal } from '@/lib/forms/state';
import type { AuthResult } from './authenticate';

export const signInInput = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, { error: 'Enter your email address' })
    .max(320, { error: 'Email address must be 320 characters or fewer' })
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' })),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, { error: 'Enter your password' })
    .max(1024, { error: 'Password must be 1,024 characters or fewer' }),
  callbackUrl: z.string().optional(),
});

/** The fields in the order they appear, for the error summary. */
export const SIGN_IN_FIELDS = ['email', 'password'] as const;

/** "20 seconds", "1 minute", "5 minutes": how long to wait, rounded up. */
export function waitWords(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return s === 1 ? '1 second' : `${s} seconds`;
  }
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

export const wrongCredentials = 'Enter a correct email address and password';

/**
 * What to tell someone whose attempt failed, shown by the e-mail field (where they start again);
 * never says whether the e-mail has an account, nor which count made them wait.
 */
export function messageFor(result: Exclude<AuthResult, { ok: true }>): Refusal {
  if (result.reason === 'throttled')
    return { message: `Too many attempts. Wait ${waitWords(result.retryAfterSeconds)}, then try again.`, field: 'email' };
  return { message: wrongCredentials, field: 'email' };
}

const withPassword = 'or sign in with your email address and password';

/** Why single sign-on sent someone back to the sign-in page (lib/auth/oidc/flow.ts). */
const oidcMessages: Record<string, string> = {
  'oidc-expired': `Signing in with your organisation's account took too long, or was started in another browser. Try again, ${withPassword}.`,
  'oidc-state': `Signing in with your organisation's account could not be checked, so it was stopped. Try again, ${withPassword}.`,
  'oidc-cancelled': `Signing in with your organisation's account was cancelled. Try again, ${withPassword}.`,
  'oidc-failed': `Signing in with your organisation's account is not working at the moment. Try again later, ${withPassword}.`,
  'oidc-unverified': `Your organisation's account did not give us an email address it has checked, so we cannot tell which account is yours. Ask your IT team, ${withPassword}.`,
  'oidc-subject': `Your account here is linked to a different organisation account. Sign in with the one you used before, or ask your coordinator or admin.`,
};

/**
 * Messages for `?reason=` on the sign-in page, when a page sent someone there. `email` is the
 * address a refused single sign-on named (kept in a short-lived cookie, never in the address bar).
 */
export function messageForReason(code: string | undefined, email?: string | null): string | undefined {
  if (code === 'timeout') return 'You were signed out because you had not done anything for a while. Sign in again.';
  if (code === 'two-step-expired') return 'Signing in took longer than 5 minutes, so it was stopped. Sign in again.';
  if (code === 'oidc-no-account')
    return `There is no active account for ${email ?? "the email address your organisation's account gave"}. Ask your coordinator or admin to invite you.`;
  return code ? oidcMessages[code] : undefined;
}
