// Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) through the
// `otpauth` library. Pure functions of the secret and the clock, so tests pin the time.
import { Secret, TOTP } from 'otpauth';

export const PERIOD_SECONDS = 30;
export const DIGITS = 6;
/** Codes one step either side of now are accepted, for clocks a little out and slow typists. */
export const WINDOW = 1;

type TotpOptions = { algorithm?: 'SHA1' | 'SHA256' | 'SHA512'; digits?: number };

function totp(secretBase32: string, { algorithm = 'SHA1', digits = DIGITS }: TotpOptions = {}): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm, digits, period: PERIOD_SECONDS });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base32. */
export function generateSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The step a moment falls in: whole periods since the Unix epoch. */
export function stepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

/** The code an authenticator shows at `now` (for tests and the browser spec). */
export function codeAt(secretBase32: string, now: Date, options?: TotpOptions): string {
  return totp(secretBase32, options).generate({ timestamp: now.getTime() });
}

/** Digits only: spaces and dashes people type between groups are ignored. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' };

/**
 * Checks a code against the secret within ±1 step of `now`. A code whose step is not after
 * `lastUsedStep` is refused as replayed, even when correct: each code works once, and once a
 * later code has been used the earlier ones stop working too.
 */
export function checkCode(
  secretBase32: string,
  input: string,
  now: Date,
  lastUsedStep: number | null,
  options?: TotpOptions,
): TotpCheck {
  const code = normaliseCode(input);
  const digits = options?.digits ?? DIGITS;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return { ok: false, reason: 'invalid' };
  const delta = totp(secretBase32, options).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = stepAt(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, issuer: string, accountName: string): string {
  return new TOTP({
    issuer,
    label: accountName,
    issuerInLabel: true,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

/** The secret for typing in by hand: groups of 4 characters. */
export function manualKey(secretBase32: string): string {
  return (secretBase32.replace(/=+$/, '').match(/.{1,4}/g) ?? []).join(' ');
}
