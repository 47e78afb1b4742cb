// What the browser carries between leaving for the identity provider and coming back: the state,
// nonce and PKCE verifier of one sign-in and where to go afterwards, sealed (AES-GCM under a key
// derived from TWO_STEP_KEY) in a 10-minute httpOnly cookie. Also the short notice that names the
// e-mail address no account was found for. Pure, so tests seal and open with a pinned clock.
import type { Route } from 'next';
import { safeCallbackUrl } from '../roles';
import { open, seal } from '../two-step/keys';

export const STATE_SECONDS = 10 * 60;
export const NOTICE_SECONDS = 2 * 60;

export type OidcState = { state: string; nonce: string; verifier: string; callbackUrl: Route | null };

export function sealState(key: Buffer, value: OidcState, now: Date): string {
  const body = {
    s: value.state,
    n: value.nonce,
    v: value.verifier,
    c: value.callbackUrl,
    e: now.getTime() + STATE_SECONDS * 1000,
  };
  return seal(key, JSON.stringify(body), 'oidc-state');
}

/** The sign-in under way, or null when the cookie is missing, altered, sealed under another key or expired. */
export function openState(key: Buffer, token: string | undefined, now: Date): OidcState | null {
  const body = openBody(key, token, 'oidc-state', now);
  if (!body || typeof body.s !== 'string' || typeof body.n !== 'string' || typeof body.v !== 'string') return null;
  return { state: body.s, nonce: body.n, verifier: body.v, callbackUrl: safeCallbackUrl(body.c) };
}

export function sealNotice(key: Buffer, email: string, now: Date): string {
  return seal(key, JSON.stringify({ m: email, e: now.getTime() + NOTICE_SECONDS * 1000 }), 'oidc-notice');
}

/** The e-mail address the last refused sign-in named, for the sign-in page's message. */
export function openNotice(key: Buffer, token: string | undefined, now: Date): string | null {
  const body = openBody(key, token, 'oidc-notice', now);
  return body && typeof body.m === 'string' ? body.m : null;
}

function openBody(key: Buffer, token: string | undefined, context: string, now: Date): Record<string, unknown> | null {
  if (!token) return null;
  const text = open(key, token, context);
  if (!text) return null;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    return typeof body.e === 'number' && body.e > now.getTime() ? body : null;
  } catch {
    return null;
  }
}
