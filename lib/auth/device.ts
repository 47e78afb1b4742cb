// OWASP's "device cookie": a browser where an account signed in successfully gets a signed cookie
// naming that account (by digest) and a random nonce. From such a browser the account is throttled
// only on that browser's own failures, so someone hammering the account from elsewhere does not
// slow the real person down.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { accountDigest } from './throttle';

const mac = (secret: string, digest: string, nonce: string) =>
  createHmac('sha256', secret).update(`${digest}.${nonce}`).digest('base64url');

/** A new device cookie value for this account. */
export function deviceCookieValue(email: string, secret: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(secret, accountDigest(email), nonce)}`;
}

/** The cookie's nonce if it was issued by us for this account; otherwise null. */
export function deviceNonce(value: string | undefined | null, email: string, secret: string): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const [nonce, given, extra] = value.split('.');
  if (!nonce || !given || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) return null;
  const expected = Buffer.from(mac(secret, accountDigest(email), nonce));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? nonce : null;
}
