import { z } from 'zod';
import { config } from '@/lib/config';
import type { Refusal } from '@/lib/forms/state';
import type { AuthResult } from './authenticate';

/** Error codes in `/sign-in?error=` when the next-auth endpoint is used directly. */
export const SIGN_IN_ERRORS = {
  locked: 'TooManyAttempts',
  rateLimited: 'TooManyRequests',
} as const;

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

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

export const wrongCredentials = 'Enter a correct email address and password';

/**
 * What to tell someone whose attempt failed, shown by the e-mail field (where they start again);
 * never says whether the e-mail has an account.
 */
export function messageFor(result: Exclude<AuthResult, { ok: true }>): Refusal {
  switch (result.reason) {
    case 'locked':
      return { message: `Too many attempts. Try again in ${minutes(result.retryAfterSeconds)}.`, field: 'email' };
    case 'rate_limited':
      return {
        message: `Too many attempts from your network. Try again in ${minutes(result.retryAfterSeconds)}.`,
        field: 'email',
      };
    default:
      return { message: wrongCredentials, field: 'email' };
  }
}

/** Messages for `?error=` codes, for sign-ins that went through the next-auth endpoint. */
export function messageForErrorCode(code: string | undefined): Refusal | undefined {
  if (!code) return undefined;
  if (code === SIGN_IN_ERRORS.locked)
    return messageFor({ ok: false, reason: 'locked', retryAfterSeconds: config.auth.lockoutMinutes * 60 });
  if (code === SIGN_IN_ERRORS.rateLimited) return messageFor({ ok: false, reason: 'rate_limited', retryAfterSeconds: 60 });
  if (code === 'CredentialsSignin') return messageFor({ ok: false, reason: 'invalid' });
  if (code === 'SessionRequired') return { message: 'Sign in to see that page', field: 'email' };
  return { message: 'Sign in did not work. Try again.', field: 'email' };
}
