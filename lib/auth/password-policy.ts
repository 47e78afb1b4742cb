// The one password policy, after NCSC guidance: long enough, not on a list of common passwords,
// not the person's own e-mail address or name, and no composition rules (no "one capital, one
// symbol"). Every place that sets a password uses it: staff invites, resets, group sign-up and
// colleague invites. The seed's demo passwords are the only exception.
import { z } from 'zod';
import { commonPasswords } from './common-passwords';
import { MIN_PASSWORD_LENGTH } from './password';

export { MIN_PASSWORD_LENGTH };
/** Long enough for any passphrase; argon2 hashes it in the same time whatever its length. */
export const MAX_PASSWORD_LENGTH = 1024;

export const passwordHint = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

export const passwordMessages = {
  missing: 'Enter a password',
  tooShort: `Your password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  tooLong: `Your password must be ${MAX_PASSWORD_LENGTH.toLocaleString('en-GB')} characters or fewer`,
  common: 'This password is too easy to guess because many people use it. Choose a different password',
  personal: 'Your password must not contain your email address or name. Choose a different password',
} as const;

let list: Set<string> | undefined;
const common = () => (list ??= new Set(commonPasswords.split('\n')));

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
// "Password123!" and "!!qwertyuiop2024" are the list's words with digits and symbols around them.
const core = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
const squash = (s: string) => s.replace(/[\s._-]+/g, '');

/** True when the password, or its letters without the digits and symbols around them, is a common password. */
export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  const candidates = new Set([folded, squash(folded), core(folded), squash(core(folded))]);
  for (const c of candidates) if (c.length > 0 && common().has(c)) return true;
  // One character over and over ("aaaaaaaaaaaa", "111111111111") is on no list but guessed at once.
  return new Set(folded).size < 3;
}

/** True when the password is the person's e-mail address, its name part or their name, give or take digits and symbols. */
export function isPersonalPassword(password: string, about: { email?: string | null; name?: string | null }): boolean {
  const folded = squash(fold(password));
  const stripped = squash(core(fold(password)));
  const email = about.email ? fold(about.email) : '';
  const local = email.split('@')[0] ?? '';
  const name = about.name ? squash(fold(about.name)) : '';
  const words = [email, squash(local), name].filter((w) => w.length >= 4);
  if (email && folded.includes(squash(email))) return true;
  return words.some((w) => folded === w || stripped === w || stripped === core(w));
}

/** What is wrong with a new password, or null when it may be used. */
export function passwordProblem(password: string, about: { email?: string | null; name?: string | null } = {}): string | null {
  if (password.length === 0) return passwordMessages.missing;
  if ([...password].length < MIN_PASSWORD_LENGTH) return passwordMessages.tooShort;
  if (password.length > MAX_PASSWORD_LENGTH) return passwordMessages.tooLong;
  if (isCommonPassword(password)) return passwordMessages.common;
  if (isPersonalPassword(password, about)) return passwordMessages.personal;
  return null;
}

/**
 * A new password field for a form's schema: length and the common list. Whose password it is
 * (their e-mail and name) is known only to the domain function, which calls `passwordProblem`
 * again with them, or to a form that asks for both (group sign-up).
 */
export const newPassword = z.string({ error: passwordMessages.missing }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
