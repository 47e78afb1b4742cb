// The two-step forms' inputs and messages. Free of server imports: the forms use them too.
import { z } from 'zod';
import type { FormState, Refusal } from '@/lib/forms/state';
import type { CodeRefusal } from './service';

export const codeInput = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .min(1, { error: 'Enter the 6-digit code from your authenticator app' })
        .regex(/^\d+$/, { error: 'The code must only include numbers 0 to 9' })
        .length(6, { error: 'The code must be 6 numbers' }),
    ),
});

export const recoveryCodeInput = z.object({
  recoveryCode: z
    .string({ error: 'Enter one of your recovery codes' })
    .trim()
    .min(1, { error: 'Enter one of your recovery codes' })
    .max(40, { error: 'Enter the recovery code as it is written, like K7QMT-WX3CP' }),
});

/** A form state that can also carry recovery codes to show once. */
export type TwoStepFormState = FormState & { recoveryCodes?: string[] };

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

export function codeRefusal(reason: CodeRefusal, retryAfterSeconds = 0, field = 'code'): Refusal {
  switch (reason) {
    case 'throttled':
      return { message: `Too many wrong codes. Try again in ${minutes(retryAfterSeconds)}.`, field };
    case 'replayed':
      return { message: 'That code has already been used. Wait for your app to show a new code and enter that', field };
    case 'not_enrolled':
      return { message: 'Set up your authenticator app first', field };
    default:
      return field === 'code'
        ? { message: 'Enter the code shown in your authenticator app now', field }
        : { message: 'Enter a recovery code you have not used before', field };
  }
}

export const PASSKEY_NAME_MAX = 40;

export const passkeyNameInput = z.object({
  name: z
    .string({ error: 'Enter a name for the key, like Yellow key' })
    .trim()
    .min(1, { error: 'Enter a name for the key, like Yellow key' })
    .max(PASSKEY_NAME_MAX, { error: `The name must be ${PASSKEY_NAME_MAX} characters or fewer` }),
});

/**
 * The browser's answer from @simplewebauthn/browser, posted as JSON in the form's `response` field;
 * null when it is missing (no JavaScript, or the person cancelled) or not of that shape.
 */
export function credentialFrom<T>(value: FormDataEntryValue | null): T | null {
  if (typeof value !== 'string' || !value) return null;
  try {
    const parsed = JSON.parse(value) as { id?: unknown; response?: { clientDataJSON?: unknown } } | null;
    return typeof parsed?.id === 'string' && typeof parsed.response?.clientDataJSON === 'string' ? (parsed as T) : null;
  } catch {
    return null;
  }
}

/** Why a key was not accepted or added, for the whole form (the key is not a field). */
export function passkeyRefusal(reason: CodeRefusal | 'not_used', retryAfterSeconds = 0, adding = false): Refusal {
  if (reason === 'throttled') return { message: codeRefusal(reason, retryAfterSeconds).message };
  if (reason === 'not_used')
    return { message: 'Your security key or passkey was not used. Try again, and do what your browser asks when it opens' };
  return adding
    ? { message: 'The key was not added. Try again, and use it within 5 minutes of choosing the button' }
    : { message: 'That security key or passkey was not accepted. Use a key you have added to this account' };
}
