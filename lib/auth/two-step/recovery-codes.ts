// Recovery codes: ten single-use codes shown once, for when the phone is lost. Stored only as
// HMAC-SHA256 digests under a key derived from TWO_STEP_KEY (a pepper kept out of the database), so
// a copy of the table alone gives nothing away; the codes carry over 47 random bits each, so a fast
// keyed digest is enough (no password-style stretching needed).
import { randomInt } from 'node:crypto';
import { hmac } from './keys';

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L, 8/B or 5/S: read off paper without mistakes.
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ234679';
const LENGTH = 10;

/** One code, as shown: two groups of five, like `K7QMT-WX3CP`. */
export function generateRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/** What people type, in the stored form: capitals, no spaces or dashes. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function looksLikeRecoveryCode(input: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(normaliseRecoveryCode(input));
}

export function hashRecoveryCode(key: Buffer, input: string): string {
  return hmac(key, normaliseRecoveryCode(input));
}
